import { isAbsolute, relative, sep } from 'node:path';
import type { Constant, ConstantValue } from '../lang/constants.js';
import { ConstantArray, ConstantObject } from '../lang/constants.js';
import type { CrossFileLookup, ExportBinding, ProjectContext, TypeLookup } from '../lang/cross-file.js';
import { FileFacts } from '../lang/file-facts.js';
import { LineIndex } from '../util/line-index.js';
import { normalizeModuleName, type QualifiedName } from '../lang/names.js';
import { isExternal, type ExternalOrigin, type Origin } from '../lang/origin.js';
import { parseSource } from '../lang/parse.js';
import { DEFAULT_SOURCE_LIMITS, readSourceFile, type SourceLimits, type SourceRead } from '../input/read-source.js';
import type { Node } from '../lang/ast.js';
import { AnswerCache } from './answer-cache.js';
import { collectExports, type ExportFact, type ModuleExports } from './exports.js';
import { ModuleResolver } from './module-resolver.js';

const MAX_PARSED_FILES = 256;

interface SourceFile {
  text: string;
  hash: string;
  lines?: LineIndex;
}

/** A file another file's facts needed but that could not be read, and why. */
export interface SkippedDependency {
  file: string;
  kind: Extract<SourceRead, { ok: false }>['kind'];
  message: string;
}

/**
 * What the analysis of one file took from the project: the files whose text or facts it used
 * (with their content hashes; null for one that could not be read), the module specifiers it
 * resolved and to what, and the files it needed that were skipped. A result cached across scans
 * is reused only while all of these still hold.
 */
export interface ConsumedFacts {
  files: Map<string, string | null>;
  /** `from\0specifier` → the resolved file, or null. */
  resolutions: Map<string, string | null>;
  skipped: Map<string, SkippedDependency>;
}

interface ParsedModule {
  facts: FileFacts;
  exports: ModuleExports;
  lines: LineIndex;
}

/**
 * The one place that knows how the files of a project relate. Facts are computed lazily, for
 * the names that rules actually ask about, and each answer is cached with the hashes of the files
 * it used. Another file is parsed only when an answer needs it, and at most a bounded number of
 * parsed files are kept in memory.
 */
export class ProjectFacts implements CrossFileLookup {
  readonly resolver = new ModuleResolver();
  private readonly sources = new Map<string, SourceFile | null>();
  private readonly parsed = new Map<string, ParsedModule | null>();
  private readonly inProgress = new Set<string>();
  private readonly dependencyStack: Array<Map<string, string>> = [];

  private readonly skipped = new Map<string, SkippedDependency>();
  private consumed: ConsumedFacts | undefined;

  constructor(
    readonly root: string,
    private readonly answers: AnswerCache = new AnswerCache(),
    private readonly types?: TypeLookup,
    private readonly limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
  ) {}

  /** Records what the project is asked from now until `stopRecording` (one file's analysis). */
  startRecording(): void {
    this.consumed = { files: new Map(), resolutions: new Map(), skipped: new Map() };
  }

  stopRecording(): ConsumedFacts {
    const consumed = this.consumed ?? { files: new Map(), resolutions: new Map(), skipped: new Map() };
    this.consumed = undefined;
    return consumed;
  }

  /** Files whose facts were needed but that could not be read (too large, binary, minified, unreadable). */
  skippedDependencies(): SkippedDependency[] {
    return [...this.skipped.values()];
  }

  /** Offset → position in a project file, for traces that cross files. */
  positionIn(file: string, offset: number): { line: number; column: number } | undefined {
    const source = this.source(file);
    if (!source) return undefined;
    source.lines ??= new LineIndex(source.text);
    return source.lines.position(offset);
  }

  /**
   * Relative to the scan root like every path of a report, also above it (`../common/x.ts` when
   * a single file is scanned and its folder is the root); absolute only on another drive.
   */
  displayPath(absolutePath: string): string {
    const shown = relative(this.root, absolutePath);
    return (isAbsolute(shown) ? absolutePath : shown).split(sep).join('/');
  }

  resolveModule(fromFile: string, specifier: string): string | undefined {
    const resolved = this.resolver.resolve(fromFile, specifier);
    this.consumed?.resolutions.set(`${fromFile}\0${specifier}`, resolved ?? null);
    return resolved;
  }

  exportedConstant(file: string, exportName: string): Constant | undefined {
    return this.answer(`constant\0${file}\0${exportName}`, file, () => this.computeConstant(file, exportName));
  }

  exportedName(file: string, exportName: string): QualifiedName | undefined {
    return this.answer(`name\0${file}\0${exportName}`, file, () => this.computeName(file, exportName));
  }

  exportBinding(file: string, exportName: string): ExportBinding | undefined {
    return this.answer(`binding\0${file}\0${exportName}`, file, () => this.computeBinding(file, exportName));
  }

  private computeBinding(file: string, exportName: string): ExportBinding | undefined {
    const module = this.module(file);
    if (!module) return undefined;
    const found = this.findExport(file, module, exportName);
    if (!found) return undefined;
    const { fact, owner } = found;
    if (owner !== file) return this.exportBinding(owner, exportName);
    switch (fact.kind) {
      case 'value':
        return { kind: 'value', file, node: fact.node };
      case 'local':
        return { kind: 'local', file, name: fact.name };
      case 'reexport': {
        const target = this.resolveModule(file, fact.specifier);
        if (!target) return undefined;
        return fact.name === '*' ? { kind: 'namespace', file: target } : this.exportBinding(target, fact.name);
      }
    }
  }

  /** Another file's facts, parsed on demand (and kept among the recently used). */
  factsOf(file: string): FileFacts | undefined {
    return this.module(file)?.facts;
  }

  exportNames(file: string): string[] {
    return [...(this.module(file)?.exports.named.keys() ?? [])];
  }

  private answer<T>(key: string, file: string, compute: () => T | undefined): T | undefined {
    const cached = this.answers.get<T | undefined>(key, (dependency) => this.source(dependency)?.hash);
    if (cached) {
      this.noteDependencies(cached.dependencies);
      if (this.consumed) for (const dependency of cached.dependencies.keys()) this.source(dependency);
      return cached.value;
    }
    if (this.inProgress.has(key)) return undefined;
    this.inProgress.add(key);
    this.dependencyStack.push(new Map());
    let value: T | undefined;
    try {
      this.noteFile(file);
      value = compute();
    } finally {
      this.inProgress.delete(key);
    }
    const dependencies = this.dependencyStack.pop()!;
    this.answers.set(key, { value, dependencies });
    this.noteDependencies(dependencies);
    return value;
  }

  private computeConstant(file: string, exportName: string): Constant | undefined {
    const module = this.module(file);
    if (!module) return undefined;
    const found = this.findExport(file, module, exportName);
    if (!found) return undefined;
    const { fact, owner } = found;
    if (owner !== file) return this.exportedConstant(owner, exportName);
    switch (fact.kind) {
      case 'value':
        return this.external(module, file, module.facts.constants.valueOf(fact.node), fact.node);
      case 'local':
        return this.external(module, file, module.facts.constants.valueOfName(fact.name), fact.at);
      case 'reexport': {
        const target = this.resolveModule(file, fact.specifier);
        if (!target) return undefined;
        return fact.name === '*' ? this.namespaceObject(target) : this.exportedConstant(target, fact.name);
      }
    }
  }

  private computeName(file: string, exportName: string): QualifiedName | undefined {
    const module = this.module(file);
    if (!module) return undefined;
    const found = this.findExport(file, module, exportName);
    if (!found) {
      const fallback = module.exports.named.get('default');
      if (fallback?.kind !== 'value') return undefined;
      const base = module.facts.names.qualifiedName(fallback.node);
      return base && base.origin !== 'local' && !base.projectFile ? { name: `${base.name}.${exportName}`, origin: base.origin } : undefined;
    }
    const { fact, owner } = found;
    if (owner !== file) return this.exportedName(owner, exportName);
    let name: QualifiedName | undefined;
    switch (fact.kind) {
      case 'value':
        name = module.facts.names.qualifiedName(fact.node);
        break;
      case 'local':
        name = module.facts.names.qualifiedNameOf(fact.name);
        break;
      case 'reexport': {
        const target = this.resolveModule(file, fact.specifier);
        const specifier = normalizeModuleName(fact.specifier);
        if (fact.name === '*') return target ? { name: specifier, origin: 'module', projectFile: target } : { name: specifier, origin: 'module' };
        if (target) return this.exportedName(target, fact.name);
        return { name: fact.name === 'default' ? specifier : `${specifier}.${fact.name}`, origin: 'module' };
      }
    }
    return name && name.origin !== 'local' ? name : undefined;
  }

  /** `export * as ns from './x'`: the named exports of x as one object. */
  private namespaceObject(file: string): Constant | undefined {
    const module = this.module(file);
    if (!module) return undefined;
    const fields = new Map<string, Constant | undefined>();
    for (const name of module.exports.named.keys()) if (name !== 'default') fields.set(name, this.exportedConstant(file, name));
    return { value: new ConstantObject(fields), via: [] };
  }

  /** The export's fact, and the file that defines it (a star re-export may lead elsewhere). */
  private findExport(file: string, module: ParsedModule, exportName: string): { fact: ExportFact; owner: string } | undefined {
    const own = module.exports.named.get(exportName);
    if (own) return { fact: own, owner: file };
    if (exportName === 'default') return undefined;
    for (const star of module.exports.stars) {
      const target = this.resolveModule(file, star.specifier);
      if (!target) continue;
      const targetModule = this.module(target);
      if (targetModule && (targetModule.exports.named.has(exportName) || targetModule.exports.stars.length > 0)) {
        if (targetModule.exports.named.has(exportName)) return { fact: targetModule.exports.named.get(exportName)!, owner: target };
        const deeper = this.findExport(target, targetModule, exportName);
        if (deeper) return deeper;
      }
    }
    return undefined;
  }

  /** Re-expresses another file's constant with origins that name that file, for traces. */
  private external(module: ParsedModule, file: string, constant: Constant | undefined, exportedAt: Node): Constant | undefined {
    if (!constant) return undefined;
    const toExternal = (origin: Origin): ExternalOrigin => {
      if (isExternal(origin)) return origin;
      const position = module.lines.position(origin.range[0]);
      const text = module.facts.text.slice(origin.range[0], Math.min(origin.range[1], origin.range[0] + 60));
      return { external: true, file, line: position.line, column: position.column, text };
    };
    const via = constant.via.length > 0 ? constant.via.map(toExternal) : [toExternal(exportedAt)];
    return { value: externalValue(constant.value, toExternal), via };
  }

  /**
   * The facts of a file being analysed, shared with cross-file lookups: a file that another file's
   * lookups already parsed is not parsed again, and one parsed here serves later lookups.
   */
  factsFor(file: string, text: string): FileFacts {
    const cached = this.parsed.get(file);
    if (cached && cached.facts.text === text) return cached.facts;
    const facts = new FileFacts(this.displayPath(file), text, parseSource(text, file), file, this, this.types);
    this.remember(file, { facts, exports: collectExports(facts.program), lines: new LineIndex(text) });
    return facts;
  }

  private remember(file: string, parsed: ParsedModule | undefined): void {
    this.parsed.delete(file);
    this.parsed.set(file, parsed ?? null);
    if (this.parsed.size > MAX_PARSED_FILES) this.parsed.delete(this.parsed.keys().next().value!);
  }

  private module(file: string): ParsedModule | undefined {
    if (this.consumed) this.source(file);
    if (this.parsed.has(file)) {
      const hit = this.parsed.get(file) ?? undefined;
      if (hit) {
        this.parsed.delete(file);
        this.parsed.set(file, hit);
      }
      return hit;
    }
    const source = this.source(file);
    let parsed: ParsedModule | undefined;
    if (source) {
      try {
        const facts = new FileFacts(this.displayPath(file), source.text, parseSource(source.text, file), file, this, this.types);
        parsed = { facts, exports: collectExports(facts.program), lines: new LineIndex(source.text) };
      } catch {
        // A file that does not parse exports nothing we can know; its own scan reports the error.
        parsed = undefined;
      }
    }
    this.remember(file, parsed);
    return parsed;
  }

  /** A project file's text, read once through the same limits as scanned files. */
  sourceText(file: string): string | undefined {
    return this.source(file)?.text;
  }

  private source(file: string): SourceFile | undefined {
    if (!this.sources.has(file)) {
      const read = readSourceFile(file, this.limits);
      if (!read.ok && read.kind !== 'unreadable') this.skipped.set(file, { file, kind: read.kind, message: read.message });
      this.sources.set(file, read.ok ? { text: read.text, hash: read.hash } : null);
    }
    const source = this.sources.get(file) ?? undefined;
    if (this.consumed) {
      this.consumed.files.set(file, source?.hash ?? null);
      const skipped = this.skipped.get(file);
      if (skipped) this.consumed.skipped.set(file, skipped);
    }
    return source;
  }

  private noteFile(file: string): void {
    const hash = this.source(file)?.hash;
    if (hash) this.dependencyStack.at(-1)?.set(file, hash);
  }

  private noteDependencies(dependencies: ReadonlyMap<string, string>): void {
    const current = this.dependencyStack.at(-1);
    if (current) for (const [file, hash] of dependencies) current.set(file, hash);
  }
}

/** Field values of an object from another file carry that file's origins too. */
function externalValue(value: ConstantValue, toExternal: (origin: Origin) => ExternalOrigin): ConstantValue {
  if (value instanceof ConstantObject) {
    const fields = new Map<string, Constant | undefined>();
    for (const [key, field] of value.fields) fields.set(key, field && { value: externalValue(field.value, toExternal), via: field.via.map(toExternal) });
    return new ConstantObject(fields, value.open);
  }
  if (value instanceof ConstantArray) {
    return new ConstantArray(value.items.map((item) => item && { value: externalValue(item.value, toExternal), via: item.via.map(toExternal) }));
  }
  return value;
}

/** The view of a project that per-file analysis uses. */
export function projectContext(project: ProjectFacts, types?: TypeLookup): ProjectContext {
  return {
    lookup: project,
    ...(types ? { types } : {}),
    displayPath: (absolutePath) => project.displayPath(absolutePath),
    positionIn: (absolutePath, offset) => project.positionIn(absolutePath, offset),
    factsFor: (absolutePath, text) => project.factsFor(absolutePath, text),
    factsOf: (absolutePath) => project.factsOf(absolutePath),
    sourceText: (absolutePath) => project.sourceText(absolutePath),
  };
}
