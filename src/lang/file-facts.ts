import { allNodes, type Node } from './ast.js';
import { BindingResolver } from './bindings.js';
import { ConstantEvaluator } from './constants.js';
import type { CrossFileLookup, TypeLookup } from './cross-file.js';
import { collectDeclarations, type DeclarationTable } from './declarations.js';
import { NameResolver, wordsOf } from './names.js';
import type { Program } from './parse.js';

/**
 * Everything the matcher knows about one file, built once and shared by every rule: the tree,
 * its nodes indexed by type, names resolved through imports, and constant values.
 */
export class FileFacts {
  readonly nodes: Node[];
  readonly nodesByType: Map<string, Node[]> = new Map();
  readonly names: NameResolver;
  readonly constants: ConstantEvaluator;
  readonly declarations: DeclarationTable;
  /** Which declaration a name declared more than once refers to where it is used. */
  readonly bindings: BindingResolver;
  private readonly project: CrossFileLookup | undefined;

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
    this.declarations = collectDeclarations(this.nodes);
    this.project = project;
    this.bindings = new BindingResolver(this.declarations);
    this.names = new NameResolver(this.declarations, absolutePath, project, this.bindings);
    this.constants = new ConstantEvaluator(this.declarations, absolutePath, project, this.bindings);
  }

  private wordSet: Set<string> | undefined;

  /**
   * Every name the file spells or reaches: identifiers, short strings (for `x['name']`), and the
   * segments of the names its imports and requires resolve to, including through project facades.
   * Rules whose required names are missing here are not evaluated (see match/prefilter.ts).
   */
  get words(): ReadonlySet<string> {
    if (this.wordSet) return this.wordSet;
    const words = new Set<string>();
    for (const type of ['Identifier', 'PrivateIdentifier', 'JSXIdentifier']) {
      for (const node of this.nodesByType.get(type) ?? []) words.add((node as { name: string }).name);
    }
    for (const node of this.nodesByType.get('Literal') ?? []) {
      const value = (node as { value: unknown }).value;
      if (typeof value === 'string' && (value.length <= 64 || isSpecifierLike(value))) for (const part of value.split(/[^\w$]+/)) words.add(part);
    }
    // Type annotations are not walked (see ast.ts), but rules may ask for the types they name.
    for (const match of this.text.matchAll(TYPE_NAME_IN_ANNOTATION)) words.add(match[1]!);
    for (const node of this.nodesByType.get('TemplateElement') ?? []) {
      for (const part of ((node as { value: { cooked: string | null } }).value.cooked ?? '').split(/[^\w$]+/)) words.add(part);
    }
    for (const [name, declarations] of this.declarations.declarations) {
      if (!declarations.some((declaration) => declaration.kind === 'import' || declaration.kind === 'variable')) continue;
      for (const qualified of this.names.qualifiedNamesOfEach(name)) {
        addNameWords(words, qualified.name);
        if (qualified.projectFile && this.project) {
          for (const exported of this.project.exportNames(qualified.projectFile)) addNameWords(words, this.project.exportedName(qualified.projectFile, exported)?.name);
        }
      }
    }
    this.wordSet = words;
    return words;
  }

  textOf(node: Node): string {
    return this.text.slice(node.range[0], node.range[1]);
  }

}

/** A capitalised name after `:`, `<`, `|`, `&`, `,` or `extends`/`implements`: how type names appear in annotations. */
const TYPE_NAME_IN_ANNOTATION = /(?:[:<|&,]|\bextends|\bimplements)\s*([A-Z][\w$]*)/g;

/** A qualified name's segments (`crypto-js/aes.encrypt`), and their word runs (crypto, js, aes), as patterns may ask for either. */
function addNameWords(words: Set<string>, name: string | undefined): void {
  for (const segment of name?.split('.') ?? []) {
    words.add(segment);
    for (const part of wordsOf(segment)) words.add(part);
  }
}

/** A long string without spaces may be a module specifier, whose parts patterns can require. */
function isSpecifierLike(value: string): boolean {
  return value.length <= 512 && !/\s/.test(value);
}
