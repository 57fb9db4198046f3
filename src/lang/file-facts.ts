import { allNodes, childNodes, type Node } from './ast.js';
import { ConstantEvaluator } from './constants.js';
import type { CrossFileLookup, TypeLookup } from './cross-file.js';
import { collectDeclarations } from './declarations.js';
import { NameResolver } from './names.js';
import type { Program } from './parse.js';

/**
 * Everything the matcher knows about one file, built once and shared by every rule: the tree,
 * its nodes indexed by type, parents, names resolved through imports, and constant values.
 */
export class FileFacts {
  readonly nodes: Node[];
  readonly nodesByType: Map<string, Node[]> = new Map();
  readonly parents: Map<Node, Node> = new Map();
  readonly names: NameResolver;
  readonly constants: ConstantEvaluator;

  /**
   * @param path shown in findings (relative to the scan root)
   * @param absolutePath identifies the file to the project layer, when there is one
   */
  constructor(
    readonly path: string,
    readonly text: string,
    readonly program: Program,
    readonly absolutePath?: string,
    project?: CrossFileLookup,
    readonly types?: TypeLookup,
  ) {
    this.nodes = allNodes(program);
    for (const node of this.nodes) {
      const list = this.nodesByType.get(node.type);
      if (list) list.push(node);
      else this.nodesByType.set(node.type, [node]);
    }
    this.indexParents();
    const declarations = collectDeclarations(this.nodes);
    this.names = new NameResolver(declarations, absolutePath, project);
    this.constants = new ConstantEvaluator(declarations, absolutePath, project);
  }

  textOf(node: Node): string {
    return this.text.slice(node.range[0], node.range[1]);
  }

  private indexParents(): void {
    for (const node of this.nodes) for (const child of childNodes(node)) this.parents.set(child, node);
  }
}
