import type { FlowStep } from '../match/evidence.js';
import type { Binding } from '../match/state.js';
import type { Confidence, Severity } from '../report/severity.js';
import { DEFAULT_LABEL, type LabelFormula } from './labels.js';

/** The path a tainted value took, newest step last: a persistent list shared between values. */
export interface Trace {
  readonly step: FlowStep;
  readonly previous: Trace | undefined;
  readonly length: number;
}

/** Steps beyond this are not recorded (the value still carries its taint); traces show their ends. */
const MAX_TRACE_LENGTH = 200;

export function extendTrace(trace: Trace | undefined, step: FlowStep): Trace | undefined {
  const length = (trace?.length ?? 0) + 1;
  if (length > MAX_TRACE_LENGTH) return trace;
  return { step, previous: trace, length };
}

export function traceSteps(trace: Trace | undefined): FlowStep[] {
  const steps: FlowStep[] = [];
  for (let current = trace; current; current = current.previous) steps.push(current.step);
  return steps.reverse();
}

export function appendSteps(trace: Trace | undefined, steps: readonly FlowStep[]): Trace | undefined {
  let result = trace;
  for (const step of steps) result = extendTrace(result, step);
  return result;
}

/** Where a taint began: a source match, or (inside a function's summary) one of its inputs. */
export type TaintOrigin = SourceOrigin | InputOrigin;

export interface SourceOrigin {
  kind: 'source';
  /** Identifies the source match: file, range and spec. */
  key: string;
  file: string;
  range: readonly [number, number];
  /** The index of the source spec among the rule's sources. */
  spec: number;
  /** Lower than the rule's when the spec says so (a name-only model entry). */
  confidence?: Confidence;
  /** Lower than the rule's when the spec says so (a name-only model entry). */
  severity?: Severity;
  /** The source match's metavariables, for the message. */
  bindings: Readonly<Record<string, Binding>>;
}

/** A function's parameter (by position), its receiver (`this`), at a field path: what a caller passes in. */
export interface InputOrigin {
  kind: 'input';
  key: string;
  input: number | 'this';
  path: readonly string[];
}

/** A source with `requires` met by a function's inputs: decided when a caller supplies their labels. */
export interface TaintCondition {
  requires: LabelFormula;
  inputs: readonly Taint[];
}

export interface Taint {
  readonly origin: TaintOrigin;
  readonly label: string;
  readonly trace: Trace | undefined;
  readonly condition?: TaintCondition;
}

export function inputOrigin(input: number | 'this', path: readonly string[]): InputOrigin {
  return { kind: 'input', key: `in:${input}:${path.join('.')}`, input, path };
}

function taintKey(taint: Taint): string {
  const condition = taint.condition ? `|if:${taint.condition.inputs.map(taintKey).sort().join(',')}` : '';
  return `${taint.origin.key}|${taint.label}${condition}`;
}

/**
 * A set of taints, one per origin and label: the shortest trace wins (then the first seen), so
 * results do not depend on how many ways a value was reached and loops reach a fixpoint.
 */
export class TaintSet {
  static readonly EMPTY = new TaintSet(new Map());

  private constructor(private readonly items: ReadonlyMap<string, Taint>) {}

  static of(...taints: Taint[]): TaintSet {
    return TaintSet.EMPTY.addAll(taints);
  }

  get size(): number {
    return this.items.size;
  }

  isEmpty(): boolean {
    return this.items.size === 0;
  }

  values(): IterableIterator<Taint> {
    return this.items.values();
  }

  toArray(): Taint[] {
    return [...this.items.values()];
  }

  labels(): Set<string> {
    return new Set([...this.items.values()].map((taint) => taint.label));
  }

  has(taint: Taint): boolean {
    return this.items.has(taintKey(taint));
  }

  addAll(taints: Iterable<Taint>): TaintSet {
    let items: Map<string, Taint> | undefined;
    for (const taint of taints) items = addTo(items, this.items, taintKey(taint), taint);
    return items ? new TaintSet(items) : this;
  }

  union(other: TaintSet): TaintSet {
    if (other.isEmpty() || other === this) return this;
    if (this.isEmpty()) return other;
    // The other set's keys are known: no key is rebuilt, and nothing is copied when it adds nothing.
    let items: Map<string, Taint> | undefined;
    for (const [key, taint] of other.items) items = addTo(items, this.items, key, taint);
    return items ? new TaintSet(items) : this;
  }

  /** The union of several sets, built in one map: the same result as a chain of `union`s, without a copy per step. */
  static unionAll(sets: Iterable<TaintSet>): TaintSet {
    let result = TaintSet.EMPTY;
    let items: Map<string, Taint> | undefined;
    for (const set of sets) {
      if (set.isEmpty() || set === result) continue;
      if (!items && result.isEmpty()) {
        result = set;
        continue;
      }
      for (const [key, taint] of set.items) items = addTo(items, result.items, key, taint);
    }
    return items ? new TaintSet(items) : result;
  }

  map(transform: (taint: Taint) => Taint | readonly Taint[] | undefined): TaintSet {
    const out: Taint[] = [];
    for (const taint of this.items.values()) {
      const mapped = transform(taint);
      if (mapped === undefined) continue;
      if (Array.isArray(mapped)) out.push(...(mapped as readonly Taint[]));
      else out.push(mapped as Taint);
    }
    return TaintSet.EMPTY.addAll(out);
  }

  filter(keep: (taint: Taint) => boolean): TaintSet {
    // Keys stay as they are: a filter that keeps everything returns this set, and nothing is rekeyed.
    let items: Map<string, Taint> | undefined;
    let position = 0;
    for (const [key, taint] of this.items) {
      if (keep(taint)) items?.set(key, taint);
      else if (!items) {
        items = new Map();
        let index = 0;
        for (const [keptKey, kept] of this.items) {
          if (index++ >= position) break;
          items.set(keptKey, kept);
        }
      }
      position++;
    }
    return items ? (items.size === 0 ? TaintSet.EMPTY : new TaintSet(items)) : this;
  }

  /** Every taint with `step` added to its path. */
  withStep(step: FlowStep): TaintSet {
    if (this.isEmpty()) return this;
    // Keys do not depend on traces, and every trace grows alike: the same keys, in the same order.
    const items = new Map<string, Taint>();
    for (const [key, taint] of this.items) items.set(key, { ...taint, trace: extendTrace(taint.trace, step) });
    return new TaintSet(items);
  }

  /** Identifies the set's contents (not their traces): equal keys, equal sets for a fixpoint. */
  get key(): string {
    this.sortedKey ??= [...this.items.keys()].sort().join(';');
    return this.sortedKey;
  }

  private sortedKey: string | undefined;
}

/** Adds a taint to a set's items (copied on the first change): the shortest trace wins, then the first seen. */
function addTo(items: Map<string, Taint> | undefined, base: ReadonlyMap<string, Taint>, key: string, taint: Taint): Map<string, Taint> | undefined {
  const existing = (items ?? base).get(key);
  if (existing && (existing.trace?.length ?? 0) <= (taint.trace?.length ?? 0)) return items;
  const changed = items ?? new Map(base);
  changed.set(key, taint);
  return changed;
}

/** The taint that stands for a function's input at a field path, while the function is summarised. */
export function inputTaint(input: number | 'this', path: readonly string[]): Taint {
  return { origin: inputOrigin(input, path), label: DEFAULT_LABEL, trace: undefined };
}

/** Taint that stands for a function's input (or waits for its labels): a caller makes it concrete. */
export function isSymbolic(taint: Taint): boolean {
  return taint.origin.kind === 'input' || taint.condition !== undefined;
}
