import { upperBound } from '../util/sorted-search.js';
import { parentOf, type Node } from '../lang/ast.js';
import type { RangeMatch } from '../match/formula.js';
import type { MatchContext } from '../match/match-context.js';
import type { Binding } from '../match/state.js';
import type { TaintSpec } from './spec.js';

/** One match of one spec in one file. */
export interface SpecMatch {
  /** The spec's index among the rule's specs of its kind. */
  spec: number;
  range: readonly [number, number];
  bindings: Readonly<Record<string, Binding>>;
  match: RangeMatch;
}

/**
 * The matches of one kind of spec in a file, found by the node they cover (or cover exactly).
 * Ranges are compared without trailing semicolons and spaces, so a spec written as a statement
 * (`sink(x);`) covers the expression it holds, as Semgrep's "best match" does.
 */
export class SpecIndex {
  private readonly byRange = new Map<string, SpecMatch[]>();
  /** Matches that no node spans exactly (a regex over part of a line): checked one by one. */
  private readonly unaligned: SpecMatch[] = [];

  constructor(
    readonly matches: readonly SpecMatch[],
    private readonly text: string,
    nodeKeys: ReadonlySet<string>,
  ) {
    for (const match of matches) {
      const key = rangeKey(text, match.range);
      if (nodeKeys.has(key)) this.byRange.set(key, [...(this.byRange.get(key) ?? []), match]);
      else this.unaligned.push(match);
    }
  }

  get isEmpty(): boolean {
    return this.matches.length === 0;
  }

  /** Matches spanning exactly this node. */
  exactly(node: Node): SpecMatch[] {
    if (this.matches.length === 0) return [];
    const found = this.byRange.get(nodeKey(this.text, node)) ?? [];
    if (this.unaligned.length === 0) return found;
    return [...found, ...this.unaligned.filter((match) => sameKey(this.text, match.range, node.range))];
  }

  private readonly alignedByNode = new WeakMap<Node, readonly SpecMatch[]>();

  /**
   * Matches spanning this node or one of its ancestors, innermost first. Every expression the
   * interpreter evaluates asks this, so each node's answer is kept and built from its parent's.
   */
  containing(node: Node): readonly SpecMatch[] {
    if (this.matches.length === 0) return NONE;
    const aligned = this.alignedContaining(node);
    if (this.unaligned.length === 0) return aligned;
    const unaligned = this.unalignedContaining(node);
    return unaligned.length === 0 ? aligned : [...aligned, ...unaligned.filter((match) => !aligned.includes(match))];
  }

  private unalignedByStart: { order: number[]; starts: number[]; reach: number[] } | undefined;

  /**
   * The unaligned matches around a node, in their list order. A regex over comments and strings
   * can leave thousands in a file, so they are searched by start, with the furthest end reached
   * so far, rather than tested one by one.
   */
  private unalignedContaining(node: Node): SpecMatch[] {
    const matches = this.unaligned;
    if (!this.unalignedByStart) {
      const order = matches.map((_, index) => index).sort((a, b) => matches[a]!.range[0] - matches[b]!.range[0] || a - b);
      const reach: number[] = [];
      for (const [position, index] of order.entries()) reach.push(Math.max(reach[position - 1] ?? -1, matches[index]!.range[1]));
      this.unalignedByStart = { order, starts: order.map((index) => matches[index]!.range[0]), reach };
    }
    const { order, starts, reach } = this.unalignedByStart;
    const low = upperBound(starts, node.range[0]);
    const found: number[] = [];
    for (let position = low - 1; position >= 0 && reach[position]! >= node.range[1]; position--) {
      if (matches[order[position]!]!.range[1] >= node.range[1]) found.push(order[position]!);
    }
    return found.sort((a, b) => a - b).map((index) => matches[index]!);
  }

  private alignedContaining(node: Node): readonly SpecMatch[] {
    const unknown: Node[] = [];
    let outer: readonly SpecMatch[] = NONE;
    for (let current: Node | undefined = node; current; current = parentOf(current)) {
      const known = this.alignedByNode.get(current);
      if (known) {
        outer = known;
        break;
      }
      unknown.push(current);
    }
    for (let index = unknown.length - 1; index >= 0; index--) {
      const current = unknown[index]!;
      const own = this.byRange.get(nodeKey(this.text, current));
      // A statement and its expression share a key (`sink(x);` and `sink(x)`): each match counts once, at the inner one.
      if (own) outer = [...own, ...outer.filter((match) => !own.includes(match))];
      this.alignedByNode.set(current, outer);
    }
    return outer;
  }
}

const NONE: readonly SpecMatch[] = Object.freeze([]);

/** The spec matches of one rule in one file. */
export interface FileSpecMatches {
  sources: SpecIndex;
  sinks: SpecIndex;
  sanitizers: SpecIndex;
  propagators: SpecIndex;
}

export function findSpecMatches(spec: TaintSpec, context: MatchContext, nodeKeys: ReadonlySet<string>): FileSpecMatches {
  const text = context.facts.text;
  const collect = (formulas: ReadonlyArray<{ formula: Parameters<MatchContext['evaluate']>[0] }>) =>
    new SpecIndex(
      formulas.flatMap((item, index) =>
        context.evaluate(item.formula).map((match): SpecMatch => ({ spec: index, range: match.range, bindings: match.state.bindings, match })),
      ),
      text,
      nodeKeys,
    );
  return { sources: collect(spec.sources), sinks: collect(spec.sinks), sanitizers: collect(spec.sanitizers), propagators: collect(spec.propagators) };
}

/** Keys of every node's range in a file (see SpecIndex). */
export function nodeRangeKeys(nodes: readonly Node[], text: string): Set<string> {
  const keys = new Set<string>();
  for (const node of nodes) keys.add(nodeKey(text, node));
  return keys;
}

const keyByNode = new WeakMap<Node, string>();

function nodeKey(text: string, node: Node): string {
  let key = keyByNode.get(node);
  if (key === undefined) {
    key = rangeKey(text, node.range);
    keyByNode.set(node, key);
  }
  return key;
}

export function rangeKey(text: string, range: readonly [number, number]): string {
  let end = range[1];
  while (end > range[0] && /[\s;]/.test(text[end - 1]!)) end--;
  return `${range[0]}:${end}`;
}

function sameKey(text: string, a: readonly [number, number], b: readonly [number, number]): boolean {
  return rangeKey(text, a) === rangeKey(text, b);
}

/** A match that covers this node (a trailing `;` or `,` of a statement pattern allowed). */
export function rangesEqual(match: { range: readonly [number, number] }, node: { range: readonly [number, number] }): boolean {
  if (match.range[0] !== node.range[0]) return false;
  if (match.range[1] === node.range[1]) return true;
  return match.range[1] > node.range[1] && match.range[1] - node.range[1] <= 2;
}

/** A match that is exactly one metavariable's binding: a focused (or `$X`) spec, not a call pattern. */
export function isFocusedOnWhole(match: SpecMatch): boolean {
  return Object.values(match.bindings).some((binding) => binding.range[0] === match.range[0] && binding.range[1] === match.range[1]);
}
