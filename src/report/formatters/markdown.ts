import { SKIP_KINDS, type Finding, type Report } from '../finding.js';
import { blockingFindings } from '../outcome.js';
import { SEVERITIES, severityRank } from '../severity.js';
import { countOf } from '../../text/count.js';
import type { Formatter } from './types.js';

/** GitHub refuses a job summary over 1 MiB; stay well under it, with room for the closing lines. */
export const MARKDOWN_LIMIT_BYTES = 1_000_000;
const RESERVED_BYTES = 4_096;

/**
 * GitHub-flavoured Markdown for job summaries and pull-request comments: counts by category and
 * severity, then the findings (most severe first), then what was not analysed. Under 1 MiB; when
 * the findings do not fit, the summary says how many were left out.
 */
export const formatMarkdown: Formatter = (report, options) => {
  const blocking = options.failOn ? blockingFindings(report, options.failOn).length : undefined;
  const head = [
    `## nobackdoor: ${headline(report, blocking, options.failOn)}`,
    '',
    ...countsTable(report),
    ...leftOut(report),
  ];
  const tail = problems(report);
  const rows = [...report.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.file.localeCompare(b.file) || a.line - b.line);
  const budget = MARKDOWN_LIMIT_BYTES - RESERVED_BYTES - bytes(head) - bytes(tail);
  const table: string[] = [];
  if (rows.length > 0) table.push('### Findings', '', '| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |');
  let used = bytes(table);
  let shown = 0;
  for (const finding of rows) {
    const row = findingRow(finding);
    const size = Buffer.byteLength(row, 'utf8') + 1;
    if (used + size > budget) break;
    table.push(row);
    used += size;
    shown++;
  }
  if (shown < rows.length) {
    table.push('', `**${countOf(rows.length - shown, 'more finding is', 'more findings are')} not shown**: GitHub limits a summary to 1 MiB. The SARIF or JSON report lists them all.`);
  }
  if (table.length > 0) table.push('');
  return [...head, ...table, ...tail].join('\n').trimEnd() + '\n';
};

function headline(report: Report, blocking: number | undefined, failOn: string | undefined): string {
  if (report.findings.length === 0) return `no findings in ${countOf(report.stats.files, 'file')}`;
  const blockingNote = blocking === undefined || failOn === 'none' ? '' : `, ${blocking} at or above ${failOn}`;
  return `${countOf(report.findings.length, 'finding')}${blockingNote} in ${countOf(report.stats.files, 'file')}`;
}

function countsTable(report: Report): string[] {
  if (report.findings.length === 0) return [];
  const categories = [...new Set(report.findings.map((finding) => finding.category))].sort();
  const present = SEVERITIES.filter((severity) => report.findings.some((finding) => finding.severity === severity));
  const lines = [`| Category | ${present.join(' | ')} | total |`, `| --- | ${present.map(() => '---:').join(' | ')} | ---: |`];
  for (const category of categories) {
    const inCategory = report.findings.filter((finding) => finding.category === category);
    const cells = present.map((severity) => String(inCategory.filter((finding) => finding.severity === severity).length));
    lines.push(`| ${category} | ${cells.join(' | ')} | ${inCategory.length} |`);
  }
  const totals = present.map((severity) => String(report.findings.filter((finding) => finding.severity === severity).length));
  lines.push(`| **total** | ${totals.join(' | ')} | **${report.findings.length}** |`, '');
  return lines;
}

function leftOut(report: Report): string[] {
  const parts: string[] = [];
  if (report.stats.suppressed > 0) parts.push(`${report.stats.suppressed} suppressed in the code (each with a reason)`);
  if (report.stats.baselined > 0) parts.push(`${report.stats.baselined} already known (baseline or base branch)`);
  if (report.shard) parts.push(`shard ${report.shard.index} of ${report.shard.total}`);
  return parts.length > 0 ? [`Not shown: ${parts.join('; ')}.`, ''] : [];
}

function findingRow(finding: Finding): string {
  const where = `\`${code(finding.file)}:${finding.line}\``;
  const test = finding.test ? ' (test code)' : '';
  return `| ${finding.severity} | \`${code(finding.ruleId)}\` | ${where}${test} | ${cell(finding.message)} |`;
}

function problems(report: Report): string[] {
  const failures = report.errors.filter((error) => !SKIP_KINDS.has(error.kind));
  const skipped = report.errors.filter((error) => SKIP_KINDS.has(error.kind));
  const lines: string[] = [];
  const list = (title: string, items: Array<{ file?: string; line?: number; message: string; kind: string }>, limit = 50) => {
    if (items.length === 0) return;
    lines.push(`### ${title} (${items.length})`, '');
    for (const item of items.slice(0, limit)) {
      const where = item.file ? `\`${code(item.file)}${item.line ? `:${item.line}` : ''}\`: ` : '';
      lines.push(`- ${where}${cell(item.message)} (${item.kind})`);
    }
    if (items.length > limit) lines.push(`- … and ${items.length - limit} more in the full report`);
    lines.push('');
  };
  list('Errors', failures);
  list('Not analysed', skipped);
  list('Warnings', report.warnings);
  return lines;
}

/** Table cells hold one line; pipes and HTML would break the table. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function code(text: string): string {
  return text.replace(/`/g, "'").replace(/\|/g, '\\|');
}

function bytes(lines: readonly string[]): number {
  return lines.reduce((total, line) => total + Buffer.byteLength(line, 'utf8') + 1, 0);
}
