import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberPropertyName, unwrap, type Node } from './ast.js';
import type { CrossFileLookup } from './cross-file.js';
import type { BindingResolver } from './bindings.js';
import { CycleSafeMemo } from '../util/cycle-safe-memo.js';
import { memoized } from '../util/memo.js';
import { DEFAULT_IMPORT, NAMESPACE_IMPORT, type Declaration, type DeclarationTable } from './declarations.js';

/**
 * The qualified name an expression denotes once imports, requires and aliases are followed:
 * `mk` after `import { createCipheriv as mk } from 'node:crypto'` is `crypto.createCipheriv`,
 * and so is `require('crypto').createCipheriv`. `origin` says where the root came from: a module,
 * a global (unbound, or reached through `window`/`globalThis`), or a local whose value we cannot
 * see, in which case the name is the code's own spelling.
 */
export interface QualifiedName {
  name: string;
  origin: 'module' | 'global' | 'local';
  /** Set when the name is the namespace of a project file (its absolute path), so members can be followed. */
  projectFile?: string;
}

/** The objects through which code reaches globals: `window.crypto` is `crypto`. */
export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['window', 'globalThis', 'self', 'global']);

/** Names that are the same API under another spelling. */
const EQUIVALENT_PREFIXES: ReadonlyArray<[string, string]> = [['crypto.webcrypto', 'crypto']];

export function normalizeModuleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}

/** The word-character runs of a name or module specifier: `@noble/ciphers` gives noble, ciphers. */
export function wordsOf(text: string): string[] {
  return text.split(/[^\w$]+/).filter((part) => part.length > 0);
}

export function canonicalize(name: string): string {
  for (const [from, to] of EQUIVALENT_PREFIXES) {
    if (name === from) return to;
    if (name.startsWith(`${from}.`)) return to + name.slice(from.length);
  }
  return name;
}

/** A dotted name as qualified names are written: without a global-object prefix, canonicalised. */
export function canonicalGlobalName(dotted: string): string {
  const dot = dotted.indexOf('.');
  const withoutGlobal = dot > 0 && GLOBAL_OBJECTS.has(dotted.slice(0, dot)) ? dotted.slice(dot + 1) : dotted;
  return canonicalize(withoutGlobal);
}

/** `a.b.c` as written in code, or undefined for anything but plain names. */
export function spelledName(node: Node): string | undefined {
  const target = unwrap(node);
  if (target.type === 'Identifier') return target.name;
  if (target.type === 'MemberExpression' && !target.computed && target.property.type === 'Identifier') {
    const base = spelledName(target.object);
    return base === undefined ? undefined : `${base}.${target.property.name}`;
  }
  return undefined;
}

export class NameResolver {
  private readonly memo = new CycleSafeMemo<Node, QualifiedName>();

  constructor(
    private readonly table: DeclarationTable,
    private readonly file?: string,
    private readonly project?: CrossFileLookup,
    private readonly bindings?: BindingResolver,
  ) {}

  /** True when the name is bound by a named import or destructuring (`import { X }`, `const { X } = …`). */
  isNamedImportRoot(name: string): boolean {
    const declarations = this.table.declarations.get(name);
    if (!declarations || declarations.length !== 1) return false;
    const declaration = declarations[0]!;
    if (declaration.kind === 'import') return declaration.imported === name;
    return declaration.kind === 'variable' && declaration.path.at(-1) === name;
  }

  /** What each declaration of a name denotes: a name declared twice may reach two modules. */
  qualifiedNamesOfEach(name: string): QualifiedName[] {
    const declarations = this.table.declarations.get(name) ?? [];
    return declarations.flatMap((declaration) => {
      const qualified = this.declarationName(name, declaration);
      return qualified ? [{ ...qualified, name: canonicalize(qualified.name) }] : [];
    });
  }

  /** The qualified name a top-level name of this file denotes, for the project layer's exports. */
  qualifiedNameOf(name: string): QualifiedName | undefined {
    return this.identifierName(name);
  }

  qualifiedName(node: Node): QualifiedName | undefined {
    const target = unwrap(node);
    return this.memo.get(target, () => {
      const result = this.compute(target);
      return result ? { ...result, name: canonicalize(result.name) } : undefined;
    });
  }

  private compute(node: Node): QualifiedName | undefined {
    switch (node.type) {
      case 'Identifier':
        return this.identifierAt(node);
      case 'ThisExpression':
        return { name: 'this', origin: 'local' };
      case 'MemberExpression': {
        const property = memberPropertyName(node);
        if (property === undefined) return undefined;
        const object = unwrap(node.object);
        if (object.type === 'Identifier' && GLOBAL_OBJECTS.has(object.name) && !this.table.declarations.has(object.name)) {
          return this.identifierName(property) ?? { name: property, origin: 'global' };
        }
        const base = this.qualifiedName(object);
        if (!base) return undefined;
        if (base.projectFile) return this.project?.exportedName(base.projectFile, property) ?? { name: `${base.name}.${property}`, origin: base.origin };
        return { name: `${base.name}.${property}`, origin: base.origin };
      }
      case 'CallExpression': {
        const module = requiredModule(node);
        return module === undefined ? undefined : this.moduleName(module);
      }
      case 'AwaitExpression': {
        const argument = unwrap(node.argument);
        if (argument.type === 'ImportExpression' && argument.source.type === 'Literal' && typeof argument.source.value === 'string') {
          return this.moduleName(normalizeModuleName(argument.source.value));
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * A name declared more than once (an import and a parameter) is what its scope says where it is
   * used; the scope analysis runs only when its declarations would name different things.
   */
  private identifierAt(node: TSESTree.Identifier): QualifiedName | undefined {
    const declarations = this.table.declarations.get(node.name);
    const names =
      declarations && declarations.length > 1
        ? memoized(this.candidateNames, node.name, () => declarations.map((declaration) => this.declarationName(node.name, declaration)))
        : [];
    if (names.some((name) => name !== undefined) && !sameNames(names)) {
      const resolved = this.bindings?.declarationOf(node);
      if (resolved) return this.declarationName(node.name, resolved) ?? { name: node.name, origin: 'local' };
    }
    return this.identifierName(node.name);
  }

  /** What each declaration of an ambiguous name denotes, asked once per name rather than once per use. */
  private readonly candidateNames = new Map<string, Array<QualifiedName | undefined>>();

  private identifierName(name: string): QualifiedName | undefined {
    const declarations = this.table.declarations.get(name);
    if (!declarations || declarations.length === 0) return { name, origin: 'global' };
    const names = declarations.map((declaration) => this.declarationName(name, declaration));
    return sameNames(names) ? names[0]! : { name, origin: 'local' };
  }

  private declarationName(name: string, declaration: Declaration): QualifiedName | undefined {
    if (declaration.kind === 'import') {
      const module = this.moduleName(normalizeModuleName(declaration.module));
      const imported = declaration.imported;
      if (imported === NAMESPACE_IMPORT) return module;
      if (module.projectFile) {
        const exported = this.project?.exportedName(module.projectFile, imported);
        if (exported) return exported;
      }
      return { name: imported === DEFAULT_IMPORT ? module.name : `${module.name}.${imported}`, origin: 'module' };
    }
    if (declaration.kind === 'variable' && declaration.init && !this.table.reassigned.has(name)) {
      if (declaration.path.some((step) => step.startsWith('…'))) return undefined;
      let base = this.qualifiedName(declaration.init);
      if (!base || base.origin === 'local') return undefined;
      const path = [...declaration.path];
      if (base.projectFile && path.length > 0) {
        base = this.project?.exportedName(base.projectFile, path.shift()!) ?? { name: `${base.name}.${declaration.path[0]}`, origin: 'module' };
      }
      return { name: [base.name, ...path].join('.'), origin: base.origin };
    }
    return undefined;
  }

  /** A module by specifier; a project file keeps its path so its exports can be followed. */
  private moduleName(specifier: string): QualifiedName {
    const projectFile = this.file && this.project ? this.project.resolveModule(this.file, specifier) : undefined;
    return projectFile ? { name: specifier, origin: 'module', projectFile } : { name: specifier, origin: 'module' };
  }
}

/** `require('m')` → `m`, with the `node:` prefix dropped. */
export function requiredModule(node: Node): string | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const callee = unwrap(node.callee);
  if (callee.type !== 'Identifier' || callee.name !== 'require' || node.arguments.length !== 1) return undefined;
  const argument = node.arguments[0]!;
  if (argument.type === 'Literal' && typeof argument.value === 'string') return normalizeModuleName(argument.value);
  if (argument.type === 'TemplateLiteral' && argument.expressions.length === 0) {
    return normalizeModuleName(argument.quasis[0]?.value.cooked ?? '');
  }
  return undefined;
}

/** Every declaration names the same known thing. */
function sameNames(names: ReadonlyArray<QualifiedName | undefined>): boolean {
  const first = names[0];
  return first !== undefined && names.every((other) => other !== undefined && other.name === first.name && other.origin === first.origin);
}
