import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Node as MorphNode, Project, SourceFile, ts, Type } from 'ts-morph';
import { PACKAGE_ROOT } from '../version.js';

type TsMorph = typeof import('ts-morph');
let tsMorph: TsMorph | undefined;

/** ts-morph brings a second TypeScript compiler: load it only when a rule asks a type question. */
function loadTsMorph(): TsMorph {
  tsMorph ??= createRequire(import.meta.url)('ts-morph') as TsMorph;
  return tsMorph;
}

/**
 * Type facts for the slice of files that rules ask about, and only those: a TypeScript program
 * (through ts-morph, the only module that imports it) grows by one file and its imports the
 * first time a rule asks a type question about that file. Answers are names: the type's own
 * name, its alias, union members, base types, and each qualified by the module that declares
 * it (`crypto.KeyObject`, `buffer.Buffer`), so rules can say `CryptoKey` or `crypto.KeyObject`.
 */
export class TypeFacts {
  private project: Project | undefined;
  private readonly loaded = new Set<string>();
  private readonly answers = new Map<string, string[] | null>();
  /** Why type questions could not be answered at all (ts-morph missing, as in the Action's bundle). */
  unavailable: string | undefined;
  /** Type questions asked so far (answered from memory or not): a result that asked one depends on more than the files' text. */
  questionsAsked = 0;

  constructor(private readonly root: string) {}

  /** Names of the type of the expression at [start, end) in the file, or undefined when unknown. */
  typeNamesAt(file: string, range: readonly [number, number]): string[] | undefined {
    this.questionsAsked++;
    const key = `${file}\0${range[0]}\0${range[1]}`;
    const cached = this.answers.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let names: string[] | undefined;
    try {
      const source = this.sourceFile(file);
      const node = source ? nodeAt(source, range) : undefined;
      names = node ? typeNames(node.getType(), node) : undefined;
    } catch {
      names = undefined;
    }
    this.answers.set(key, names ?? null);
    return names;
  }

  /** How many files the program holds: the size of the slice, for measurements. */
  get sliceSize(): number {
    return this.project?.getSourceFiles().length ?? 0;
  }

  private sourceFile(file: string): SourceFile | undefined {
    const project = this.ensureProject();
    if (!this.loaded.has(file)) {
      this.loaded.add(file);
      const added = project.addSourceFileAtPathIfExists(file);
      if (!added) return undefined;
      project.resolveSourceFileDependencies();
    }
    return project.getSourceFile(file);
  }

  private ensureProject(): Project {
    if (this.project) return this.project;
    let morph: TsMorph;
    try {
      morph = loadTsMorph();
    } catch (error) {
      this.unavailable ??= error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw error;
    }
    const { Project, ts: compiler } = morph;
    const config = findUp(this.root, 'tsconfig.json');
    const typeRoots = [join(this.root, 'node_modules/@types'), join(PACKAGE_ROOT, 'node_modules/@types'), join(PACKAGE_ROOT, '../@types')].filter(existsSync);
    const defaults: ts.CompilerOptions = {
      allowJs: true,
      checkJs: false,
      noEmit: true,
      skipLibCheck: true,
      target: compiler.ScriptTarget.ES2022,
      module: compiler.ModuleKind.ESNext,
      moduleResolution: compiler.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      typeRoots,
    };
    this.project = config
      ? new Project({ tsConfigFilePath: config, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true, noEmit: true, skipLibCheck: true, typeRoots } })
      : new Project({ compilerOptions: defaults, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
    return this.project;
  }
}

/** The outermost node that spans exactly the range, else the innermost that covers it. */
function nodeAt(source: SourceFile, range: readonly [number, number]): MorphNode | undefined {
  let node: MorphNode | undefined = source.getDescendantAtPos(range[0]);
  let best: MorphNode | undefined;
  while (node && node.getStart() >= range[0] && node.getEnd() <= range[1]) {
    best = node;
    node = node.getParent();
  }
  return best;
}

function typeNames(type: Type, at: MorphNode): string[] {
  const { ts: compiler } = loadTsMorph();
  const names = new Set<string>();
  const visit = (current: Type, depth: number) => {
    if (depth > 3) return;
    const promised = current.getSymbol()?.getName() === 'Promise' ? current.getTypeArguments()[0] : undefined;
    if (promised) visit(promised, depth + 1);
    for (const symbol of [current.getSymbol(), current.getAliasSymbol()]) {
      if (!symbol) continue;
      const name = symbol.getName();
      if (name.startsWith('__')) continue;
      names.add(name);
      const module = declaringModule(symbol.getDeclarations()[0]?.getSourceFile().getFilePath());
      if (module) names.add(`${module}.${name}`);
    }
    names.add(current.getText(at, compiler.TypeFormatFlags.NoTruncation).replace(/^import\("([^"]+)"\)\./, (_all, module: string) => `${module.replace(/^node:/, '')}.`));
    if (current.isStringLiteral() || current.isTemplateLiteral()) names.add('string');
    if (current.isNumberLiteral()) names.add('number');
    if (current.isBooleanLiteral()) names.add('boolean');
    for (const member of current.isUnion() ? current.getUnionTypes() : []) visit(member, depth + 1);
    for (const base of current.getBaseTypes()) visit(base, depth + 1);
  };
  visit(type, 0);
  return [...names];
}

/** `…/@types/node/crypto.d.ts` → `crypto`; `…/node_modules/jose/dist/types/index.d.ts` → `jose`. */
function declaringModule(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const typesNode = /\/@types\/node\/([a-z_]+)(?:\.[a-z_]+)*\.d\.ts$/.exec(path);
  if (typesNode) return typesNode[1];
  const packaged = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (packaged) return packaged[1]!.replace(/^@types\//, '');
  return undefined;
}

function findUp(start: string, name: string): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    const candidate = join(folder, name);
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return undefined;
  }
}
