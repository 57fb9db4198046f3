import { isExternal } from '../lang/origin.js';
import type { Evidence, FlowStep } from '../match/evidence.js';
import type { TraceStep } from './finding.js';

/** How a finding's trace names places: paths relative to the scan root, positions 1-based. */
export interface TraceSite {
  /** The analysed file, as shown in findings. */
  path: string;
  /** Offset → position in the analysed file. */
  position(offset: number): { line: number; column: number };
  /** The analysed file's text, for the names of local constants. */
  text: string;
  /** An absolute path as shown in findings (relative to the scan root). */
  displayPath(absolutePath: string): string;
  /** Offset → position in any file of the project (for flow steps in other files). */
  positionIn(file: string, offset: number): { line: number; column: number } | undefined;
  /** Whether `file` names the analysed file itself. */
  isAnalysedFile(file: string): boolean;
}

/** Flow traces longer than this keep their first and last steps, with a note of how many were left out. */
const MAX_FLOW_STEPS = 20;

/**
 * The `trace` of a finding from its evidence: the definitions of constants that decided the match
 * (outside the matched code), and the steps of a data-flow path.
 */
export function traceOf(evidence: readonly Evidence[], range: readonly [number, number], site: TraceSite): TraceStep[] {
  const steps: TraceStep[] = [];
  const seen = new Set<string>();
  const add = (step: TraceStep) => {
    const key = `${step.file}:${step.line}:${step.column ?? 0}:${step.kind ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    steps.push(step);
  };
  for (const item of evidence) {
    if (item.kind === 'flow') {
      for (const step of boundedFlow(item.steps)) {
        const rendered = flowStep(step, site);
        if (rendered) add(rendered);
      }
      continue;
    }
    if (item.kind === 'use') {
      const rendered = flowStep({ kind: 'sink', file: item.file ?? site.path, range: item.range, note: 'used here' }, site);
      if (rendered) add({ ...rendered, kind: 'use' });
      continue;
    }
    const origin = item.origin;
    if (isExternal(origin)) {
      add({ file: site.displayPath(origin.file), line: origin.line, column: origin.column, note: `${origin.text} is defined here` });
      continue;
    }
    if (origin.range[0] >= range[0] && origin.range[0] < range[1]) continue;
    const position = site.position(origin.range[0]);
    const name = site.text.slice(origin.range[0], Math.min(origin.range[1], origin.range[0] + 60));
    add({ file: site.path, line: position.line, column: position.column, note: `${name} is defined here` });
  }
  return steps;
}

function boundedFlow(steps: readonly FlowStep[]): readonly FlowStep[] {
  if (steps.length <= MAX_FLOW_STEPS) return steps;
  const head = steps.slice(0, MAX_FLOW_STEPS / 2);
  const tail = steps.slice(steps.length - MAX_FLOW_STEPS / 2);
  const omitted = steps.length - head.length - tail.length;
  const marker: FlowStep = { ...tail[0]!, note: `… ${omitted} more steps …` };
  return [...head, marker, ...tail];
}

function flowStep(step: Omit<FlowStep, 'kind'> & { kind: string }, site: TraceSite): TraceStep | undefined {
  const local = site.isAnalysedFile(step.file);
  const start = local ? site.position(step.range[0]) : site.positionIn(step.file, step.range[0]);
  const end = local ? site.position(step.range[1]) : site.positionIn(step.file, step.range[1]);
  if (!start || !end) return undefined;
  return {
    file: local ? site.path : site.displayPath(step.file),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    kind: step.kind,
    note: step.note,
  };
}
