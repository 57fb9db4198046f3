import type { FileContext } from '../context/file-context.js';
import type { ConsumedFacts, SkippedDependency } from '../project/project-facts.js';
import type { Finding, ToolError, ToolWarning } from '../report/finding.js';
import type { ImportDigests } from './import-digests.js';
import type { CacheStore } from './store.js';

/** What the analysis of one file produced, as a scan combines it with the other files'. */
export type StoredOutcome =
  | { skipped: ToolError }
  | { findings: Finding[]; errors: ToolError[]; warnings: ToolWarning[]; analysed: boolean };

/** Everything a file's result depended on, and the result. */
export interface FileEntry {
  hash: string;
  context: FileContext;
  /** Contexts of other files the analysis used (where a data-flow finding in another file lands). */
  contexts: Array<[string, FileContext]>;
  /** The file and every file whose facts it used, each with the digest of all it reaches through imports. */
  reaches: Array<[string, string]>;
  /** Module specifiers the analysis resolved: `[from, specifier, file or null]`. */
  resolutions: Array<[string, string, string | null]>;
  skipped: SkippedDependency[];
  outcome: StoredOutcome;
}

export interface CurrentProject {
  digests: ImportDigests;
  resolve(fromFile: string, specifier: string): string | undefined;
  contextOf(relativePath: string): FileContext;
}

/** A file's cached result, valid or not: a stale one still says what the file reported last time. */
export interface Lookup {
  valid: FileEntry | undefined;
  previous: StoredOutcome | undefined;
}

/**
 * Per-file results of one scan configuration (the fingerprint) and scan root, kept across scans.
 * A result is reused only when the file's content, its context, the contexts of other files it
 * reported in, every file it consumed and all files those reach through imports, and every
 * module resolution it made are as they were: editing one file re-analyses that file and the
 * files that import it, directly or not, and nothing else.
 */
export class FileResults {
  constructor(
    private readonly store: CacheStore,
    private readonly fingerprint: string,
    private readonly root: string,
  ) {}

  lookup(relative: string, hash: string, context: FileContext, project: CurrentProject): Lookup {
    const entry = asEntry(this.store.get(this.keyOf(relative)));
    if (!entry) return { valid: undefined, previous: undefined };
    return { valid: isCurrent(entry, hash, context, project) ? entry : undefined, previous: entry.outcome };
  }

  save(relative: string, hash: string, context: FileContext, consumed: ConsumedFacts, contexts: ReadonlyMap<string, FileContext>, self: string, project: CurrentProject, outcome: StoredOutcome): void {
    const reached = new Set([self, ...consumed.files.keys()]);
    const entry: FileEntry = {
      hash,
      context,
      contexts: [...contexts].filter(([path]) => path !== relative),
      reaches: [...reached].map((file) => [file, project.digests.digestOf(file)]),
      resolutions: [...consumed.resolutions].map(([key, resolved]) => {
        const [from, specifier] = key.split('\0') as [string, string];
        return [from, specifier, resolved];
      }),
      skipped: [...consumed.skipped.values()],
      outcome,
    };
    this.store.set(this.keyOf(relative), entry);
  }

  private keyOf(relative: string): string {
    return `${this.fingerprint}\0${this.root}\0${relative}`;
  }
}

function isCurrent(entry: FileEntry, hash: string, context: FileContext, project: CurrentProject): boolean {
  if (entry.hash !== hash || !sameJson(entry.context, context)) return false;
  for (const [path, used] of entry.contexts) if (!sameJson(project.contextOf(path), used)) return false;
  for (const [from, specifier, resolved] of entry.resolutions) if ((project.resolve(from, specifier) ?? null) !== resolved) return false;
  for (const [file, digest] of entry.reaches) if (project.digests.digestOf(file) !== digest) return false;
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An entry from disk has the shape this version writes (the fingerprint holds the version; this guards the rest). */
function asEntry(value: unknown): FileEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as Partial<FileEntry>;
  const ok = typeof entry.hash === 'string' && typeof entry.context === 'object' && Array.isArray(entry.contexts) && Array.isArray(entry.reaches)
    && Array.isArray(entry.resolutions) && Array.isArray(entry.skipped) && typeof entry.outcome === 'object' && entry.outcome !== null;
  return ok ? (entry as FileEntry) : undefined;
}
