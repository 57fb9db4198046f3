import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { childNodes, FUNCTION_TYPES, type Node } from '../lang/ast.js';
import { memoized } from '../util/memo.js';
import type { ClassNode, FunctionNode } from './value.js';

/** A function body, or a module's top level, as the analysis runs it. */
export type Body = FunctionNode | TSESTree.Program;

/** The names a function (or the module) declares itself, not those of functions nested in it. */
export interface BodyScope {
  locals: ReadonlySet<string>;
  functions: ReadonlyMap<string, TSESTree.FunctionDeclaration>;
  classes: ReadonlyMap<string, ClassNode>;
}

const scopes = new WeakMap<Body, BodyScope>();

export function scopeOf(body: Body): BodyScope {
  return memoized(scopes, body, () => collectScope(body));
}

function collectScope(body: Body): BodyScope {
  const locals = new Set<string>();
  const functions = new Map<string, TSESTree.FunctionDeclaration>();
  const classes = new Map<string, ClassNode>();
  if (body.type !== 'Program') for (const param of body.params) for (const name of patternNames(param)) locals.add(name);
  const stack: Node[] = body.type === 'Program' ? [...body.body] : body.body ? [body.body] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'VariableDeclarator':
        for (const name of patternNames(node.id)) locals.add(name);
        break;
      case 'FunctionDeclaration':
        if (node.id) {
          locals.add(node.id.name);
          functions.set(node.id.name, node);
        }
        continue;
      case 'ClassDeclaration':
        if (node.id) {
          locals.add(node.id.name);
          classes.set(node.id.name, node);
        }
        continue;
      case 'CatchClause':
        if (node.param) for (const name of patternNames(node.param)) locals.add(name);
        break;
    }
    if (FUNCTION_TYPES.has(node.type) || node.type === 'ClassExpression') continue;
    stack.push(...childNodes(node));
  }
  return { locals, functions, classes };
}

/** The names a binding pattern declares: `a`, `{ a, b: c, ...rest }`, `[x, , y = 1]`. */
export function patternNames(pattern: Node): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) => patternNames(property.type === 'RestElement' ? property.argument : property.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => (element ? patternNames(element) : []));
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    case 'RestElement':
      return patternNames(pattern.argument);
    case 'TSParameterProperty':
      return patternNames(pattern.parameter);
    default:
      return [];
  }
}
