import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parentOf, type Node } from './ast.js';
import type { Declaration, DeclarationTable } from './declarations.js';

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
/** Nodes whose `let`, `const`, class and function declarations are local to them. */
const BLOCKS = new Set(['Program', 'BlockStatement', 'StaticBlock', 'TSModuleBlock', 'SwitchStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement']);
const STATEMENTS = new Set(['VariableDeclaration']);
/** Where a parameter lives: its function, or the catch clause. */
const PARAMETER_SCOPES = new Set([...FUNCTIONS, 'CatchClause']);

/**
 * Which declaration a name refers to where it is used, for names a file declares more than once
 * (an import and a parameter of the same name, a `const` in two functions). Each declaration
 * belongs to one scope node (the file, a function, a block, a catch clause); a use means the
 * declaration of the innermost such node around it. That is all the scoping these questions
 * need, found along the parent chain: a full scope analysis of the file cost more memory than
 * the rest of the scan's facts (peaks above 1.2 GiB on theia).
 */
export class BindingResolver {
  private readonly scopes = new Map<Declaration, Node | undefined>();

  constructor(private readonly table: DeclarationTable) {}

  /** The declaration `identifier` refers to, or undefined when the name is not ambiguous or no scope holds it. */
  declarationOf(identifier: TSESTree.Identifier): Declaration | undefined {
    const candidates = this.table.declarations.get(identifier.name);
    // Parameters, functions and classes all read as their own spelling: which one is meant changes nothing.
    if (!candidates || candidates.length < 2 || candidates.every((candidate) => candidate.kind === 'other')) return undefined;
    for (let node = parentOf(identifier); node; node = parentOf(node)) {
      const found = candidates.find((candidate) => this.scopeOf(candidate) === node);
      if (found) return found;
    }
    return undefined;
  }

  private scopeOf(declaration: Declaration): Node | undefined {
    if (!this.scopes.has(declaration)) this.scopes.set(declaration, scopeNode(declaration));
    return this.scopes.get(declaration);
  }
}

function scopeNode(declaration: Declaration): Node | undefined {
  const node = declaration.node;
  switch (declaration.kind) {
    case 'import':
      return root(node);
    case 'enum':
      return enclosing(node, BLOCKS);
    case 'variable': {
      const statement = enclosing(node, STATEMENTS) as TSESTree.VariableDeclaration | undefined;
      if (!statement) return undefined;
      return statement.kind === 'var' ? (enclosing(statement, FUNCTIONS) ?? root(statement)) : enclosing(statement, BLOCKS);
    }
    case 'other':
      // A function or class declaration's name belongs to the block around it; a function
      // expression's name to the function itself; parameters to their function; a catch
      // parameter to its clause.
      if (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') return enclosing(node, BLOCKS);
      if (node.type === 'FunctionExpression') return node;
      return enclosing(node, PARAMETER_SCOPES);
  }
}

/** The nearest proper ancestor of one of the given types. */
function enclosing(node: Node, types: ReadonlySet<string>): Node | undefined {
  for (let current = parentOf(node); current; current = parentOf(current)) if (types.has(current.type)) return current;
  return undefined;
}

function root(node: Node): Node {
  let current = node;
  for (let parent = parentOf(current); parent; parent = parentOf(parent)) current = parent;
  return current;
}
