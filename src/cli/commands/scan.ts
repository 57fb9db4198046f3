import { resolve } from 'node:path';
import { ConfigError, findConfig, loadConfig } from '../../config/load.js';
import { FORMAT_NAMES } from '../../report/formatters/index.js';
import { SEVERITIES } from '../../report/severity.js';
import { scan, type ScanOptions } from '../../scan/scan.js';
import { byteSize, oneOf, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { deliverReport } from '../deliver-report.js';
import type { FailOn } from '../exit-code.js';
import { UsageError, type CliIo } from '../io.js';
import { progressReporter } from '../progress.js';

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
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
  color: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  'debug-taint': { type: 'boolean' },
  'rule-timings': { type: 'boolean' },
  samples: { type: 'string' },
} as const;

const USAGE = `Usage: nobackdoor scan [PATH...] [options]

Scans TypeScript/JavaScript files under PATH (default ".") with the shipped rule pack and any
--rules packs. Every path in the output, traces included, is relative to one root: PATH when one
is given (the folder of a single FILE), else the working directory (--root overrides).

Options:
  -f, --format FORMAT      ${FORMAT_NAMES.join(', ')} (default text)
  -o, --output FILE        write the report to FILE (atomically) instead of stdout
      --fail-on SEVERITY   exit 1 on findings at or above: ${SEVERITIES.join(', ')}, none (default low)
  -r, --rules PATH         add a rule file or folder (repeatable)
      --no-default-rules   do not run the shipped rule pack
  -c, --config FILE        config file (default: nobackdoor.config.yaml, searched upward)
      --include GLOB       only scan matching files (gitignore syntax, repeatable)
      --exclude GLOB       skip matching files (gitignore syntax, repeatable)
      --no-default-excludes
                           also scan dependency and build folders (node_modules, dist, build,
                           out, coverage, .next, …) and *.min.js files
      --root DIR           make output paths relative to DIR
      --strict             exit 2 when any file could not be analysed
      --max-file-size SIZE skip larger files, reporting them (default 1m)
      --test-severity lower|same   severity of findings in test code (default lower)
      --scan-minified      scan files that look minified instead of listing them
      --no-color           no colour (NO_COLOR and FORCE_COLOR are honoured)
  -q, --quiet              no progress or summary on stderr
      --verbose            show data-flow paths whole (text output shortens them)
      --debug-taint        explain on stderr, per file and taint rule, what the sources, sinks
                           and sanitizers matched and what each function does with taint
      --rule-timings       print the slowest rules' matching time on stderr
      --samples PATH       try the keys found hard-coded on these ciphertext samples
                           (a key that opens them is reported as critical where it is written)

Exit codes: 0 no findings at or above --fail-on; 1 findings; 2 usage, config, rule or internal errors.
`;

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan source files for escrow, plaintext logging, weak crypto and server-side key access',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('scan', argv, OPTIONS);
    const format = oneOf('--format', values.format, FORMAT_NAMES, 'text');
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
    const quiet = values.quiet ?? false;

    const progress = progressReporter(io, quiet);
    const options: ScanOptions = {
      paths: positionals.length > 0 ? positionals : ['.'],
      cwd: io.cwd,
      ...(values.root ? { root: values.root } : {}),
      rules: [...(config.rules ?? []).map((path) => resolve(base, path)), ...(values.rules ?? [])],
      defaultRules: values['default-rules'] ?? config['default-rules'] ?? true,
      ...((values.include ?? config.include) ? { include: values.include ?? config.include } : {}),
      ...((values.exclude ?? config.exclude) ? { exclude: [...(config.exclude ?? []), ...(values.exclude ?? [])] } : {}),
      ...(maxFileSize !== undefined ? { maxFileSize } : {}),
      testSeverity,
      scanMinified: values['scan-minified'] ?? config['scan-minified'] ?? false,
      defaultExcludes: values['default-excludes'] ?? config['default-excludes'] ?? true,
      onProgress: progress.update,
      ...(values['rule-timings'] ? { ruleTimings: new Map<string, number>() } : {}),
      ...(values.samples ? { samples: values.samples } : {}),
      ...(values['debug-taint'] ? { debugTaint: (text: string) => io.stderr.write(text) } : {}),
    };
    const report = await scan(options);
    progress.done();
    if (options.ruleTimings) writeRuleTimings(options.ruleTimings, io);

    return deliverReport(report, {
      format, output: values.output, color: values.color, verbose: values.verbose ?? false, quiet, failOn, strict: values.strict ?? false,
      inputNoun: { one: 'path', many: 'paths', verb: 'analysed' }, prefix: 'nobackdoor',
    }, io);
  },
};

const SLOWEST_RULES = 15;

function writeRuleTimings(timings: Map<string, number>, io: CliIo): void {
  const slowest = [...timings].sort((a, b) => b[1] - a[1]).slice(0, SLOWEST_RULES);
  io.stderr.write('rule matching time (ms), slowest first:\n');
  for (const [id, ms] of slowest) io.stderr.write(`${ms.toFixed(0).padStart(8)}  ${id}\n`);
}
