import { Chalk, type ChalkInstance } from 'chalk';
import { codeFrame } from '../code-frame.js';
import type { Finding, Report, ToolError, TraceStep } from '../finding.js';
import { SKIP_KINDS } from '../finding.js';
import { SEVERITIES, type Severity } from '../severity.js';
import { countOf } from '../../text/count.js';
import type { Formatter } from './types.js';
import { explainContext } from '../../context/explain.js';

/** Human output: findings grouped by file with a code frame, then problems, then one summary line. */
export const formatText: Formatter = (report, options) => {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  for (const [file, findings] of groupByFile(report.findings)) {
    lines.push(paint.underline(file));
    const context = options.verbose ? report.fileContexts?.[file] : undefined;
    if (context) lines.push(paint.dim(`  context: ${explainContext(context)}`));
    for (const finding of findings) lines.push(...describeFinding(finding, paint, options.verbose ?? false), '');
  }
  const skipped = report.errors.filter((error) => SKIP_KINDS.has(error.kind));
  const failures = report.errors.filter((error) => !SKIP_KINDS.has(error.kind));
  if (failures.length > 0) {
    lines.push(paint.bold.red('Errors'));
    for (const error of failures) lines.push(`  ${describeError(error)}`);
    lines.push('');
  }
  if (skipped.length > 0) {
    lines.push(paint.bold.yellow(`Not analysed (${skipped.length})`));
    for (const error of skipped) lines.push(`  ${describeError(error)}`);
    lines.push('');
  }
  if (report.warnings.length > 0) {
    lines.push(paint.bold.yellow('Warnings'));
    for (const warning of report.warnings) {
      const where = warning.file ? `${warning.file}${warning.line ? `:${warning.line}` : ''}: ` : '';
      lines.push(`  ${where}${warning.message} [${warning.kind}]`);
    }
    lines.push('');
  }
  lines.push(summary(report, paint));
  return lines.join('\n') + '\n';
};

function describeFinding(finding: Finding, paint: ChalkInstance, verbose: boolean): string[] {
  const severity = SEVERITY_COLOUR[finding.severity](paint)(finding.severity.toUpperCase().padEnd(8));
  const where = paint.dim(`${finding.line}:${finding.column}`);
  const contextNote = finding.test ? ' · in test code' : '';
  const head = `  ${where} ${severity} ${finding.message}`;
  const about = paint.dim(`    ${finding.ruleId} · ${finding.category} · confidence ${finding.confidence}${contextNote}`);
  const frame = codeFrame(finding, { gutter: paint.dim, marker: SEVERITY_COLOUR[finding.severity](paint) }).map(
    (line) => `    ${line}`,
  );
  const trace = traceLines(finding.trace ?? [], verbose).map((line) => paint.dim(`    ${line}`));
  const samples = finding.samples ? [paint.dim(`    samples: ${finding.samples.join(', ')}`)] : [];
  return [head, about, ...frame, ...trace, ...samples];
}

/** Flow steps beyond these are summarised as a count, unless --verbose: the source and the last steps tell most. */
const SHOWN_LAST_STEPS = 3;

/** A data-flow path as a short story (source, the last steps, how many in between); constants as where they are defined. */
function traceLines(trace: readonly TraceStep[], verbose: boolean): string[] {
  const flow = trace.filter((step) => step.kind !== undefined);
  const others = trace.filter((step) => step.kind === undefined).map((step) => `↳ ${step.file}:${step.line} ${step.note}`);
  if (flow.length === 0) return others;
  const shown = verbose || flow.length <= SHOWN_LAST_STEPS + 2 ? flow : [flow[0]!, ...flow.slice(-SHOWN_LAST_STEPS)];
  const lines = shown.map((step, index) => `${index === 0 ? '◆' : '↳'} ${step.file}:${step.line}:${step.column ?? 1} ${step.note}`);
  if (shown.length < flow.length) lines.splice(1, 0, `⋮ ${flow.length - shown.length} more steps (--verbose shows them)`);
  return [...lines, ...others];
}

function describeError(error: ToolError): string {
  const where = [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
  const rule = error.ruleId ? ` (rule ${error.ruleId})` : '';
  return `${where ? `${where}: ` : ''}${error.message}${rule} [${error.kind}]`;
}

function summary(report: Report, paint: ChalkInstance): string {
  const counts = SEVERITIES.map((severity) => [severity, report.findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const findings = countOf(report.findings.length, 'finding');
  const detail = counts.length > 0 ? ` (${counts.join(', ')})` : '';
  const files = `${countOf(report.stats.files, 'file')} analysed`;
  const skipped = report.stats.filesSkipped > 0 ? `, ${report.stats.filesSkipped} not analysed` : '';
  const errors = report.errors.length > 0 ? `, ${countOf(report.errors.length, 'error')}` : '';
  const text = `${findings}${detail} · ${files}${skipped}${errors} · ${countOf(report.stats.rules, 'rule')}`;
  return report.findings.length > 0 ? paint.bold(text) : paint.green(text);
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

const SEVERITY_COLOUR: Record<Severity, (paint: ChalkInstance) => ChalkInstance> = {
  critical: (paint) => paint.bold.magenta,
  high: (paint) => paint.bold.red,
  medium: (paint) => paint.yellow,
  low: (paint) => paint.cyan,
  info: (paint) => paint.gray,
};
