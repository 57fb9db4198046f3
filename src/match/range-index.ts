import { lowerBound, upperBound } from '../util/sorted-search.js';
import type { RangeMatch } from './formula.js';

type Range = readonly [number, number];

/**
 * One formula's matches in a file, indexed by range, so that `pattern-not`, `pattern-inside`,
 * `pattern-not-inside`, `metavariable-pattern` and the intersection of positives look up the
 * matches that can concern a range instead of trying every match of the file against it: without
 * it a file with n matches on each side costs n² comparisons, which made one large file cost as
 * much as a whole repository. Each query returns matches in their original order, so results do
 * not depend on the index.
 */
export class RangeIndex {
  private readonly exact = new Map<string, number[]>();
  /** Positions into `matches`, by range start (then end, then position). */
  private readonly byStart: number[];
  private readonly starts: number[];
  /** A segment tree over `byStart` of the largest range end below each node. */
  private readonly maxEnd: number[];
  private readonly size: number;

  constructor(
    readonly matches: readonly RangeMatch[],
    /** Told how many matches each look-up returns (the matcher's step count). */
    private readonly onLookup: (found: number) => void = () => {},
  ) {
    matches.forEach((match, position) => {
      const key = `${match.range[0]}:${match.range[1]}`;
      const list = this.exact.get(key);
      if (list) list.push(position);
      else this.exact.set(key, [position]);
    });
    this.byStart = matches.map((_, position) => position).sort((a, b) => matches[a]!.range[0] - matches[b]!.range[0] || matches[a]!.range[1] - matches[b]!.range[1] || a - b);
    this.starts = this.byStart.map((position) => matches[position]!.range[0]);
    let size = 1;
    while (size < this.byStart.length) size *= 2;
    this.size = size;
    this.maxEnd = new Array<number>(2 * size).fill(-Infinity);
    this.byStart.forEach((position, slot) => (this.maxEnd[size + slot] = matches[position]!.range[1]));
    for (let node = size - 1; node >= 1; node--) this.maxEnd[node] = Math.max(this.maxEnd[2 * node]!, this.maxEnd[2 * node + 1]!);
  }

  /** The matches whose range is exactly `range`. */
  sameRange(range: Range): RangeMatch[] {
    const positions = this.exact.get(`${range[0]}:${range[1]}`) ?? [];
    this.onLookup(positions.length);
    return positions.map((position) => this.matches[position]!);
  }

  /** The matches whose range contains `range` (equal ranges included). */
  containing(range: Range): RangeMatch[] {
    const found = new Set<number>();
    this.collectEndingAtOrAfter(1, 0, this.size, upperBound(this.starts, range[0]), range[1], found);
    return this.inOrder([...found]);
  }

  /** The matches whose range lies inside `range` (equal ranges included). */
  within(range: Range): RangeMatch[] {
    const found = new Set<number>();
    this.collectWithin(range, found);
    return this.inOrder([...found]);
  }

  private collectWithin(range: Range, found: Set<number>): void {
    for (let slot = lowerBound(this.starts, range[0]); slot < this.starts.length && this.starts[slot]! <= range[1]; slot++) {
      const position = this.byStart[slot]!;
      if (this.matches[position]!.range[1] <= range[1]) found.add(position);
    }
  }

  /** The matches whose range contains `range` or lies inside it. */
  nestedWith(range: Range): RangeMatch[] {
    const found = new Set<number>();
    this.collectEndingAtOrAfter(1, 0, this.size, upperBound(this.starts, range[0]), range[1], found);
    this.collectWithin(range, found);
    return this.inOrder([...found]);
  }

  /** Slots below `limit` in the subtree `node` (covering [from, to)) whose end is at least `end`. */
  private collectEndingAtOrAfter(node: number, from: number, to: number, limit: number, end: number, found: Set<number>): void {
    if (from >= limit || this.maxEnd[node]! < end) return;
    if (to - from === 1) {
      found.add(this.byStart[from]!);
      return;
    }
    const middle = (from + to) >> 1;
    this.collectEndingAtOrAfter(2 * node, from, middle, limit, end, found);
    this.collectEndingAtOrAfter(2 * node + 1, middle, to, limit, end, found);
  }

  private inOrder(positions: number[]): RangeMatch[] {
    this.onLookup(positions.length);
    return positions.sort((a, b) => a - b).map((position) => this.matches[position]!);
  }
}
