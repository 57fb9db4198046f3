import type { Binding } from '../match/state.js';
import type { LabelFormula } from './labels.js';
import type { TaintSet } from './taint.js';
import { CLEAN, valueKey, type Value } from './value.js';

/** A place in a project file. */
export interface Site {
  file: string;
  range: readonly [number, number];
}

/** A sink match: where it is, which spec, and what its metavariables bound. */
export interface SinkSite extends Site {
  spec: number;
  bindings: Readonly<Record<string, Binding>>;
  requires: LabelFormula;
}

/** Taint from a function's inputs reaches a sink: callers that pass tainted values are findings. */
export interface SinkEffect {
  sink: SinkSite;
  /**
   * Where the finding goes when a caller's value is tainted: the sink, or this function's call
   * of a wrapper. A caller that passes the value as an argument moves it to its own call.
   */
  reportAt: Site;
  /** The inputs' taints that reach the sink, with their paths inside the function. */
  taints: TaintSet;
  /** Labels of taints already at the sink (they count for `requires`). */
  labels: ReadonlySet<string>;
}

/** A function calls one of its inputs (a callback) with these values. */
export interface CallbackEffect {
  input: number;
  args: readonly Value[];
}

/**
 * What a function does with taint, in terms of its inputs (parameters by position, and `this`):
 * computed once per function and applied at every call (context-insensitive).
 */
export interface Summary {
  /** The returned value (awaited, for async functions). */
  returns: Value;
  sinks: readonly SinkEffect[];
  /** The final value of each input the function writes fields of (`this.key = …`, `options.body = …`). */
  inputWrites: ReadonlyMap<number | 'this', Value>;
  callbacks: readonly CallbackEffect[];
}

/**
 * Whether a summary keeps its inputs symbolic ('all': one summary per function, shared by every
 * caller that passes taint, functions or instances of classes that can make taint appear) or binds
 * them to values that carry nothing ('none': for calls that pass nothing that matters, and for
 * roots). A mask per input was tried and measured slower: more summaries cost more than they saved.
 */
export type SymbolicInputs = 'none' | 'all';

export const EMPTY_SUMMARY: Summary = { returns: CLEAN, sinks: [], inputWrites: new Map(), callbacks: [] };

/** Identifies what a summary says (not its traces), to tell when recursion reached a fixpoint. */
export function summaryKey(summary: Summary): string {
  const sinks = summary.sinks.map((effect) => `${effect.sink.file}:${effect.sink.range.join('-')}@${effect.reportAt.range.join('-')}=${effect.taints.key}`).sort();
  const writes = [...summary.inputWrites].map(([input, value]) => `${input}=${valueKey(value)}`).sort();
  const callbacks = summary.callbacks.map((effect) => `${effect.input}(${effect.args.map((arg) => valueKey(arg)).join(',')})`).sort();
  return [valueKey(summary.returns), sinks.join(';'), writes.join(';'), callbacks.join(';')].join('||');
}
