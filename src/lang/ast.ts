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
 * has: `x as T`, `x!`, `x satisfies T`, `<T>x`, `a?.b`. A pattern sees through all of them.
 */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
      case 'ChainExpression':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
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
