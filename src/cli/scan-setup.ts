import { resolve } from 'node:path';
import { ConfigError, findConfig, loadConfig, parseShard, SEVERITIES, ShardError, type FailOn, type Policies, type RuleSetting, type ScanOptions, type Severity } from '../index.js';
import { byteSize, oneOf, withEnvironment, type OptionSpec, type ParsedArgs } from './args.js';
import { UsageError, type CliIo } from './io.js';

/** The flags that choose what a scan covers and how; `scan` and `baseline` share them. */
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
  'test-severity': { type: 'string' },
  'scan-minified': { type: 'boolean' },
  'honor-nosemgrep': { type: 'boolean' },
  'inline-suppressions': { type: 'boolean' },
  shard: { type: 'string' },
  staged: { type: 'boolean' },
} as const satisfies OptionSpec;

export interface ScanSetup {
  options: ScanOptions;
  failOn: FailOn;
  strict: boolean;
  /** The baseline named by the config file, resolved from the config's folder. */
  configBaseline?: string;
}

/**
 * Flag > NOBACKDOOR_* environment > nobackdoor.config.yaml > default, for every scan setting.
 * `values` must already hold the environment (see withEnvironment).
 */
export function scanSetup(values: ParsedArgs<typeof SCAN_OPTIONS>['values'], positionals: readonly string[], io: CliIo): ScanSetup {
  const scanRoot = resolve(io.cwd, positionals.length === 1 ? positionals[0]! : '.');
  let loaded;
  try {
    const configFile = values.config ? resolve(io.cwd, values.config) : findConfig(scanRoot);
    loaded = loadConfig(configFile, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const { config, base } = loaded;
  const failOn: FailOn = oneOf('--fail-on', values['fail-on'] ?? config['fail-on'], [...SEVERITIES, 'none'] as const, 'low');
  const testSeverity = oneOf('--test-severity', values['test-severity'] ?? config['test-severity'], ['lower', 'same'] as const, 'lower');
  const configSize = config['max-file-size'];
  const maxFileSize = byteSize('max-file-size', values['max-file-size'] ?? (configSize === undefined ? undefined : String(configSize)));
  let shard;
  try {
    shard = values.shard ? parseShard(values.shard) : undefined;
  } catch (error) {
    if (error instanceof ShardError) throw new UsageError(`${error.message}.`);
    throw error;
  }
  const include = values.include ?? config.include;
  const exclude = [...(config.exclude ?? []), ...(values.exclude ?? [])];
  const options: ScanOptions = {
    paths: positionals.length > 0 ? positionals : ['.'],
    cwd: io.cwd,
    ...(values.root ? { root: values.root } : {}),
    rules: [...(config.rules ?? []).map((path) => resolve(base, path)), ...(values.rules ?? [])],
    defaultRules: values['default-rules'] ?? config['default-rules'] ?? true,
    ...(include ? { include } : {}),
    ...(exclude.length > 0 ? { exclude } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    testSeverity,
    scanMinified: values['scan-minified'] ?? config['scan-minified'] ?? false,
    defaultExcludes: values['default-excludes'] ?? config['default-excludes'] ?? true,
    honorNosemgrep: values['honor-nosemgrep'] ?? config['honor-nosemgrep'] ?? false,
    inlineSuppressions: values['inline-suppressions'] ?? true,
    policies: policiesOf(config),
    ...(shard ? { shard } : {}),
    ...(values.staged ? { staged: true } : {}),
  };
  return {
    options,
    failOn,
    strict: values.strict ?? config.strict ?? false,
    ...(config.baseline ? { configBaseline: resolve(base, config.baseline) } : {}),
  };
}

function policiesOf(config: { 'rule-severity'?: Record<string, string>; policies?: Array<{ paths: string[]; 'rule-severity': Record<string, string> }> }): Policies {
  const settings = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([id, value]) => [id, value.toLowerCase() as RuleSetting])) as Record<string, Severity | 'off'>;
  return {
    ...(config['rule-severity'] ? { rules: settings(config['rule-severity']) } : {}),
    ...(config.policies ? { paths: config.policies.map((policy) => ({ paths: policy.paths, rules: settings(policy['rule-severity']) })) } : {}),
  };
}

export { withEnvironment };
