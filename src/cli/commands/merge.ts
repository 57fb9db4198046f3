import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  describeRule,
  exitCodeFor,
  FORMAT_NAMES,
  FORMATTERS,
  isSarifLog,
  loadRulePack,
  mergeReports,
  mergeSarifLogs,
  MergeError,
  outcomeOfSarif,
  reportFromJson,
  SEVERITIES,
  type FailOn,
  type Report,
} from '../../index.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../io.js';
import { writeFileAtomic } from '../output.js';

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  strict: { type: 'boolean' },
  rules: { type: 'string', multiple: true, short: 'r' },
  'default-rules': { type: 'boolean' },
  category: { type: 'string' },
} as const;

const USAGE = `Usage: nobackdoor merge REPORT... [-o FILE] [--format FORMAT] [--fail-on SEVERITY]

Joins the reports of a sharded scan ("scan --shard I/N") into one, as GitHub code scanning needs
(one run per category). A finding that two shards both reported appears once.
  SARIF logs  → one SARIF log with one run (rules united, results de-duplicated)
  JSON reports → one report in any --format (json by default); rule descriptions for SARIF and
                 Markdown come from the shipped pack and --rules
Options: -o FILE, --format, --fail-on (decides the exit code of the merged result), --strict,
--rules PATH, --no-default-rules, --category NAME.
Exit codes as for "nobackdoor scan"; a shard that is missing is an error (exit 2).
`;

export const mergeCommand: Command = {
  name: 'merge',
  usage: USAGE,
  run(argv, io) {
    const { values, positionals } = parseCommandArgs('merge', argv, OPTIONS);
    if (positionals.length === 0) throw new UsageError('merge needs the reports to join: nobackdoor merge shard-1.sarif shard-2.sarif -o merged.sarif.');
    const failOn: FailOn = oneOf('--fail-on', values['fail-on'], [...SEVERITIES, 'none'] as const, 'low');
    const strict = values.strict ?? false;
    const inputs = positionals.map((path) => ({ source: path, text: read(resolve(io.cwd, path), path) }));
    try {
      const parsed = inputs.map(({ source, text }) => ({ source, data: parseJson(text, source) }));
      const sarif = parsed.filter((input) => isSarifLog(input.data));
      if (sarif.length > 0 && sarif.length < parsed.length) throw new MergeError('merge SARIF logs with SARIF logs and JSON reports with JSON reports, not both');
      if (sarif.length > 0) {
        oneOf('--format', values.format, ['sarif'] as const, 'sarif');
        const merged = mergeSarifLogs(parsed.map(({ source, data }) => ({ source, log: data })));
        emit(JSON.stringify(merged, null, 2) + '\n', values.output, io);
        return exitCodeFor(outcomeOfSarif(merged), { failOn, strict });
      }
      const format = oneOf('--format', values.format, FORMAT_NAMES, 'json');
      const reports = inputs.map(({ source, text }) => reportFromJson(text, source));
      const merged: Report = mergeReports(reports);
      if (format === 'sarif' || format === 'markdown') {
        const pack = loadRulePack({ paths: values.rules ?? [], includeDefault: values['default-rules'] ?? true, cwd: io.cwd });
        merged.rules = pack.rules.map(describeRule);
      }
      emit(FORMATTERS[format](merged, { color: false, failOn, ...(values.category ? { category: values.category } : {}) }), values.output, io);
      return exitCodeFor(merged, { failOn, strict });
    } catch (error) {
      if (error instanceof MergeError) throw new UsageError(`${error.message}.`);
      throw error;
    }
  },
};

function read(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MergeError(`${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function emit(text: string, output: string | undefined, io: Parameters<Command['run']>[1]): void {
  if (output) writeFileAtomic(resolve(io.cwd, output), text);
  else io.stdout.write(text);
}
