import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseShard, ShardError } from '../ci/shard.js';
import type { FailOn } from '../report/outcome.js';
import { SEVERITIES, type Severity } from '../report/severity.js';
import type { ScanOptions } from '../scan/scan.js';
import { didYouMean } from '../text/suggest.js';
import { ConfigError, findConfig, loadConfig } from './load.js';
import type { Config } from './schema.js';
import type { ContextOverride } from '../context/classify.js';
import type { FileSide } from '../context/file-context.js';
import type { Policies, RuleSetting } from './policy.js';

/** How a setting is given: a word, a list, or on/off. */
export type SettingSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** Setting values by flag name, as the command line or the Action's inputs give them. */
export type SettingValues = Record<string, string | boolean | string[] | undefined>;

/**
 * The settings that choose what a scan covers and how, by their command-line names (`fail-on`);
 * the CLI's flags, the Action's inputs and the NOBACKDOOR_* variables all use these names.
 */
export const SCAN_OPTIONS = {
  'fail-on': { type: 'string' },
  rules: { type: 'string', multiple: true, short: 'r' },
  'default-rules': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'default-excludes': { type: 'boolean' },
  root: { type: 'string' },
  strict: { type: 'boolean' },
  'max-file-size': { type: 'string' },
  'match-budget': { type: 'string' },
  'test-severity': { type: 'string' },
  'scan-minified': { type: 'boolean' },
  'honor-nosemgrep': { type: 'boolean' },
  'inline-suppressions': { type: 'boolean' },
  shard: { type: 'string' },
  staged: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-dir': { type: 'string' },
  'cache-max-size': { type: 'string' },
} as const satisfies SettingSpec;

export interface ScanSetup {
  options: ScanOptions;
  failOn: FailOn;
  strict: boolean;
  /** The baseline named by the config file, resolved from the config's folder. */
  configBaseline?: string;
}

/** `fail-on` → `NOBACKDOOR_FAIL_ON`: every setting has an environment variable. */
export function environmentName(flag: string): string {
  return `NOBACKDOOR_${flag.replace(/-/g, '_').toUpperCase()}`;
}

/**
 * Values with the NOBACKDOOR_* environment filling in what was not given (a flag or input wins
 * over the environment, which wins over the config file). Lists are comma-separated; on/off
 * settings take true/false/1/0.
 */
export function withEnvironment<T extends SettingValues>(given: T, spec: SettingSpec, env: Readonly<Record<string, string | undefined>>): T {
  const merged: SettingValues = { ...given };
  for (const [name, setting] of Object.entries(spec)) {
    if (merged[name] !== undefined) continue;
    const variable = environmentName(name);
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    if (setting.type === 'boolean') {
      const word = raw.trim().toLowerCase();
      if (!['true', 'false', '1', '0'].includes(word)) throw new ConfigError(`${variable} must be true or false; got "${raw}".`);
      merged[name] = word === 'true' || word === '1';
    } else if (setting.multiple) {
      merged[name] = raw.split(',').map((item) => item.trim()).filter(Boolean);
    } else {
      merged[name] = raw;
    }
  }
  return merged as T;
}

type ScanValues = { [K in keyof typeof SCAN_OPTIONS]?: (typeof SCAN_OPTIONS)[K] extends { type: 'boolean' } ? boolean : (typeof SCAN_OPTIONS)[K] extends { multiple: true } ? string[] : string };

/**
 * Flag (or input) > NOBACKDOOR_* environment > nobackdoor.config.yaml > default, for every scan
 * setting. `values` must already hold the environment (see withEnvironment). Bad values are
 * ConfigErrors that say what is allowed.
 */
export function scanSetup(values: ScanValues, positionals: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>> = process.env): ScanSetup {
  const scanRoot = resolve(cwd, positionals.length === 1 ? positionals[0]! : '.');
  const configFile = values.config ? resolve(cwd, values.config) : findConfig(scanRoot);
  const { config, base } = loadConfig(configFile, cwd);
  const failOn: FailOn = oneOf('--fail-on', values['fail-on'] ?? config['fail-on'], [...SEVERITIES, 'none'] as const, 'low');
  const testSeverity = oneOf('--test-severity', values['test-severity'] ?? config['test-severity'], ['lower', 'same'] as const, 'lower');
  const configSize = config['max-file-size'];
  const maxFileSize = byteSize('max-file-size', values['max-file-size'] ?? (configSize === undefined ? undefined : String(configSize)));
  const matchBudget = positiveCount('match-budget', values['match-budget']) ?? config['match-budget'];
  const cacheMaxBytes = byteSize('cache-max-size', values['cache-max-size'] ?? (config['cache-max-size'] === undefined ? undefined : String(config['cache-max-size'])));
  const cacheDir = (values.cache ?? config.cache ?? true) ? cacheFolder(values['cache-dir'] ? resolve(cwd, values['cache-dir']) : config['cache-dir'] ? resolve(base, config['cache-dir']) : undefined, env) : undefined;
  let shard;
  try {
    shard = values.shard ? parseShard(values.shard) : undefined;
  } catch (error) {
    if (error instanceof ShardError) throw new ConfigError(`${error.message}.`);
    throw error;
  }
  const include = values.include ?? config.include;
  const exclude = [...(config.exclude ?? []), ...(values.exclude ?? [])];
  const options: ScanOptions = {
    paths: positionals.length > 0 ? positionals : ['.'],
    cwd,
    ...(values.root ? { root: values.root } : {}),
    rules: [...(config.rules ?? []).map((path) => resolve(base, path)), ...(values.rules ?? [])],
    defaultRules: values['default-rules'] ?? config['default-rules'] ?? true,
    ...(include ? { include } : {}),
    ...(exclude.length > 0 ? { exclude } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(matchBudget !== undefined ? { matchBudget } : {}),
    testSeverity,
    scanMinified: values['scan-minified'] ?? config['scan-minified'] ?? false,
    defaultExcludes: values['default-excludes'] ?? config['default-excludes'] ?? true,
    honorNosemgrep: values['honor-nosemgrep'] ?? config['honor-nosemgrep'] ?? false,
    inlineSuppressions: values['inline-suppressions'] ?? true,
    policies: policiesOf(config),
    ...(config.contexts ? { contextOverrides: contextOverridesOf(config.contexts) } : {}),
    ...(shard ? { shard } : {}),
    ...(values.staged ? { staged: true } : {}),
    ...(cacheDir ? { cacheDir } : {}),
    ...(cacheMaxBytes !== undefined ? { cacheMaxBytes } : {}),
  };
  return {
    options,
    failOn,
    strict: values.strict ?? config.strict ?? false,
    ...(config.baseline ? { configBaseline: resolve(base, config.baseline) } : {}),
  };
}

/** docs/cache.md: --cache-dir, else $XDG_CACHE_HOME/nobackdoor, else ~/.cache/nobackdoor (none without a home). */
function cacheFolder(given: string | undefined, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (given) return given;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'nobackdoor');
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  return home ? join(home, '.cache', 'nobackdoor') : undefined;
}

function policiesOf(config: { 'rule-severity'?: Record<string, string>; policies?: Array<{ paths: string[]; 'rule-severity': Record<string, string> }> }): Policies {
  const settings = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([id, value]) => [id, value.toLowerCase() as RuleSetting])) as Record<string, Severity | 'off'>;
  return {
    ...(config['rule-severity'] ? { rules: settings(config['rule-severity']) } : {}),
    ...(config.policies ? { paths: config.policies.map((policy) => ({ paths: policy.paths, rules: settings(policy['rule-severity']) })) } : {}),
  };
}

function contextOverridesOf(contexts: NonNullable<Config['contexts']>): ContextOverride[] {
  return contexts.map((override) => ({
    paths: override.paths,
    ...(override.context ? { context: override.context.toLowerCase() as FileSide } : {}),
    ...(override.test !== undefined ? { test: override.test } : {}),
  }));
}

/** A word from a list, in any case, with a "did you mean" for typos. */
export function oneOf<const T extends string>(what: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const match = allowed.find((word) => word.toLowerCase() === value.toLowerCase());
  if (match !== undefined) return match;
  throw new ConfigError(`${what} must be one of ${allowed.join(', ')}; got "${value}".${didYouMean(value, allowed)}`);
}

/** Sizes such as 1048576, 512k, 2m or 1MiB. */
/** A whole number above zero, written with or without `_` or `,` between thousands. */
function positiveCount(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const digits = value.trim().replace(/[_,]/g, '');
  if (!/^[1-9]\d*$/.test(digits) || !Number.isSafeInteger(Number(digits))) throw new ConfigError(`--${flag} takes a whole number of steps above zero, such as 20000000; got "${value}".`);
  return Number(digits);
}

export function byteSize(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\s*(b|k|kb|kib|m|mb|mib)?$/i.exec(value.trim());
  if (!match) throw new ConfigError(`--${flag} takes a size such as 1048576, 512k or 2m; got "${value}".`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Number(match[1]) * factor;
}
