import { resolve } from 'node:path';
import type { FileContext } from '../context/file-context.js';
import type { FileContexts } from '../context/classify.js';
import { readSourceFile, type SourceLimits, type SourceRead } from '../input/read-source.js';
import type { ConsumedFacts, ProjectFacts, SkippedDependency } from '../project/project-facts.js';
import type { RulePack } from '../rules/pack.js';
import { flowIdentity } from '../scan/same-place.js';
import { FileResults, type CurrentProject, type FileEntry, type StoredOutcome } from './file-results.js';
import { scanFingerprint } from './fingerprint.js';
import { ImportDigests, type DigestSource } from './import-digests.js';
import { CacheStore } from './store.js';

export interface ScanCacheOptions {
  dir: string;
  maxBytes?: number;
  /** The folder the pack's file names are relative to. */
  cwd: string;
  pack: RulePack;
  root: string;
  limits: SourceLimits;
  project: ProjectFacts;
  contexts: FileContexts;
  testSeverity: string;
  contextOverrides: unknown;
  matchBudget: number;
}

interface ScannedFile {
  absolute: string;
  relative: string;
}

/**
 * One scan's use of the result cache: which files' results are reused, which were analysed
 * again and what they reported before, and the files' texts and hashes read on the way.
 */
export class ScanCache {
  reused = 0;
  private readonly sources = new Map<string, DigestSource>();
  private readonly current: CurrentProject;
  /** Files served from the cache, by their index in the scan. */
  private readonly kept = new Map<number, { file: ScannedFile; entry: FileEntry }>();
  /** What files analysed again reported the last time, until compared with this scan's findings. */
  private readonly previous = new Map<number, StoredOutcome>();

  private constructor(
    private readonly results: FileResults,
    private readonly store: CacheStore,
    private readonly options: ScanCacheOptions,
  ) {
    const resolveModule = (from: string, specifier: string) => options.project.resolver.resolve(from, specifier);
    this.current = {
      digests: new ImportDigests((file) => this.sourceOf(file), resolveModule),
      resolve: resolveModule,
      contextOf: (path) => options.contexts.of(path),
    };
  }

  static open(options: ScanCacheOptions): ScanCache {
    const store = new CacheStore(options.dir, options.maxBytes);
    const fingerprint = scanFingerprint(options.pack, {
      testSeverity: options.testSeverity,
      maxFileSize: options.limits.maxFileSize,
      scanMinified: options.limits.scanMinified,
      contextOverrides: options.contextOverrides,
      matchBudget: options.matchBudget,
    }, options.cwd);
    return new ScanCache(new FileResults(store, fingerprint, options.root), store, options);
  }

  /** A scanned file's text, so that digests do not read it again. */
  noteScanned(file: ScannedFile, read: Extract<SourceRead, { ok: true }>): void {
    this.sources.set(file.absolute, { hash: read.hash, text: read.text });
  }

  /** The file's cached outcome when everything it depended on is unchanged. */
  reuse(index: number, file: ScannedFile, hash: string): StoredOutcome | undefined {
    const found = this.results.lookup(file.relative, hash, this.options.contexts.of(file.relative), this.current);
    if (found.valid) {
      this.kept.set(index, { file, entry: found.valid });
      this.reused++;
      return found.valid.outcome;
    }
    if (found.previous) this.previous.set(index, found.previous);
    return undefined;
  }

  save(file: ScannedFile, hash: string, context: FileContext, consumed: ConsumedFacts, contexts: ReadonlyMap<string, FileContext>, outcome: StoredOutcome): void {
    this.results.save(file.relative, hash, context, consumed, contexts, file.absolute, this.current, outcome);
  }

  /**
   * Files kept from the cache that must be analysed again: a data-flow finding is reported by the
   * first file whose analysis reaches it, so when a file analysed again no longer reports one that
   * it did, a kept file whose facts reach the finding's file may be the one to report it now.
   */
  filesOwingLostFindings(outcomes: ReadonlyArray<StoredOutcome | undefined>): number[] {
    const present = new Set<string>();
    for (const outcome of outcomes) if (outcome && 'findings' in outcome) for (const finding of outcome.findings) if (finding.flowFingerprint !== undefined) present.add(flowIdentity(finding));
    const lostIn = new Set<string>();
    for (const outcome of this.previous.values()) {
      if (!('findings' in outcome)) continue;
      for (const finding of outcome.findings) if (finding.flowFingerprint !== undefined && !present.has(flowIdentity(finding))) lostIn.add(resolve(this.options.root, finding.file));
    }
    this.previous.clear();
    if (lostIn.size === 0) return [];
    const owing: number[] = [];
    for (const [index, { entry }] of this.kept) {
      const reaches = entry.reaches.some(([file]) => [...lostIn].some((target) => this.current.digests.reachable(file).has(target)));
      if (!reaches) continue;
      owing.push(index);
      this.previous.set(index, entry.outcome);
    }
    for (const index of owing) this.kept.delete(index);
    this.reused -= owing.length;
    return owing.sort((a, b) => a - b);
  }

  /** Files that the kept results needed but that could not be read, as their analyses found them. */
  skippedDependencies(): SkippedDependency[] {
    return [...this.kept.values()].flatMap(({ entry }) => entry.skipped);
  }

  finish(): void {
    this.store.evict();
  }

  private sourceOf(file: string): DigestSource {
    let source = this.sources.get(file);
    if (!source) {
      const read = readSourceFile(file, this.options.limits);
      source = read.ok ? { hash: read.hash, text: read.text } : { hash: null, text: undefined };
      this.sources.set(file, source);
    }
    return source;
  }
}
