import { unwrap } from '../lang/ast.js';
import { ConstantArray, ConstantObject, type ConstantValue } from '../lang/constants.js';
import type { FileFacts } from '../lang/file-facts.js';
import type { Comparison, Value } from './comparison.js';
import { memoized } from '../lang/memo.js';
import { Matcher } from './matcher.js';
import { prefilterOf } from './prefilter.js';
import { isMetavariableName, type Pattern } from './pattern.js';
import type { SafeRegex } from './safe-regex.js';
import { addVia, EMPTY_STATE, stateKey, unify, type Binding, type MatchState } from './state.js';

/** A rule's matching logic after compilation: the operators of docs/rules.md. */
export type Formula =
  | { op: 'pattern'; pattern: Pattern; guards?: Condition[] }
  | { op: 'regex'; regex: SafeRegex }
  | { op: 'either'; alternatives: Formula[] }
  | {
      op: 'all';
      positives: Formula[];
      insides: Formula[];
      notInsides: Formula[];
      nots: Formula[];
      notRegexes: SafeRegex[];
      conditions: Condition[];
      focus: string[][];
    };

export type Condition =
  | { op: 'metavariable-regex'; metavariable: string; regex: SafeRegex; constantPropagation: boolean }
  | { op: 'metavariable-pattern'; metavariable: string; formula: Formula }
  | { op: 'metavariable-comparison'; comparison: Comparison; base?: number; strip: boolean }
  | { op: 'metavariable-name'; metavariable: string; modules: string[] }
  | { op: 'metavariable-type'; metavariable: string; types: string[] };

/** A matched range of the file with its metavariable bindings. */
export interface RangeMatch {
  range: readonly [number, number];
  state: MatchState;
}

/**
 * Evaluates formulas over one file with Semgrep's semantics: positives intersect by range
 * inclusion with unified metavariables, `pattern-not` removes equal ranges, `pattern-inside`
 * keeps ranges inside, conditions filter on bindings, focus narrows the range.
 */
export class FormulaEvaluator {
  private readonly matcher: Matcher;
  private readonly cache = new Map<Formula, RangeMatch[]>();

  constructor(private readonly facts: FileFacts) {
    this.matcher = new Matcher(facts);
  }

  /** Unguarded patterns with the same text give the same matches: YAML aliases reuse sink lists. */
  private readonly patternCache = new Map<string, RangeMatch[]>();

  evaluate(formula: Formula): RangeMatch[] {
    const cached = this.cache.get(formula);
    if (cached) return cached;
    const shareable = formula.op === 'pattern' && !formula.guards?.length ? formula.pattern.source : undefined;
    const shared = shareable === undefined ? undefined : this.patternCache.get(shareable);
    const result = shared ?? (prefilterOf(formula)(this.facts.words) ? dedupe(this.compute(formula)) : []);
    if (shareable !== undefined && !shared) this.patternCache.set(shareable, result);
    this.cache.set(formula, result);
    return result;
  }

  private compute(formula: Formula): RangeMatch[] {
    switch (formula.op) {
      case 'pattern':
        return this.matcher.findAll(formula.pattern, EMPTY_STATE, formula.guards?.length ? this.guardFor(formula.guards) : undefined);
      case 'regex':
        return formula.regex.findAll(this.facts.text).map((match) => ({
          range: [match.start, match.end] as const,
          state: { bindings: regexBindings(match.groups), via: [] },
        }));
      case 'either':
        return formula.alternatives.flatMap((alternative) => this.evaluate(alternative));
      case 'all':
        return this.conjunction(formula);
    }
  }

  /**
   * metavariable-pattern: the formula is matched inside the bound code. A `patterns` with only
   * negative operators starts from the bound code itself, as Semgrep's implicit `pattern: ...`.
   */
  private evaluateWithin(formula: Formula, binding: Binding): RangeMatch[] {
    if (formula.op === 'all' && formula.positives.length === 0 && formula.insides.length === 0) {
      return this.conjunction(formula, [{ range: binding.range, state: EMPTY_STATE }]);
    }
    return this.evaluate(formula).filter((inner) => within(inner.range, binding.range));
  }

  private conjunction(formula: Extract<Formula, { op: 'all' }>, seed?: RangeMatch[]): RangeMatch[] {
    let ranges: RangeMatch[] | undefined = seed;
    // Selective positives first: when one has no match, a bare `$X` (every expression) is never listed.
    for (const positive of formula.positives) {
      if (!matchesAnyExpression(positive) && this.evaluate(positive).length === 0) return [];
    }
    for (const positive of formula.positives) {
      const next = this.evaluate(positive);
      ranges = ranges === undefined ? next : intersect(ranges, next);
      if (ranges.length === 0) return [];
    }
    if (ranges === undefined) {
      // Only pattern-inside: the inside ranges themselves are the matches, as in Semgrep.
      ranges = formula.insides.length > 0 ? this.evaluate(formula.insides[0]!) : [];
    }
    for (const inside of formula.insides) {
      if (ranges.length === 0) return [];
      const outer = this.evaluate(inside);
      ranges = ranges.flatMap((match) =>
        outer.flatMap((container) => {
          if (!within(match.range, container.range)) return [];
          const merged = unify(match.state, container.state);
          return merged ? [{ range: match.range, state: merged }] : [];
        }),
      );
    }
    for (const notInside of formula.notInsides) {
      if (ranges.length === 0) return [];
      const outer = this.evaluate(notInside);
      ranges = ranges.filter((match) => !outer.some((container) => within(match.range, container.range) && unify(match.state, container.state)));
    }
    for (const not of formula.nots) {
      if (ranges.length === 0) return [];
      const excluded = this.evaluate(not);
      ranges = ranges.filter((match) => !excluded.some((other) => sameRange(match.range, other.range) && unify(match.state, other.state)));
    }
    for (const regex of formula.notRegexes) {
      if (ranges.length === 0) return [];
      const excluded = regex.findAll(this.facts.text);
      ranges = ranges.filter((match) => !excluded.some((other) => overlaps(match.range, [other.start, other.end])));
    }
    for (const condition of formula.conditions) {
      ranges = ranges.filter((match) => this.holds(condition, match)).flatMap((match) => this.refine(condition, this.withConstantOrigins(condition, match)));
    }
    for (const names of formula.focus) ranges = ranges.flatMap((match) => focus(match, names));
    return ranges;
  }

  private holds(condition: Condition, match: RangeMatch): boolean {
    switch (condition.op) {
      case 'metavariable-regex': {
        const binding = match.state.bindings[condition.metavariable];
        if (!binding) return false;
        if (condition.regex.matchesAtStart(binding.text)) return true;
        if (!condition.constantPropagation) return false;
        const value = this.constantOf(binding);
        return typeof value === 'string' && condition.regex.matchesAtStart(value);
      }
      case 'metavariable-comparison':
        return condition.comparison.evaluate((name, conversion) => {
          const binding = match.state.bindings[name];
          if (!binding) return undefined;
          if (conversion === 'text') {
            const value = this.constantOf(binding);
            return typeof value === 'string' || typeof value === 'number' ? value : binding.text;
          }
          if (condition.base !== undefined) {
            const parsed = parseInt(stripQuotes(binding.text), condition.base);
            return Number.isNaN(parsed) ? undefined : parsed;
          }
          const value = this.constantOf(binding);
          if (value !== undefined) return value;
          return condition.strip ? stripQuotes(binding.text) : undefined;
        });
      case 'metavariable-pattern':
        return match.state.bindings[condition.metavariable] !== undefined;
      case 'metavariable-type': {
        const binding = match.state.bindings[condition.metavariable];
        const node = binding?.nodes.length === 1 ? binding.nodes[0]! : undefined;
        if (!node || !this.facts.types || !this.facts.absolutePath) return false;
        const names = this.facts.types.typeNamesAt(this.facts.absolutePath, node.range);
        return names !== undefined && condition.types.some((type) => names.includes(type));
      }
      case 'metavariable-name': {
        const binding = match.state.bindings[condition.metavariable];
        const node = binding?.nodes.length === 1 ? binding.nodes[0]! : undefined;
        const qualified = node ? this.facts.names.qualifiedName(node) : undefined;
        if (!qualified || qualified.origin !== 'module') return false;
        return condition.modules.some((module) => qualified.name === module || qualified.name.startsWith(`${module}.`));
      }
    }
  }

  /**
   * Conditions of the enclosing `patterns` that read one metavariable, checked the moment the
   * matcher binds it: the final binding must equal this one, so rejecting early is exact, and it
   * spares deep searches under calls that a metavariable-name or -regex would drop anyway.
   */
  private guardFor(guards: Condition[]): (name: string, binding: Binding) => boolean {
    const byName = guardsByMetavariable(guards);
    return (name, binding) => {
      const conditions = byName.get(name);
      if (!conditions) return true;
      const match = { range: binding.range, state: { bindings: { [name]: binding }, via: [] } };
      return conditions.every((condition) => this.holds(condition, match));
    };
  }

  /** A condition decided on constants' values: their definitions become part of the finding's trace. */
  private withConstantOrigins(condition: Condition, match: RangeMatch): RangeMatch {
    const names =
      condition.op === 'metavariable-regex' ? [condition.metavariable] : condition.op === 'metavariable-comparison' ? condition.comparison.metavariables : [];
    const via = names.flatMap((name) => {
      const binding = match.state.bindings[name];
      if (!binding || binding.nodes.length !== 1) return [];
      return this.facts.constants.valueOf(unwrap(binding.nodes[0]!))?.via ?? [];
    });
    return via.length === 0 ? match : { range: match.range, state: addVia(match.state, via) };
  }

  /** metavariable-pattern may bind further metavariables, so it can turn one match into several. */
  private refine(condition: Condition, match: RangeMatch): RangeMatch[] {
    if (condition.op !== 'metavariable-pattern') return [match];
    const binding = match.state.bindings[condition.metavariable]!;
    return this.evaluateWithin(condition.formula, binding).flatMap((inner) => {
      const merged = unify(match.state, inner.state);
      return merged ? [{ range: match.range, state: merged }] : [];
    });
  }

  /** A binding's full constant value (objects and arrays included), for key candidates. */
  constantValueOf(binding: Binding): ConstantValue | undefined {
    if (binding.value !== undefined) return binding.value;
    return binding.nodes.length === 1 ? this.facts.constants.valueOf(unwrap(binding.nodes[0]!))?.value : undefined;
  }

  /** How a bound value reads in a message: its constant value when known, else its code. */
  displayText(binding: Binding): string {
    const value = this.constantOf(binding);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : binding.text;
  }

  private constantOf(binding: Binding): Value | undefined {
    if (binding.nodes.length !== 1 && binding.value === undefined) return undefined;
    const value = binding.value !== undefined ? binding.value : this.facts.constants.valueOf(unwrap(binding.nodes[0]!))?.value;
    if (value === undefined) return undefined;
    if (value instanceof ConstantObject || value instanceof ConstantArray || typeof value === 'bigint') return typeof value === 'bigint' ? Number(value) : undefined;
    return value;
  }
}

const guardIndexes = new WeakMap<Condition[], Map<string, Condition[]>>();

/** A pattern's guards by the metavariable they read, built once per compiled pattern. */
function guardsByMetavariable(guards: Condition[]): Map<string, Condition[]> {
  return memoized(guardIndexes, guards, () => {
    const index = new Map<string, Condition[]>();
    for (const condition of guards) {
      const name = guardedMetavariable(condition);
      if (name !== undefined) index.set(name, [...(index.get(name) ?? []), condition]);
    }
    return index;
  });
}

/** `$X` (every expression) or `"$X"` (every string): a positive that rules nothing out on its own. */
function matchesAnyExpression(formula: Formula): boolean {
  if (formula.op !== 'pattern' || formula.pattern.kind !== 'expression') return false;
  const node = formula.pattern.node;
  if (node.type === 'Identifier') return isMetavariableName(node.name);
  return node.type === 'Literal' && typeof node.value === 'string' && (isMetavariableName(node.value) || node.value === '...');
}

function regexBindings(groups: Record<string, { start: number; end: number; text: string }>): Record<string, Binding> {
  const bindings: Record<string, Binding> = {};
  for (const [name, group] of Object.entries(groups)) bindings[`$${name}`] = { nodes: [], range: [group.start, group.end], text: group.text };
  return bindings;
}

function intersect(left: RangeMatch[], right: RangeMatch[]): RangeMatch[] {
  const out: RangeMatch[] = [];
  for (const a of left) {
    for (const b of right) {
      const inner = within(a.range, b.range) ? a : within(b.range, a.range) ? b : undefined;
      if (!inner) continue;
      // The inner match's bindings win where both bound a name, so focus lands on the reported code.
      const merged = inner === a ? unify(a.state, b.state) : unify(b.state, a.state);
      if (merged) out.push({ range: inner.range, state: { ...merged, span: inner.range } });
    }
  }
  return dedupe(out);
}

/**
 * One focus-metavariable narrows the match to the bound code (several names: one match for each,
 * Semgrep's set union); several focus operators in a row keep only what they all cover.
 */
function focus(match: RangeMatch, names: string[]): RangeMatch[] {
  return names.flatMap((name) => {
    const binding = match.state.bindings[name];
    if (!binding) return [];
    const start = Math.max(binding.range[0], match.range[0]);
    const end = Math.min(binding.range[1], match.range[1]);
    return start <= end && overlaps(binding.range, match.range) ? [{ range: [start, end] as const, state: match.state }] : [];
  });
}

function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function within(inner: readonly [number, number], outer: readonly [number, number]): boolean {
  return inner[0] >= outer[0] && inner[1] <= outer[1];
}

function sameRange(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function stripQuotes(text: string): string {
  return text.replace(/^(['"`])(.*)\1$/s, '$2');
}

function dedupe(matches: RangeMatch[]): RangeMatch[] {
  const seen = new Map<string, RangeMatch>();
  for (const match of matches) {
    const key = stateKey(match.range, match.state);
    if (!seen.has(key)) seen.set(key, match);
  }
  return [...seen.values()];
}

/** The metavariable a condition reads, when it reads exactly one (so it can guard binding). */
export function guardedMetavariable(condition: Condition): string | undefined {
  switch (condition.op) {
    case 'metavariable-regex':
    case 'metavariable-name':
    case 'metavariable-type':
      return condition.metavariable;
    case 'metavariable-comparison':
      return condition.comparison.metavariables.length === 1 && condition.base === undefined && !condition.strip ? condition.comparison.metavariables[0] : undefined;
    default:
      return undefined;
  }
}
