import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_MATCH_BUDGET, DEFAULT_SARIF_CATEGORY, FORMAT_NAMES, scan, SCAN_OPTIONS, scanSetup, SEVERITIES, withEnvironment, type Report, type ScanOptions } from '../../index.js';
import { asUsage, oneOf, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { deliverReport } from '../deliver-report.js';
import type { CliIo } from '../io.js';
import { progressReporter } from '../progress.js';

const OPTIONS = {
  ...SCAN_OPTIONS,
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  'debug-taint': { type: 'boolean' },
  'rule-timings': { type: 'boolean' },
  samples: { type: 'string' },
  baseline: { type: 'string' },
  'diff-base': { type: 'string' },
  'include-suppressed': { type: 'boolean' },
  category: { type: 'string' },
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
      --strict             exit 2 when a file could not be analysed, or a suppression or
                           baseline entry is broken, expired, unused or stale
      --max-file-size SIZE skip larger files, reporting them (default 1m)
      --match-budget N     matcher steps one search rule may spend on one file; a rule that
                           runs out reports nothing there, with a warning (default 20000000)
      --test-severity lower|same   severity of findings in test code (default lower)
      --scan-minified      scan files that look minified instead of listing them
      --cache-dir DIR      keep per-file results here and reuse those whose inputs did not
                           change (default $XDG_CACHE_HOME/nobackdoor, else ~/.cache/nobackdoor)
      --no-cache           analyse every file; neither read nor write the cache
      --cache-max-size SIZE
                           cap of the cache folder; least recently used entries go (default 512m)
      --no-color           no colour (NO_COLOR and FORCE_COLOR are honoured)
  -q, --quiet              no progress or summary on stderr
      --verbose            show data-flow paths whole (text output shortens them)
      --debug-taint        explain on stderr, per file and taint rule, what the sources, sinks
                           and sanitizers matched and what each function does with taint
      --rule-timings       print the slowest rules' matching time, and the most matcher steps
                           a rule took on one file, on stderr
      --samples PATH       try the keys found hard-coded on these ciphertext samples
                           (a key that opens them is reported as critical where it is written)

Exceptions and CI:
      --baseline FILE      report only findings not in FILE ("nobackdoor baseline create")
      --diff-base REF      report only findings that are new compared with a scan of git REF
      --shard I/N          analyse and report only shard I of N (stable hash of each path);
                           join the shards' reports with "nobackdoor merge"
      --staged             scan the staged content of the changed files (pre-commit hooks)
      --honor-nosemgrep    also honour Semgrep's "// nosemgrep" comments
      --no-inline-suppressions
                           ignore "// nobackdoor-ignore…" comments (auditing)
      --include-suppressed list suppressed and baselined findings too (JSON, SARIF), with why
      --category NAME      SARIF category, one per analysis of a monorepo (default ${DEFAULT_SARIF_CATEGORY})

Every long flag can also be set as NOBACKDOOR_<FLAG> (NOBACKDOOR_FAIL_ON=high); a flag wins over
the environment, which wins over the config file.

Suppress one finding, with a reason (and, optionally, a last day):
  // nobackdoor-ignore-next-line RULE-ID[,RULE-ID] [until=YYYY-MM-DD] -- reason
  code(); // nobackdoor-ignore RULE-ID -- reason

Exit codes: 0 no findings at or above --fail-on; 1 findings; 2 usage, config, rule or internal
errors (and, with --strict, files not analysed and broken or unused suppressions and baseline entries).
`;

export const scanCommand: Command = {
  name: 'scan',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseCommandArgs('scan', argv, OPTIONS);
    const values = asUsage(() => withEnvironment(parsed.values, OPTIONS, io.env));
    const { positionals } = parsed;
    const format = oneOf('--format', values.format, FORMAT_NAMES, 'text');
    const setup = asUsage(() => scanSetup(values, positionals, io.cwd, io.env));
    const quiet = values.quiet ?? false;
    const progress = progressReporter(io, quiet);
    const baseline = values.baseline ?? setup.configBaseline;
    const options: ScanOptions = {
      ...setup.options,
      onProgress: progress.update,
      ...(values['rule-timings'] ? { ruleTimings: new Map<string, number>(), ruleSteps: new Map<string, number>() } : {}),
      ...(values.samples ? { samples: values.samples } : {}),
      ...(values['debug-taint'] ? { debugTaint: (text: string) => io.stderr.write(text) } : {}),
      ...(baseline ? { baseline } : {}),
      ...(values['diff-base'] ? { diffBase: values['diff-base'] } : {}),
      ...(values['include-suppressed'] ? { includeSuppressed: true } : {}),
    };
    const report = await scan(options);
    progress.done();
    if (options.ruleTimings) writeRuleTimings(options.ruleTimings, options.ruleSteps ?? new Map<string, number>(), options.matchBudget ?? DEFAULT_MATCH_BUDGET, io);
    if (format === 'sarif' && !quiet) warnAboutSarifRoot(report, options, io);
    if (!quiet) writeExceptionSummary(report, io);

    return deliverReport(report, {
      format, output: values.output, color: values.color, verbose: values.verbose ?? false, quiet, failOn: setup.failOn, strict: setup.strict,
      inputNoun: { one: 'path', many: 'paths', verb: 'analysed' }, prefix: 'nobackdoor',
      ...(values.category ? { category: values.category } : {}),
    }, io);
  },
};

/** GitHub resolves SARIF paths from the repository root; a scan rooted elsewhere needs --root. */
function warnAboutSarifRoot(report: Report, options: ScanOptions, io: CliIo): void {
  const root = resolve(io.cwd, options.root ?? (options.paths?.length === 1 ? options.paths[0]! : '.'));
  if (existsSync(join(root, '.git')) || report.findings.length === 0) return;
  for (let folder = dirname(root); folder !== dirname(folder); folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) {
      io.stderr.write(`nobackdoor: SARIF paths are relative to ${root}, but GitHub reads them from the repository root ${folder}; add --root ${folder} to match.\n`);
      return;
    }
  }
}

/** What suppressions and the baseline left out, so nobody wonders where a finding went. */
function writeExceptionSummary(report: Report, io: CliIo): void {
  const parts = [];
  if (report.stats.suppressed > 0) parts.push(`${report.stats.suppressed} suppressed in the code`);
  if (report.stats.baselined > 0) parts.push(`${report.stats.baselined} already known (baseline or --diff-base)`);
  if (parts.length > 0) io.stderr.write(`nobackdoor: not reported: ${parts.join(', ')}.\n`);
}

const SLOWEST_RULES = 15;

function writeRuleTimings(timings: Map<string, number>, steps: Map<string, number>, budget: number, io: CliIo): void {
  const slowest = [...timings].sort((a, b) => b[1] - a[1]).slice(0, SLOWEST_RULES);
  io.stderr.write('rule matching time (ms), slowest first:\n');
  for (const [id, ms] of slowest) io.stderr.write(`${ms.toFixed(0).padStart(8)}  ${id}\n`);
  const busiest = [...steps].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SLOWEST_RULES);
  if (busiest.length === 0) return;
  io.stderr.write(`most matcher steps on one file (search rules; match-budget ${budget.toLocaleString('en')}):\n`);
  for (const [id, count] of busiest) io.stderr.write(`${count.toLocaleString('en').padStart(12)}  ${(100 * count / budget).toFixed(1).padStart(5)} %  ${id}\n`);
}
