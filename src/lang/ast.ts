import type { TSESTree } from '@typescript-eslint/typescript-estree';

export type Node = TSESTree.Node;

/**
 * Keys that never hold child nodes we analyse. Type annotations, arguments and parameters are
 * erased at run time and no pattern looks into them (the matcher ignores the same keys), yet in
 * TypeScript they are a large share of the tree; metavariable-type asks the type checker instead.
 */
const SKIPPED_KEYS = new Set([
  'parent', 'loc', 'range', 'tokens', 'comments',
  'typeAnnotation', 'returnType', 'typeArguments', 'typeParameters', 'superTypeArguments', 'implements',
]);
/** Declarations with nothing that runs: their whole subtree is types. */
const TYPE_ONLY = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration']);

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Child lists are kept on the node itself: the hottest lookup of matching, cheaper than a map. */
const CHILDREN = Symbol('children');
type WithChildren = Node & { [CHILDREN]?: Node[] };

/** The child nodes of a node, in source order (computed once per node). */
export function childNodes(node: Node): Node[] {
  const cached = (node as WithChildren)[CHILDREN];
  if (cached) return cached;
  const children: Node[] = [];
  if (TYPE_ONLY.has(node.type)) {
    (node as WithChildren)[CHILDREN] = children;
    return children;
  }
  for (const key in node) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  (node as WithChildren)[CHILDREN] = children;
  return children;
}

/**
 * Every node of a tree, parents before children, without recursion: code nested tens of
 * thousands of levels deep must not overflow the stack.
 */
export function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    const children = childNodes(node);
    for (let i = children.length - 1; i >= 0; i--) {
      (children[i] as WithParent)[PARENT] = node;
      stack.push(children[i]!);
    }
  }
  return out;
}

/** Parents, like child lists, live on the nodes: a map of every node of every open file costs more memory and time. */
const PARENT = Symbol('parent');
type WithParent = Node & { [PARENT]?: Node };

/** The node's parent, once `allNodes` has walked its tree. */
export function parentOf(node: Node): Node | undefined {
  return (node as WithParent)[PARENT];
}

/**
 * TypeScript-only and optional-chaining wrappers that do not change which value an expression
 * has: `x as T`, `x!`, `x satisfies T`, `<T>x`, `f<T>`, `a?.b`. A pattern sees through all of them.
 */
export const WRAPPER_TYPES: ReadonlySet<string> = new Set([
  'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TSInstantiationExpression', 'ChainExpression',
]);

/** The expression inside any wrappers (see WRAPPER_TYPES). */
export function unwrap(node: Node): Node {
  let current = node;
  while (WRAPPER_TYPES.has(current.type)) current = (current as { expression: Node }).expression;
  return current;
}

export const FUNCTION_TYPES: ReadonlySet<string> = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

export function isFunction(node: Node): node is TSESTree.FunctionLike & (TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression) {
  return FUNCTION_TYPES.has(node.type);
}

/** Node types that are expressions with a value (type-level expressions excluded). */
export function isExpressionType(type: string): boolean {
  return (
    (type.endsWith('Expression') || type === 'Identifier' || type === 'Literal' || type === 'TemplateLiteral' ||
      type === 'JSXElement' || type === 'JSXFragment' || type === 'Super' || type === 'PrivateIdentifier') &&
    !type.startsWith('TS')
  );
}

/**
 * Whether an expression node stands for a value where it is: not a property key, a member's
 * property name, a declared name or a label. Needs parents (see allNodes).
 */
export function isValuePosition(node: Node): boolean {
  if (!isExpressionType(node.type)) return false;
  const parent = parentOf(node);
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
      return parent.object === node || parent.computed;
    case 'Property':
      return parent.value === node || (parent.computed && parent.key === node);
    case 'VariableDeclarator':
      return parent.init === node;
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier':
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return false;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ClassDeclaration':
    case 'ClassExpression':
      return (parent as { id?: Node | null }).id !== node && !(parent as { params?: Node[] }).params?.includes(node);
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return parent.value === node;
    default:
      return !parent.type.startsWith('TS');
  }
}

/** The receivers along a call chain: for `a.b().c().d`, the object `a.b().c()`, then `a.b()`, then `a`… */
export function chainReceivers(node: Node): Node[] {
  const receivers: Node[] = [];
  let current: Node | undefined = unwrap(node);
  while (current && receivers.length < 64) {
    receivers.push(current);
    if (current.type === 'CallExpression') current = unwrap(current.callee);
    else if (current.type === 'MemberExpression') current = unwrap(current.object);
    else current = undefined;
  }
  return receivers;
}

/** Static property name of `a.b` or `a['b']`, if it has one. */
export function memberPropertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  if (node.computed && node.property.type === 'TemplateLiteral' && node.property.expressions.length === 0) {
    return node.property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The name a property key spells, for `{ a: 1 }`, `{ 'a': 1 }` and `{ ['a']: 1 }`. */
export function propertyKeyName(property: TSESTree.Property | TSESTree.PropertyDefinition): string | undefined {
  const key = property.key;
  if (key.type === 'Identifier' && !property.computed) return key.name;
  if (key.type === 'Literal') return String(key.value);
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A class member's name: `#secret` for private names; undefined for computed names. */
export function classMemberName(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  if (member.key.type === 'PrivateIdentifier') return `#${member.key.name}`;
  if (member.key.type === 'Identifier' && !member.computed) return member.key.name;
  if (member.key.type === 'Literal') return String(member.key.value);
  return undefined;
}

/** The expressions a JSX element embeds (`{…}` children and attribute values, spread attributes). */
export function jsxExpressions(node: TSESTree.JSXElement | TSESTree.JSXFragment): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'JSXExpressionContainer') {
      if (current.expression.type !== 'JSXEmptyExpression') out.push(current.expression);
      continue;
    }
    if (current.type === 'JSXSpreadAttribute') {
      out.push(current.argument);
      continue;
    }
    if (current.type === 'JSXElement') stack.push(...current.openingElement.attributes, ...current.children);
    else if (current.type === 'JSXFragment') stack.push(...current.children);
    else if (current.type === 'JSXAttribute' && current.value) stack.push(current.value);
  }
  return out;
}
