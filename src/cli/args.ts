import { parseArgs, type ParseArgsConfig } from 'node:util';
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
    throw new UsageError(`${reason.replace(/\.$/, '')} (nobackdoor ${command}). Run "nobackdoor ${command} --help" for the options.`);
  }
}

/** Checks a flag's value against its allowed words, with a message that lists them. */
export function oneOf<const T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
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
