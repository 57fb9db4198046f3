import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, didYouMean, oneOf as settingOneOf } from '../index.js';
import { UsageError } from './io.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs<T extends OptionSpec> {
  values: { [K in keyof T]?: T[K] extends { type: 'boolean' } ? boolean : T[K] extends { multiple: true } ? string[] : string };
  positionals: string[];
}

/**
 * Strict argument parsing: an unknown flag or a missing value is a usage error that names the
 * flag and points at --help, never something silently ignored.
 */
export function parseCommandArgs<T extends OptionSpec>(command: string, argv: readonly string[], options: T): ParsedArgs<T> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true, allowNegative: true });
    return { values: values, positionals };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error);
    const unknown = /^Unknown option '(--[^']+)'/.exec(reason)?.[1];
    const hint = unknown ? didYouMean(unknown, flagSpellings(options), (flag) => flag) : '';
    throw new UsageError(`${reason.replace(/\.$/, '')} (nobackdoor ${command}).${hint} Run "nobackdoor ${command} --help" for the options.`);
  }
}

/** Every way a flag of the spec may be written: `--format`, and `--no-color` for booleans. */
function flagSpellings(options: OptionSpec): string[] {
  return Object.entries(options).flatMap(([name, spec]) => (spec.type === 'boolean' ? [`--${name}`, `--no-${name}`] : [`--${name}`]));
}

/**
 * Checks a flag's value against its allowed words, in any case (as rule files take severities),
 * with a message that lists them and suggests the closest.
 */
export function oneOf<const T extends string>(what: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  return asUsage(() => settingOneOf(what, value, allowed, fallback));
}

/** Library configuration errors are usage errors on the command line: exit 2, no stack. */
export function asUsage<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

export function positiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) <= 0) throw new UsageError(`--${flag} takes a whole number above 0; got "${value}".`);
  return Number(value);
}
