import { SKIP_KINDS, type Finding, type Report } from '../finding.js';
import { severityRank, type Severity } from '../severity.js';
import { countOf } from '../../text/count.js';
import type { Formatter } from './types.js';

/** GitHub keeps 10 error and 10 warning annotations per step and drops the rest silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

type Level = 'error' | 'warning' | 'notice';
const LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'notice', info: 'notice' };

/**
 * Workflow commands that GitHub shows as annotations on the diff: tool failures, then findings,
 * most severe first, at most 10 per level; one notice says how many more the report holds.
 */
export const formatGithub: Formatter = (report) => annotationLines(report).join('\n') + (report.findings.length + report.errors.length > 0 ? '\n' : '');

export function annotationLines(report: Report): string[] {
  const lines: string[] = [];
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  let left = 0;
  const emit = (level: Level, properties: Record<string, string | number | undefined>, message: string) => {
    const cap = level === 'notice' ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
    if (used[level] >= cap) {
      left++;
      return;
    }
    used[level]++;
    lines.push(workflowCommand(level, properties, message));
  };
  for (const error of report.errors.filter((candidate) => !SKIP_KINDS.has(candidate.kind))) {
    emit('error', { file: error.file, line: error.line, title: `nobackdoor: ${error.kind} error` }, error.message);
  }
  const ordered = [...report.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  for (const finding of ordered) emit(LEVEL[finding.severity], findingProperties(finding), finding.message);
  if (left > 0) {
    lines.push(workflowCommand('notice', { title: 'nobackdoor: more findings' }, `${countOf(left, 'more annotation was', 'more annotations were')} left out (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level): see the job summary or the code scanning alerts`));
  }
  return lines;
}

function findingProperties(finding: Finding): Record<string, string | number | undefined> {
  const oneLine = finding.endLine === finding.line;
  return {
    file: finding.file,
    line: finding.line,
    endLine: finding.endLine,
    col: oneLine ? finding.column : undefined,
    endColumn: oneLine ? finding.endColumn : undefined,
    title: `nobackdoor ${finding.ruleId} (${finding.severity})`,
  };
}

/** `::level key=value,…::message`, escaped as the runner expects. */
export function workflowCommand(level: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
