import type { MatchContext } from './match-context.js';
import type { Prefilter } from './prefilter.js';
import type { RangeIndex } from './range-index.js';
import { stateKey, unify, type Binding, type MatchState } from './state.js';

/** A matched range of the file with its metavariable bindings. */
export interface RangeMatch {
  range: readonly [number, number];
  state: MatchState;
  /** Set when an engine found the match in another file than the one analysed (its absolute path). */
  file?: string;
}

/**
 * A compiled formula: a `pattern`, `pattern-regex`, `pattern-either` or `patterns` (and the
 * operand of `pattern-not`, `pattern-inside`, …). Each operator module in `operators/` builds
 * its own kind; docs/rules.md §3 says what each means.
 */
export interface Formula {
  /** False when a file's words rule out every match (see prefilter.ts). */
  readonly prefilter: Prefilter;
  /** Metavariables a match may bind. */
  readonly binds: ReadonlySet<string>;
  /** Its matches in one file. Call MatchContext.evaluate instead: it caches and prefilters. */
  compute(context: MatchContext): RangeMatch[];
  /** Checks the enclosing `patterns` hands down, run the moment their metavariable is bound. */
  addGuards?(guards: readonly Guard[]): void;
  /** Formulas with equal keys have equal matches, so a file computes them once. */
  readonly shareKey?: string;
}

/** The order in which `patterns` applies its items, whatever the order they are written in (Semgrep's). */
export const STAGES = ['positive', 'inside', 'not-inside', 'not', 'not-regex', 'condition', 'focus'] as const;
export type Stage = (typeof STAGES)[number];

/** What one operator contributes to a `patterns` conjunction. */
export interface Step {
  readonly stage: Stage;
  /** The formula of a positive, an inside or a negative operator. */
  readonly formula?: Formula;
  /** The names this step needs in a file, for the conjunction's prefilter; undefined when none. */
  readonly prefilter?: Prefilter;
  /** Metavariables the step adds to a match. */
  readonly binds: ReadonlySet<string>;
  /** Metavariables the step reads, which the conjunction's positives must bind. */
  readonly reads: readonly string[];
  /** A check of one metavariable that can run as soon as a pattern binds it. */
  readonly guard?: Guard;
  /** Filters or refines the conjunction's matches so far. */
  apply(matches: RangeMatch[], context: MatchContext): RangeMatch[];
}

/** A condition on one metavariable, checked the moment it is bound (exact: the final binding is this one). */
export interface Guard {
  readonly metavariable: string;
  holds(binding: Binding, context: MatchContext): boolean;
}

export function within(inner: readonly [number, number], outer: readonly [number, number]): boolean {
  return inner[0] >= outer[0] && inner[1] <= outer[1];
}

export function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

export function sameRange(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** One match per range and bindings. */
export function dedupe(matches: RangeMatch[]): RangeMatch[] {
  const seen = new Map<string, RangeMatch>();
  for (const match of matches) {
    const key = stateKey(match.range, match.state);
    if (!seen.has(key)) seen.set(key, match);
  }
  return [...seen.values()];
}

/** Semgrep's intersection of positives: a range inside a range of the other side, with unified metavariables. */
export function intersect(left: RangeMatch[], right: RangeIndex): RangeMatch[] {
  const out: RangeMatch[] = [];
  for (const a of left) {
    for (const b of right.nestedWith(a.range)) {
      const inner = within(a.range, b.range) ? a : b;
      // The inner match's bindings win where both bound a name, so focus lands on the reported code.
      const merged = inner === a ? unify(a.state, b.state) : unify(b.state, a.state);
      if (merged) out.push({ range: inner.range, state: { ...merged, span: inner.range } });
    }
  }
  return dedupe(out);
}
