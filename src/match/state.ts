import type { Node } from '../lang/ast.js';
import type { ConstantValue } from '../lang/constants.js';
import type { Origin } from '../lang/origin.js';
import type { Evidence } from './evidence.js';

/** What a metavariable is bound to: one node for `$X`, a run of nodes for `$...X`. */
export interface Binding {
  nodes: readonly Node[];
  range: readonly [number, number];
  text: string;
  /** Set when the binding is a value read from a constant (e.g. a field of an imported options object). */
  value?: ConstantValue;
}

/** One way a pattern matched so far: bindings, the matched span, and the evidence gathered on the way. */
export interface MatchState {
  bindings: Readonly<Record<string, Binding>>;
  span?: readonly [number, number];
  evidence: readonly Evidence[];
}

export const EMPTY_STATE: MatchState = { bindings: {}, evidence: [] };

export function extendSpan(state: MatchState, range: readonly [number, number]): MatchState {
  const span = state.span;
  return { ...state, span: span ? [Math.min(span[0], range[0]), Math.max(span[1], range[1])] : [range[0], range[1]] };
}

/** Records that the match rests on constants defined at these places. */
export function addConstantOrigins(state: MatchState, origins: readonly Origin[]): MatchState {
  if (origins.length === 0) return state;
  return { ...state, evidence: [...state.evidence, ...origins.map((origin): Evidence => ({ kind: 'constant', origin }))] };
}

export function addEvidence(state: MatchState, evidence: readonly Evidence[]): MatchState {
  return evidence.length === 0 ? state : { ...state, evidence: [...state.evidence, ...evidence] };
}

/** Code texts compared as Semgrep compares bound code: the same tokens, whatever the spacing. */
export function sameCode(a: Binding, b: Binding): boolean {
  return normalizeCode(a.text) === normalizeCode(b.text);
}

function normalizeCode(text: string): string {
  return text.replace(/\s+/g, '').replace(/;+$/, '').replace(/'/g, '"');
}

/** Merges two states whose shared metavariables agree; undefined when they conflict. */
export function unify(a: MatchState, b: MatchState): MatchState | undefined {
  const bindings: Record<string, Binding> = { ...a.bindings };
  for (const [name, binding] of Object.entries(b.bindings)) {
    const existing = bindings[name];
    if (existing && !sameCode(existing, binding)) return undefined;
    if (!existing) bindings[name] = binding;
  }
  return { bindings, evidence: [...a.evidence, ...b.evidence], ...(a.span ? { span: a.span } : {}) };
}

export function stateKey(range: readonly [number, number], state: MatchState): string {
  const names = Object.keys(state.bindings).sort();
  return `${range[0]}:${range[1]}|${names.map((name) => `${name}=${state.bindings[name]!.range.join(',')}`).join('|')}`;
}
