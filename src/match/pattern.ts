import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Node } from '../lang/ast.js';
import { DEEP, ELLIPSIS, rewritePattern, SPREAD_PREFIX } from './pattern-source.js';

/** A pattern parsed once at rule-compile time. */
export type Pattern =
  | { kind: 'expression'; node: Node; source: string }
  | { kind: 'statements'; nodes: Node[]; source: string };

export class PatternSyntaxError extends Error {
  override readonly name = 'PatternSyntaxError';
  constructor(
    message: string,
    /** 1-based line within the pattern text. */
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const METAVARIABLE = /^\$[A-Z_][A-Z0-9_]*$/;

export function isMetavariableName(name: string): boolean {
  return METAVARIABLE.test(name) || name.startsWith(SPREAD_PREFIX);
}

export function isEllipsis(node: Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === 'Identifier') return node.name === ELLIPSIS;
  if (node.type === 'ExpressionStatement') return isEllipsis(node.expression);
  if (node.type === 'Property') return node.shorthand && isEllipsis(node.value);
  return false;
}

/** `$...ARGS` → `$ARGS` (the name a sequence binds), or undefined for other nodes. */
export function spreadMetavariable(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const inner = node.type === 'ExpressionStatement' ? node.expression : node;
  if (inner.type === 'Identifier' && inner.name.startsWith(SPREAD_PREFIX)) return `$${inner.name.slice(SPREAD_PREFIX.length)}`;
  return undefined;
}

/** `<... e ...>` → e. */
export function deepExpressionOf(node: Node): Node | undefined {
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === DEEP && node.arguments.length === 1) {
    return node.arguments[0];
  }
  return undefined;
}

export function parsePattern(source: string): Pattern {
  const rewritten = rewritePattern(source);
  let program: TSESTree.Program | undefined;
  let firstError: unknown;
  try {
    program = parseText(rewritten);
  } catch (error) {
    firstError = error;
  }
  const onlyStatement = program?.body.length === 1 ? program.body[0] : undefined;
  if (!program || onlyStatement?.type === 'BlockStatement') {
    const expression = tryExpression(rewritten);
    if (expression) return { kind: 'expression', node: expression, source };
  }
  if (!program) throw toPatternError(firstError);
  if (onlyStatement?.type === 'ExpressionStatement' && !onlyStatement.directive) {
    return { kind: 'expression', node: onlyStatement.expression, source };
  }
  // A function written as a declaration also matches function expressions and arrows, as in Semgrep.
  if (onlyStatement?.type === 'FunctionDeclaration') return { kind: 'expression', node: onlyStatement, source };
  if (program.body.length === 0) throw new PatternSyntaxError('the pattern is empty', 1, 1);
  return { kind: 'statements', nodes: program.body, source };
}

function parseText(text: string): TSESTree.Program {
  try {
    return parse(text, { range: true, loc: true, jsx: false, errorOnUnknownASTType: false, allowInvalidAST: true });
  } catch (error) {
    try {
      return parse(text, { range: true, loc: true, jsx: true, errorOnUnknownASTType: false, allowInvalidAST: true });
    } catch {
      throw error;
    }
  }
}

function tryExpression(text: string): Node | undefined {
  try {
    const program = parseText(`(${text}\n)`);
    const statement = program.body[0];
    if (program.body.length === 1 && statement?.type === 'ExpressionStatement') return shiftRanges(statement.expression, -1);
  } catch {
    return undefined;
  }
  return undefined;
}

/** Keeps ranges relative to the pattern text after it was wrapped in parentheses to parse. */
function shiftRanges(node: Node, delta: number): Node {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      stack.push(...current);
      continue;
    }
    const record = current as Record<string, unknown>;
    if (Array.isArray(record.range) && typeof record.type === 'string') {
      record.range = [(record.range[0] as number) + delta, (record.range[1] as number) + delta];
    }
    for (const key in record) if (key !== 'parent' && key !== 'loc' && key !== 'range') stack.push(record[key]);
  }
  return node;
}

function toPatternError(error: unknown): PatternSyntaxError {
  const location = (error as { location?: { start: { line: number; column: number } } })?.location;
  const message = error instanceof Error ? error.message : String(error);
  return new PatternSyntaxError(`the pattern is not valid TypeScript: ${message}`, location?.start.line ?? 1, (location?.start.column ?? 0) + 1);
}
