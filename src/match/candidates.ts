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
  private lists: Node[][] | undefined;

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
