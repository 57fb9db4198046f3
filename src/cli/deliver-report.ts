import { resolve } from 'node:path';
import { countOf, FORMATTERS, SKIP_KINDS, type FormatName, type Report } from '../index.js';
import { wantsColor } from './color.js';
import { exitCodeFor, type FailOn } from './exit-code.js';
import type { CliIo } from './io.js';
import { writeFileAtomic } from './output.js';

export interface Delivery {
  format: FormatName;
  /** Write the report here (atomically) instead of stdout. */
  output: string | undefined;
  color: boolean | undefined;
  /** Data-flow paths whole in text output. */
  verbose: boolean;
  quiet: boolean;
  failOn: FailOn;
  strict: boolean;
  /** How the command names what it could not read: `path` for scan, `input` for inspect. */
  inputNoun: { one: string; many: string; verb: string };
  /** The prefix of stderr lines: `nobackdoor` or `nobackdoor inspect`. */
  prefix: string;
  /** SARIF category (automationDetails). */
  category?: string;
}

/**
 * The tail that scan and inspect share: format the report, write it to stdout or a file, tell the
 * person on stderr what the report holds that they might miss, and return the exit code.
 */
export function deliverReport(report: Report, delivery: Delivery, io: CliIo): number {
  const toStdout = delivery.output === undefined;
  const text = FORMATTERS[delivery.format](report, {
    color: toStdout && delivery.format === 'text' && wantsColor(io, delivery.color),
    verbose: delivery.verbose,
    failOn: delivery.failOn,
    ...(delivery.category ? { category: delivery.category } : {}),
  });
  if (delivery.output !== undefined) writeFileAtomic(resolve(io.cwd, delivery.output), text);
  else io.stdout.write(text);
  if (!delivery.quiet) writeStderrSummary(report, delivery, io, !(toStdout && delivery.format === 'text'));
  return exitCodeFor(report, delivery.failOn, delivery.strict);
}

/**
 * Skipped inputs are summarised on stderr; tool errors, and a scan that found nothing to scan,
 * are told there when stdout is for machines (text output already shows them).
 */
function writeStderrSummary(report: Report, delivery: Delivery, io: CliIo, listErrors: boolean): void {
  const skipped = report.errors.filter((error) => SKIP_KINDS.has(error.kind));
  if (listErrors) {
    for (const error of report.errors.filter((candidate) => !SKIP_KINDS.has(candidate.kind))) {
      const where = [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
      io.stderr.write(`${delivery.prefix}: ${where ? `${where}: ` : ''}${error.message} [${error.kind}]\n`);
    }
    for (const warning of report.warnings.filter((candidate) => candidate.kind === 'nothing-scanned')) io.stderr.write(`${delivery.prefix}: ${warning.message}\n`);
  }
  if (skipped.length > 0) {
    const byKind = new Map<string, number>();
    for (const error of skipped) byKind.set(error.kind, (byKind.get(error.kind) ?? 0) + 1);
    const detail = [...byKind].map(([kind, count]) => `${count} ${kind}`).join(', ');
    const noun = delivery.inputNoun;
    io.stderr.write(`${delivery.prefix}: ${countOf(skipped.length, `${noun.one} was`, `${noun.many} were`)} not ${noun.verb} (${detail}); the report lists each with its reason.\n`);
  }
}
