import type { Origin } from '../lang/origin.js';
import type { Confidence, Severity } from '../report/severity.js';

/**
 * Why a match holds, beyond the code it covers: what a finding's `trace` is built from
 * (report/trace.ts). Every engine adds its own kinds; the report layer renders each kind.
 */
export type Evidence = ConstantEvidence | FlowEvidence | UseEvidence;

/** The match read a constant defined at `origin` (this file or another). */
export interface ConstantEvidence {
  kind: 'constant';
  origin: Origin;
}

/** A use of the value a finding reports at its definition (`report-at-definition`). */
export interface UseEvidence {
  kind: 'use';
  /** The file of the use (absolute, or the path the file was analysed under). */
  file?: string;
  range: readonly [number, number];
}

/** A value's path from where it was produced to where it was used. */
export interface FlowEvidence {
  kind: 'flow';
  steps: readonly FlowStep[];
  /** Lower than the rule's when the path rests on a weaker source (a name-only model entry). */
  confidence?: Confidence;
  /** Lower than the rule's when the path rests on a source that proves less (a name-only model entry). */
  severity?: Severity;
}

/** The first source step of a match's flow evidence, if it has one. */
export function flowSource(match: { state: { evidence: readonly Evidence[] } }): FlowStep | undefined {
  for (const item of match.state.evidence) if (item.kind === 'flow') return item.steps.find((step) => step.kind === 'source');
  return undefined;
}

export const FLOW_STEP_KINDS = ['source', 'assignment', 'field', 'call', 'return', 'import', 'callback', 'sink'] as const;
export type FlowStepKind = (typeof FLOW_STEP_KINDS)[number];

/**
 * One step of a value's path. Steps are made while functions of many files are summarised and
 * reused by every caller, so each names its file; positions are resolved when a finding is built.
 */
export interface FlowStep {
  kind: FlowStepKind;
  /** The file's absolute path (or the path the file was analysed under, without a project). */
  file: string;
  range: readonly [number, number];
  note: string;
}
