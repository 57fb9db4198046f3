import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../index.js';
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
  if (value === undefined) return fallback;
  const match = allowed.find((word) => word.toLowerCase() === value.toLowerCase());
  if (match !== undefined) return match;
  throw new UsageError(`${what} must be one of ${allowed.join(', ')}; got "${value}".${didYouMean(value, allowed)}`);
}

export function positiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) <= 0) throw new UsageError(`--${flag} takes a whole number above 0; got "${value}".`);
  return Number(value);
}

/** Sizes such as 1048576, 512k, 2m or 1MiB. */
export function byteSize(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\s*(b|k|kb|kib|m|mb|mib)?$/i.exec(value.trim());
  if (!match) throw new UsageError(`--${flag} takes a size such as 1048576, 512k or 2m; got "${value}".`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Number(match[1]) * factor;
}

/** `fail-on` → `NOBACKDOOR_FAIL_ON`: every long flag of a command has an environment variable. */
export function environmentName(flag: string): string {
  return `NOBACKDOOR_${flag.replace(/-/g, '_').toUpperCase()}`;
}

/**
 * Flag values with the NOBACKDOOR_* environment filling in what the command line leaves out
 * (a flag wins over the environment, which wins over the config file). Lists are comma-separated;
 * booleans are true/false/1/0.
 */
export function withEnvironment<T extends OptionSpec>(parsed: ParsedArgs<T>['values'], options: T, env: Readonly<Record<string, string | undefined>>, skip: readonly string[] = []): ParsedArgs<T>['values'] {
  const merged: Record<string, unknown> = { ...parsed };
  for (const [name, spec] of Object.entries(options)) {
    if (merged[name] !== undefined || skip.includes(name)) continue;
    const variable = environmentName(name);
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    if (spec.type === 'boolean') {
      const word = raw.trim().toLowerCase();
      if (!['true', 'false', '1', '0'].includes(word)) throw new UsageError(`${variable} must be true or false; got "${raw}".`);
      merged[name] = word === 'true' || word === '1';
    } else if (spec.multiple) {
      merged[name] = raw.split(',').map((item) => item.trim()).filter(Boolean);
    } else {
      merged[name] = raw;
    }
  }
  return merged as ParsedArgs<T>['values'];
}
