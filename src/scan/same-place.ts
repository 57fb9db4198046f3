import type { Finding, TraceStep } from '../report/finding.js';

/**
 * Findings of one rule at the same place that the analyses of different files reported (a constant
 * defined in one file and used in several, under `report-at-definition`) are one finding, whose
 * trace lists what each of them saw. Data-flow findings are paths, each its own finding.
 */
export function oneFindingPerPlace(findings: readonly Finding[]): Finding[] {
  const byPlace = new Map<string, number>();
  const result: Finding[] = [];
  for (const finding of findings) {
    if (finding.flowFingerprint !== undefined) {
      result.push(finding);
      continue;
    }
    const place = `${finding.ruleId}\0${finding.file}\0${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
    const index = byPlace.get(place);
    if (index === undefined) {
      byPlace.set(place, result.length);
      result.push(finding);
      continue;
    }
    const first = result[index]!;
    const trace = joinedTrace(first.trace ?? [], finding.trace ?? []);
    result[index] = { ...first, ...(trace.length > 0 ? { trace } : {}) };
  }
  return result;
}

function joinedTrace(first: readonly TraceStep[], second: readonly TraceStep[]): TraceStep[] {
  const seen = new Set(first.map(stepKey));
  return [...first, ...second.filter((step) => !seen.has(stepKey(step)))];
}

function stepKey(step: TraceStep): string {
  return `${step.file}:${step.line}:${step.column ?? ''}:${step.kind ?? ''}:${step.note}`;
}

/** A data-flow finding is one path: the same path reported by two files' analyses is one finding. */
export function flowIdentity(finding: Finding): string {
  return `${finding.ruleId}\0${finding.file}\0${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}\0${finding.flowFingerprint}`;
}
