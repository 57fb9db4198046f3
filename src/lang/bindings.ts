import { analyze } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Node } from './ast.js';
import type { Declaration, DeclarationTable } from './declarations.js';
import type { Program } from './parse.js';

/**
 * Which declaration a name refers to where it is used, for names a file declares more than once
 * (an import and a parameter of the same name). The scope analysis runs only on the first such
 * question in a file, so files without one pay nothing.
 */
export class BindingResolver {
  private references: Map<Node, Node[]> | undefined;

  constructor(
    private readonly program: Program,
    private readonly table: DeclarationTable,
  ) {}

  /** The declaration `identifier` refers to, or undefined when the name is not ambiguous or cannot be told. */
  declarationOf(identifier: TSESTree.Identifier): Declaration | undefined {
    const candidates = this.table.declarations.get(identifier.name);
    // Parameters, functions and classes all read as their own spelling: which one is meant changes nothing.
    if (!candidates || candidates.length < 2 || candidates.every((candidate) => candidate.kind === 'other')) return undefined;
    const bindingNodes = this.resolve().get(identifier);
    if (!bindingNodes) return undefined;
    return candidates.find((declaration) => bindingNodes.includes(declaration.node));
  }

  /** Each resolved reference's identifier, with the nodes that define its variable (binding names and declaration nodes). */
  private resolve(): Map<Node, Node[]> {
    if (this.references) return this.references;
    const references = new Map<Node, Node[]>();
    try {
      for (const scope of analyze(this.program, { sourceType: 'module', lib: [] }).scopes) {
        for (const reference of scope.references) {
          const definitions = reference.resolved?.defs;
          if (definitions?.length) references.set(reference.identifier, definitions.flatMap((definition) => [definition.name, definition.node] as Node[]));
        }
      }
    } catch {
      // Code the analyser rejects keeps the by-name answers, as before.
    }
    this.references = references;
    return references;
  }
}
