import picomatch from 'picomatch';
import { z } from 'zod';

/**
 * The file-context model (docs/rules.md §12): which imports, file conventions, folders, globals
 * and package dependencies say that code runs on a server, on the user's device (client), or on
 * both (shared). It is data in model files (`contexts:`), so a team adds its own frameworks.
 */

export const EVIDENCE_SIDES = ['server', 'client', 'shared'] as const;
export type EvidenceSide = (typeof EVIDENCE_SIDES)[number];

const kebab = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const names = z.array(z.string().min(1)).min(1);

const CONTEXT_ENTRY = z.strictObject({
  id: z.string().regex(kebab, 'a kebab-case id such as "express"'),
  description: z.string().optional(),
  imports: names.optional().meta({ description: 'Module specifiers the file imports (type imports too): "express" also covers "express/…"; "@nestjs/*" any scoped package; the longest matching name wins.' }),
  globals: names.optional().meta({ description: 'Globals the file uses as objects, not declared in it: "document" (document.…), "Deno.serve".' }),
  directives: names.optional().meta({ description: 'Directive prologue strings: "use server".' }),
  paths: names.optional().meta({ description: 'File conventions: globs on the path relative to the scan root, matched at any depth ("pages/api/**").' }),
  folders: names.optional().meta({ description: 'Folder names anywhere in the path ("server"); weak evidence.' }),
  dependencies: names.optional().meta({ description: "Dependencies of the package the file belongs to (the nearest package.json's dependencies, peerDependencies, optionalDependencies)." }),
  'package-files': names.optional().meta({ description: 'Files beside the nearest package.json (or at the repository root) that mark its code: "wrangler.toml".' }),
  weak: z.boolean().optional().meta({ description: 'Its imports and globals are weak evidence (database drivers run on devices too): what imports the file wins over them.' }),
});

export const CONTEXT_GROUP = z.strictObject({
  side: z.enum(EVIDENCE_SIDES),
  description: z.string().optional(),
  entries: z.array(CONTEXT_ENTRY).min(1),
});

export type ContextEntryDocument = z.infer<typeof CONTEXT_ENTRY>;

/**
 * How strong a piece of evidence is; the strongest tier that has any decides a file's side.
 * `importers` is not an entry's: it is what the files that import this one were classified as.
 */
export const EVIDENCE_TIERS = ['config', 'convention', 'imports', 'importers', 'weak', 'package'] as const;
export type EvidenceTier = (typeof EVIDENCE_TIERS)[number];

export interface ContextEntry {
  id: string;
  side: EvidenceSide;
  imports: readonly string[];
  globals: readonly string[];
  directives: readonly string[];
  paths: readonly string[];
  folders: readonly string[];
  dependencies: readonly string[];
  packageFiles: readonly string[];
  weak: boolean;
  origin: { file: string; line: number; column: number };
}

export function compileContextEntry(side: EvidenceSide, entry: ContextEntryDocument, origin: ContextEntry['origin']): ContextEntry {
  return {
    id: entry.id,
    side,
    imports: entry.imports ?? [],
    globals: entry.globals ?? [],
    directives: entry.directives ?? [],
    paths: entry.paths ?? [],
    folders: entry.folders ?? [],
    dependencies: entry.dependencies ?? [],
    packageFiles: entry['package-files'] ?? [],
    weak: entry.weak ?? false,
    origin,
  };
}

/** One selector of an entry that a file (or its package) satisfied. */
export interface EntryHit {
  entry: ContextEntry;
  tier: Exclude<EvidenceTier, 'config' | 'importers'>;
  /** What matched: the module, global, directive, path glob, folder, dependency or file. */
  selector: 'import' | 'global' | 'directive' | 'path' | 'folder' | 'dependency' | 'package-file';
  value: string;
}

/** The enabled entries, compiled into the lookups the classifier needs. */
export class ContextModel {
  private readonly exactImports = new Map<string, ContextEntry>();
  private readonly scopeImports = new Map<string, ContextEntry>();
  private readonly globImports: Array<{ pattern: string; test: (name: string) => boolean; entry: ContextEntry }> = [];
  private readonly pathMatchers: Array<{ glob: string; test: (path: string) => boolean; entry: ContextEntry }> = [];
  private readonly folderEntries = new Map<string, ContextEntry>();
  private readonly directiveEntries = new Map<string, ContextEntry>();
  private readonly dependencyEntries = new Map<string, ContextEntry>();
  private readonly importAnswers = new Map<string, { entry: ContextEntry; pattern: string } | null>();
  readonly packageFiles = new Map<string, ContextEntry>();
  /** Global names (the first part of `Deno.serve`) with the member paths that count. */
  readonly globals: ReadonlyArray<{ name: string; entry: ContextEntry }>;

  constructor(readonly entries: readonly ContextEntry[]) {
    const globals: Array<{ name: string; entry: ContextEntry }> = [];
    for (const entry of entries) {
      for (const name of entry.imports) {
        if (name.endsWith('/*') && !name.slice(0, -2).includes('*')) this.scopeImports.set(name.slice(0, -2), entry);
        else if (name.includes('*')) this.globImports.push({ pattern: name, test: picomatch(name, { dot: true }), entry });
        else this.exactImports.set(name, entry);
      }
      for (const glob of entry.paths) {
        const floating = glob.startsWith('/') ? glob.slice(1) : glob.startsWith('**/') ? glob : `**/${glob}`;
        this.pathMatchers.push({ glob, test: picomatch(floating, { dot: true }), entry });
      }
      for (const folder of entry.folders) this.folderEntries.set(folder, entry);
      for (const directive of entry.directives) this.directiveEntries.set(directive, entry);
      for (const dependency of entry.dependencies) this.dependencyEntries.set(dependency, entry);
      for (const file of entry.packageFiles) this.packageFiles.set(file, entry);
      for (const name of entry.globals) globals.push({ name, entry });
    }
    this.globals = globals;
  }

  /**
   * The entry for an imported module: the longest name that is the module or a folder of it
   * (`react-dom/server` before `react-dom`), then `scope/*`, then other globs. `node:` is dropped.
   */
  entryForImport(specifier: string): { entry: ContextEntry; pattern: string } | undefined {
    if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
    let answer = this.importAnswers.get(specifier);
    if (answer === undefined) {
      answer = this.lookUpImport(specifier) ?? null;
      this.importAnswers.set(specifier, answer);
    }
    return answer ?? undefined;
  }

  private lookUpImport(specifier: string): { entry: ContextEntry; pattern: string } | undefined {
    const name = specifier.replace(/^node:/, '');
    for (let candidate = name; candidate.length > 0; candidate = candidate.slice(0, Math.max(0, candidate.lastIndexOf('/')))) {
      const exact = this.exactImports.get(candidate);
      if (exact) return { entry: exact, pattern: candidate };
      if (!candidate.includes('/')) break;
    }
    const slash = name.indexOf('/');
    if (slash > 0) {
      const scoped = this.scopeImports.get(name.slice(0, slash));
      if (scoped) return { entry: scoped, pattern: `${name.slice(0, slash)}/*` };
    }
    const glob = this.globImports.find((candidate) => candidate.test(name));
    return glob ? { entry: glob.entry, pattern: glob.pattern } : undefined;
  }

  entriesForPath(relativePath: string): Array<{ entry: ContextEntry; glob: string }> {
    return this.pathMatchers.filter((matcher) => matcher.test(relativePath)).map(({ entry, glob }) => ({ entry, glob }));
  }

  /** The innermost folder of the path (not the file name) that an entry names: `server/shared/x.ts` is in `shared`. */
  entryForFolders(relativePath: string): { entry: ContextEntry; folder: string } | undefined {
    const folders = relativePath.split('/').slice(0, -1);
    for (let index = folders.length - 1; index >= 0; index--) {
      const entry = this.folderEntries.get(folders[index]!);
      if (entry) return { entry, folder: folders[index]! };
    }
    return undefined;
  }

  entryForDirective(directive: string): ContextEntry | undefined {
    return this.directiveEntries.get(directive);
  }

  entryForDependency(name: string): ContextEntry | undefined {
    return this.dependencyEntries.get(name);
  }
}
