import { FUNCTION_TYPES, isValuePosition, WRAPPER_TYPES, type Node } from '../lang/ast.js';
import { CONSTANT_NODE_TYPES, isPrimitive } from '../lang/constants.js';
import type { FileFacts } from '../lang/file-facts.js';
import { nestedBlocks, statementListOf } from '../lang/statements.js';
import { memoized } from '../util/memo.js';
import { deepExpressionOf, isMetavariableName, patternDottedName } from './pattern.js';

/**
 * The code nodes of one file that a pattern node could match at all, by class: a pattern's class
 * is decided from the pattern alone, and every pattern of a class shares one list per file.
 */
export class CandidateIndex {
  private readonly byClass = new Map<string, Node[]>();
  private readonly flattenCache = new Map<Node, Node[]>();
  private readonly flatLists = new WeakMap<readonly Node[], FlatList>();
  private lists: Node[][] | undefined;
  private wordIndex: Map<string, number[]> | undefined;

  constructor(private readonly facts: FileFacts) {}

  candidates(pattern: Node): Node[] {
    const kind = candidateClass(pattern);
    return memoized(this.byClass, kind, () => this.collect(kind));
  }

  /** Every statement list of the file (blocks, the program, switch cases), for statement patterns. */
  statementLists(): Node[][] {
    this.lists ??= this.facts.nodes.flatMap((node) => {
      const list = statementListOf(node);
      return list ? [list] : [];
    });
    return this.lists;
  }

  /** Statements in order with the statements of their nested blocks after each (functions excluded). */
  flattened(statements: readonly Node[]): Node[] {
    const out: Node[] = [];
    for (const statement of statements) {
      let expanded = this.flattenCache.get(statement);
      if (!expanded) {
        expanded = [statement];
        for (const block of nestedBlocks(statement)) expanded.push(...this.flattened(block));
        this.flattenCache.set(statement, expanded);
      }
      out.push(...expanded);
    }
    return out;
  }

  /**
   * A statement list of the file flattened once (see `flattened`), so that what follows its j-th
   * statement is a suffix of one array and not a new array per statement; undefined for a list
   * that is not one of the file's own (an already flattened one).
   */
  flatList(list: readonly Node[]): FlatList | undefined {
    const cached = this.flatLists.get(list);
    if (cached) return cached;
    if (list.length === 0 || !this.ownLists().has(list)) return undefined;
    const flat = new FlatList(list, this.flattened(list));
    this.flatLists.set(list, flat);
    return flat;
  }

  /** Where the word (a name: letters, digits, `_`, `$`) is spelled in the file, in order. */
  wordPositions(word: string): readonly number[] {
    if (!this.wordIndex) {
      this.wordIndex = new Map();
      for (const match of this.facts.text.matchAll(/[\w$]+/g)) {
        const positions = this.wordIndex.get(match[0]);
        if (positions) positions.push(match.index);
        else this.wordIndex.set(match[0], [match.index]);
      }
    }
    return this.wordIndex.get(word) ?? [];
  }

  private ownListSet: WeakSet<readonly Node[]> | undefined;

  private ownLists(): WeakSet<readonly Node[]> {
    if (!this.ownListSet) {
      this.ownListSet = new WeakSet();
      for (const list of this.statementLists()) this.ownListSet.add(list);
    }
    return this.ownListSet;
  }

  private collect(kind: string): Node[] {
    const byType = (...types: string[]) => types.flatMap((type) => this.facts.nodesByType.get(type) ?? []);
    switch (kind) {
      case 'names':
        return byType('Identifier', 'MemberExpression').filter(isValuePosition);
      case 'assignments':
        return byType('AssignmentExpression', 'VariableDeclarator');
      case 'functions':
        return byType(...FUNCTION_TYPES);
      case 'classes':
        return byType('ClassDeclaration', 'ClassExpression');
      case 'expressions':
        return this.facts.nodes.filter((node) => !WRAPPER_TYPES.has(node.type) && isValuePosition(node));
      case 'constants':
        // A literal pattern matches only code with a known primitive value.
        return this.candidates(ANY_EXPRESSION).filter((node) => {
          if (!CONSTANT_NODE_TYPES.has(node.type)) return false;
          const constant = this.facts.constants.valueOf(node);
          return constant !== undefined && isPrimitive(constant.value);
        });
      default:
        return byType(kind);
    }
  }
}

const candidateClasses = new WeakMap<Node, string>();
/** Any metavariable: the pattern whose class is every expression. */
const ANY_EXPRESSION = { type: 'Identifier', name: '$ANY_EXPRESSION' } as unknown as Node;

function candidateClass(pattern: Node): string {
  return memoized(candidateClasses, pattern, () => classify(pattern));
}

function classify(pattern: Node): string {
  if ((pattern.type === 'Identifier' || pattern.type === 'MemberExpression') && patternDottedName(pattern) !== undefined) return 'names';
  if (pattern.type === 'AssignmentExpression') return 'assignments';
  if (FUNCTION_TYPES.has(pattern.type)) return 'functions';
  if (pattern.type === 'ClassDeclaration' || pattern.type === 'ClassExpression') return 'classes';
  if (pattern.type === 'Literal' && !('regex' in pattern && pattern.regex)) return 'constants';
  if (pattern.type === 'TemplateLiteral' && pattern.expressions.length === 0 && !(pattern.quasis[0]?.value.cooked ?? '').includes('...')) return 'constants';
  const isAnyExpression =
    (pattern.type === 'Identifier' && isMetavariableName(pattern.name)) || pattern.type === 'Literal' || pattern.type === 'TemplateLiteral' ||
    deepExpressionOf(pattern) !== undefined;
  return isAnyExpression ? 'expressions' : pattern.type;
}

/**
 * A statement list with the statements of its nested blocks after each (in document order), and
 * an index to find, from a position on, the next statement that contains a given offset.
 */
export class FlatList {
  /** The slot in `nodes` of each statement of the original list. */
  readonly offsets: number[];
  /** Where the list's last statement ends. */
  readonly end: number;
  private readonly maxEnd: number[];
  private readonly size: number;

  constructor(list: readonly Node[], readonly nodes: Node[]) {
    this.offsets = [];
    let slot = 0;
    for (const statement of list) {
      while (nodes[slot] !== statement) slot++;
      this.offsets.push(slot);
    }
    this.end = list[list.length - 1]?.range[1] ?? 0;
    let size = 1;
    while (size < nodes.length) size *= 2;
    this.size = size;
    this.maxEnd = new Array<number>(2 * size).fill(-Infinity);
    nodes.forEach((node, index) => (this.maxEnd[size + index] = node.range[1]));
    for (let node = size - 1; node >= 1; node--) this.maxEnd[node] = Math.max(this.maxEnd[2 * node]!, this.maxEnd[2 * node + 1]!);
  }

  /**
   * The first slot from `from` on whose statement contains the span [start, end), when it is
   * before any statement that starts after `start`; -1 when none does.
   */
  nextContaining(from: number, start: number, end: number): number {
    const slot = this.firstEndingAtOrAfter(1, 0, this.size, from, end);
    return slot >= 0 && this.nodes[slot]!.range[0] <= start ? slot : -1;
  }

  private firstEndingAtOrAfter(node: number, low: number, high: number, from: number, end: number): number {
    if (high <= from || this.maxEnd[node]! < end) return -1;
    if (high - low === 1) return low;
    const middle = (low + high) >> 1;
    const left = this.firstEndingAtOrAfter(2 * node, low, middle, from, end);
    return left >= 0 ? left : this.firstEndingAtOrAfter(2 * node + 1, middle, high, from, end);
  }
}
