import { resolve } from 'node:path';
import { baselineText, BaselineError, countOf, createBaseline, readBaseline, scan, SCAN_OPTIONS, scanSetup, withEnvironment, type Baseline } from '../../index.js';
import { asUsage, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-code.js';
import { UsageError } from '../io.js';
import { writeFileAtomic } from '../output.js';

export const DEFAULT_BASELINE_FILE = '.nobackdoor-baseline.json';

const OPTIONS = { ...SCAN_OPTIONS, output: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' } } as const;

const USAGE = `Usage: nobackdoor baseline create|update [PATH...] [-o FILE] [scan options]

Writes the fingerprints of today's findings to FILE (default ${DEFAULT_BASELINE_FILE}, or the
config's "baseline"), so that "nobackdoor scan --baseline FILE" reports only new ones.
  create  a baseline of every finding (suppressed ones stay out: they carry their own reason)
  update  the same, keeping the "reason" written in FILE for entries that still match and
          dropping entries that no longer match a finding

Commit the file. Fingerprints do not change when code above a finding moves; they do when the
flagged code itself changes. Scan with the same root (PATH or --root) as when it was written.
Takes the scan options (--rules, --exclude, --config, …); see "nobackdoor scan --help".
`;

export const baselineCommand: Command = {
  name: 'baseline',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseCommandArgs('baseline', argv, OPTIONS);
    const [action, ...paths] = parsed.positionals;
    if (action !== 'create' && action !== 'update') {
      throw new UsageError(`baseline takes "create" or "update"${action ? `, not "${action}"` : ''}. Run "nobackdoor baseline --help".`);
    }
    const values = asUsage(() => withEnvironment(parsed.values, OPTIONS, io.env));
    const setup = asUsage(() => scanSetup(values, paths, io.cwd, io.env));
    const file = resolve(io.cwd, values.output ?? setup.configBaseline ?? DEFAULT_BASELINE_FILE);
    let previous: Baseline | undefined;
    if (action === 'update') {
      try {
        previous = readBaseline(file);
      } catch (error) {
        if (error instanceof BaselineError) throw new UsageError(error.message);
        throw error;
      }
    }
    const report = await scan(setup.options);
    const failures = report.errors.filter((error) => error.kind === 'rule' || error.kind === 'config' || error.kind === 'internal');
    if (failures.length > 0) {
      for (const error of failures) io.stderr.write(`nobackdoor baseline: ${error.file ? `${error.file}: ` : ''}${error.message} [${error.kind}]\n`);
      io.stderr.write('nobackdoor baseline: the scan failed, so no baseline was written.\n');
      return EXIT_ERROR;
    }
    const baseline = createBaseline(report, previous);
    writeFileAtomic(file, baselineText(baseline));
    if (!(values.quiet ?? false)) {
      const dropped = previous ? previous.entries.length - baseline.entries.filter((entry) => previous.entries.some((old) => old.fingerprint === entry.fingerprint && old.ruleId === entry.ruleId)).length : 0;
      io.stderr.write(`nobackdoor baseline: wrote ${countOf(baseline.entries.length, 'entry', 'entries')} to ${file}${previous ? ` (${dropped} stale dropped)` : ''}.\n`);
    }
    return EXIT_OK;
  },
};
