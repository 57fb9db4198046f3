import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { childNodes, isNode, type Node } from '../lang/ast.js';
import { canonicalGlobalName, requiredModule } from '../lang/names.js';
import { memoized } from '../util/memo.js';
import { compileRegex, type SafeRegex } from './safe-regex.js';
import { METAVARIABLE } from './metavariable.js';
import { ANY_LOOP, DEEP, ELLIPSIS, rewritePattern, SPREAD_PREFIX, TYPED } from './pattern-source.js';

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

export function isMetavariableName(name: string): boolean {
  return METAVARIABLE.test(name) || name.startsWith(SPREAD_PREFIX);
}

export function isEllipsis(node: Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === 'Identifier') return node.name === ELLIPSIS;
  if (node.type === 'ExpressionStatement') return isEllipsis(node.expression);
  if (node.type === 'Property') return node.shorthand && isEllipsis(node.value);
  if (node.type === 'PropertyDefinition') return !node.computed && !node.value && node.key.type === 'Identifier' && node.key.name === ELLIPSIS;
  if (node.type === 'ImportSpecifier') return node.local.name === ELLIPSIS;
  if (node.type === 'JSXAttribute') return node.name.type === 'JSXIdentifier' && node.name.name === ELLIPSIS && node.value === null;
  if (node.type === 'JSXText') return node.value.trim() === ELLIPSIS || node.value.trim() === '...';
  return false;
}

/** `$...ARGS` → `$ARGS` (the name a sequence binds), or undefined for other nodes. */
export function spreadMetavariable(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const inner = node.type === 'ExpressionStatement' ? node.expression : node;
  if (inner.type === 'Identifier' && inner.name.startsWith(SPREAD_PREFIX)) return `$${inner.name.slice(SPREAD_PREFIX.length)}`;
  return undefined;
}

/** `($X: Type)` → [`$X`, `Type`]. */
export function typedMetavariableOf(node: Node): [string, string] | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== TYPED) return undefined;
  const [name, type] = node.arguments;
  if (name?.type !== 'Identifier' || type?.type !== 'Literal' || typeof type.value !== 'string') return undefined;
  return [name.name, type.value];
}

/** `for (...)`: a loop of any kind. */
export function isAnyLoop(node: Node): boolean {
  return node.type === 'ForOfStatement' && node.left.type === 'Identifier' && node.left.name === ANY_LOOP;
}

/** `<... e ...>` → e. */
export function deepExpressionOf(node: Node): Node | undefined {
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === DEEP && node.arguments.length === 1) {
    return node.arguments[0];
  }
  return undefined;
}

const dottedNames = new WeakMap<Node, string | null>();
const canonicalNames = new WeakMap<Node, string>();

/**
 * `a.b.c` written in a pattern with plain names (no metavariables, no computed parts), or
 * undefined. A root `require('pkg')` names a module whose name is not an identifier:
 * `require('@acme/kms').wrap`. Computed once per pattern node (patterns are compiled once).
 */
export function patternDottedName(node: Node): string | undefined {
  let name = dottedNames.get(node);
  if (name === undefined) {
    name = dottedName(node) ?? null;
    dottedNames.set(node, name);
    if (name !== null) canonicalNames.set(node, canonicalGlobalName(name));
  }
  return name ?? undefined;
}

/** The pattern's dotted name as the code's qualified names are written (`window.crypto.subtle` is `crypto.subtle`). */
export function canonicalPatternName(node: Node): string | undefined {
  return patternDottedName(node) === undefined ? undefined : canonicalNames.get(node);
}

function dottedName(node: Node): string | undefined {
  if (node.type === 'Identifier') return isMetavariableName(node.name) || isEllipsis(node) ? undefined : node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'CallExpression') {
    // `require("$NAME")`, `require("...")`: the module is matched, not named.
    const module = requiredModule(node);
    return module === undefined || isMetavariableName(module) || module === '...' || stringRegexOf(module) ? undefined : module;
  }
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    if (isMetavariableName(node.property.name)) return undefined;
    const base = dottedName(node.object);
    return base === undefined ? undefined : `${base}.${node.property.name}`;
  }
  return undefined;
}

const STRING_REGEX = /^=~\/(.*)\/([a-z]*)$/s;
const stringRegexes = new Map<string, SafeRegex | null>();

/** Semgrep's deprecated `"=~/regex/i"` string literal: a regex searched anywhere in the string. */
export function stringRegexOf(literal: string): SafeRegex | undefined {
  if (!literal.startsWith('=~/')) return undefined;
  return memoized(stringRegexes, literal, () => {
    const parts = STRING_REGEX.exec(literal);
    if (!parts) return null;
    try {
      return compileRegex(parts[2]!.includes('i') ? `(?i)${parts[1]}` : parts[1]!);
    } catch {
      return null;
    }
  }) ?? undefined;
}

/** The metavariables a pattern binds: `$X`, `$...X` (as `$X`), `"$X"`, `/$X/`, `($X: T)`. */
export function patternMetavariables(pattern: Pattern): Set<string> {
  const names = new Set<string>();
  const stack: Node[] = pattern.kind === 'expression' ? [pattern.node] : [...pattern.nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'Identifier') {
      const spread = spreadMetavariable(node);
      if (spread) names.add(spread);
      else if (METAVARIABLE.test(node.name)) names.add(node.name);
    } else if (node.type === 'Literal') {
      const text = 'regex' in node && node.regex ? node.regex.pattern : node.value;
      if (typeof text === 'string' && METAVARIABLE.test(text)) names.add(text);
    } else if (node.type === 'TemplateElement') {
      const text = templateFragmentMetavariable(node);
      if (text) names.add(text);
    } else if (node.type === 'JSXIdentifier' && METAVARIABLE.test(node.name)) {
      names.add(node.name);
    }
    stack.push(...childNodes(node), ...typeChildren(node));
  }
  names.delete('$_');
  return names;
}

/** `` `$SQL${…}` ``: a template text that is one metavariable binds a whole text fragment of the code. */
export function templateFragmentMetavariable(quasi: TSESTree.TemplateElement): string | undefined {
  const text = quasi.value.cooked ?? quasi.value.raw;
  return METAVARIABLE.test(text) ? text : undefined;
}

/** A pattern's type annotations, which `childNodes` leaves out (code types are not walked), but `$P: $T` binds. */
function typeChildren(node: Node): Node[] {
  const record = node as unknown as Record<string, unknown>;
  return [record.typeAnnotation, record.returnType].filter((child): child is Node => isNode(child));
}

const parsedPatternsBySource = new Map<string, Pattern>();

/** Patterns are immutable once parsed, and packs repeat them (shared sink lists): each text is parsed once. */
export function parsePattern(source: string): Pattern {
  return memoized(parsedPatternsBySource, source, () => parseNewPattern(source));
}

/** Every pattern parsed so far, by its text (the build stores the shipped pack's, see rules/precompiled.ts). */
export function parsedPatterns(): Array<[string, Pattern]> {
  return [...parsedPatternsBySource];
}

/** Patterns parsed earlier (by the build, for the shipped pack), so their texts are not parsed again. */
export function rememberPatterns(patterns: Iterable<[string, Pattern]>): void {
  for (const [source, pattern] of patterns) if (!parsedPatternsBySource.has(source)) parsedPatternsBySource.set(source, pattern);
}

function parseNewPattern(source: string): Pattern {
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
  if (!program) {
    const member = tryClassMember(rewritten);
    if (member) return { kind: 'expression', node: member, source };
    throw toPatternError(firstError);
  }
  if (onlyStatement?.type === 'ExpressionStatement') return { kind: 'expression', node: onlyStatement.expression, source };
  // Functions and classes written as declarations also match expressions, arrows and exported forms.
  if (onlyStatement?.type === 'FunctionDeclaration' || onlyStatement?.type === 'ClassDeclaration') {
    return { kind: 'expression', node: onlyStatement, source };
  }
  // `key: value` alone is a property pattern, not a labeled statement.
  if (onlyStatement?.type === 'LabeledStatement' && onlyStatement.body.type === 'ExpressionStatement') {
    const property = tryProperty(rewritten);
    if (property) return { kind: 'expression', node: property, source };
  }
  if (program.body.length === 0) throw new PatternSyntaxError('the pattern is empty', 1, 1);
  return { kind: 'statements', nodes: program.body.map((statement) => objectStatement(statement, rewritten) ?? statement), source };
}

/**
 * `{type: $T}` followed by `...` parses as a block holding a labeled statement; as Semgrep reads
 * it, it is an object expression statement (a block does not start with a label in practice).
 */
function objectStatement(statement: Node, text: string): Node | undefined {
  if (statement.type !== 'BlockStatement' || statement.body[0]?.type !== 'LabeledStatement') return undefined;
  const expression = tryExpression(text.slice(statement.range[0], statement.range[1]));
  if (expression?.type !== 'ObjectExpression') return undefined;
  shiftRanges(expression, statement.range[0]);
  return { type: 'ExpressionStatement', expression, directive: undefined, range: statement.range, loc: statement.loc } as unknown as Node;
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

/** `name(...) { ... }` alone: a method (or field) pattern, read inside a class body. */
function tryClassMember(text: string): Node | undefined {
  const prefix = 'class __nb_class__ {\n';
  try {
    const program = parseText(`${prefix}${text}\n}`);
    const only = program.body[0];
    if (program.body.length !== 1 || only?.type !== 'ClassDeclaration' || only.body.body.length !== 1) return undefined;
    return shiftRanges(only.body.body[0]!, -prefix.length);
  } catch {
    return undefined;
  }
}

function tryProperty(text: string): Node | undefined {
  try {
    const program = parseText(`({${text}\n})`);
    const statement = program.body[0];
    if (statement?.type !== 'ExpressionStatement' || statement.expression.type !== 'ObjectExpression') return undefined;
    const properties = statement.expression.properties;
    return properties.length === 1 ? shiftRanges(properties[0]!, -2) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps ranges relative to the pattern text after it was wrapped in parentheses to parse. */
function shiftRanges(node: Node, delta: number): Node {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      stack.push(...(current as unknown[]));
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
