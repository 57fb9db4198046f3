import type { Formula } from '../match/formula.js';
import type { Confidence, Severity } from '../report/severity.js';
import type { LabelFormula } from './labels.js';

/** A compiled `mode: taint` rule's specs (docs/rules.md §10). */
export interface TaintSpec {
  sources: SourceSpec[];
  sinks: SinkSpec[];
  sanitizers: SanitizerSpec[];
  propagators: PropagatorSpec[];
  options: TaintOptions;
}

export interface SourceSpec {
  formula: Formula;
  label: string;
  requires?: LabelFormula;
  /** Only the exact match is a source, not its subexpressions (Semgrep's default: false). */
  exact: boolean;
  /** The matched l-value also becomes tainted where it is later read (`only`: there only). */
  bySideEffect: boolean | 'only';
  /** A model entry may be less sure than the rule (a name-only source). */
  confidence?: Confidence;
  /** A model entry may prove less than the rule: its findings are at most this severe. */
  severity?: Severity;
  /** The model entry it came from, for `why no finding` and traces. */
  entry?: string;
  /** Only these field paths of the matched value are tainted (a key pair's `privateKey`). */
  fields?: ReadonlyArray<readonly string[]>;
}

export interface SinkSpec {
  formula: Formula;
  requires: LabelFormula;
  /** Only the exact match is a sink (Semgrep's default: true); with false, every subexpression is. */
  exact: boolean;
  entry?: string;
}

export interface SanitizerSpec {
  formula: Formula;
  exact: boolean;
  bySideEffect: boolean | 'only';
  entry?: string;
}

export interface PropagatorSpec {
  formula: Formula;
  from: string;
  to: string;
  bySideEffect: boolean;
  label?: string;
  requires?: LabelFormula;
  replaceLabels?: string[];
  entry?: string;
}

/** Semgrep's taint options that this engine honours (docs/rules.md §10.4). */
export interface TaintOptions {
  assumeSafeFunctions: boolean;
  assumeSafeIndexes: boolean;
  assumeSafeBooleans: boolean;
  assumeSafeNumbers: boolean;
  assumeSafeComparisons: boolean;
  onlyPropagateThroughAssignments: boolean;
  unifyMetavariables: boolean;
}
