import { existsSync, lstatSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { hasSourceExtension } from '../lang/source-files.js';
import type { ToolError } from '../report/finding.js';

const DECLARATION_FILE = /\.d\.[cm]?ts$/i;
const MINIFIED_NAME = /[.-]min\.[cm]?js$/i;

/** Folders that hold dependencies, build output or caches, never code the team wrote. */
export const DEFAULT_EXCLUDED_FOLDERS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.output',
  '.svelte-kit', '.turbo', '.vercel', '.cache', '.parcel-cache', 'bower_components', 'jspm_packages', '.yarn', '.pnpm-store',
]);

/** Version control data is never source, even when the default exclusions are turned off. */
const VERSION_CONTROL_FOLDERS = new Set(['.git', '.hg', '.svn']);

const IGNORE_FILES = ['.gitignore', '.nobackdoorignore'];

export interface DiscoveredFile {
  absolute: string;
  /** Relative to the scan root, with forward slashes. */
  relative: string;
  size: number;
}

export interface DiscoverOptions {
  paths: readonly string[];
  root: string;
  include?: readonly string[];
  exclude?: readonly string[];
  /** Skip dependency and build folders and `*.min.js` names (default true). */
  defaultExcludes?: boolean;
}

export interface Discovery {
  files: DiscoveredFile[];
  problems: ToolError[];
  /** What was left out on purpose, so an empty scan can say why. */
  excluded: Exclusions;
}

export interface Exclusions {
  /** Dependency and build folders not entered (absolute paths); what they hold is counted only on demand. */
  defaultFolders: string[];
  /** `*.min.js` and similar names. */
  minifiedNames: number;
  /** `.d.ts` files: types only, never scanned. */
  declarations: number;
  /** Folders hidden by ignore files (absolute paths), counted on demand like the default ones. */
  ignoredFolders: string[];
  /** Source files hidden by ignore files. */
  ignoredFiles: number;
  /** Source files left out by --include/--exclude. */
  deselectedFiles: number;
}

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

/**
 * Finds the source files under the given paths. Every candidate that cannot be analysed is
 * reported with its reason; nothing is dropped silently except what the user or the defaults
 * exclude on purpose (ignore files, dependency and build folders).
 */
export function discoverFiles(options: DiscoverOptions): Discovery {
  const files = new Map<string, DiscoveredFile>();
  const problems: ToolError[] = [];
  const excluded: Exclusions = { defaultFolders: [], minifiedNames: 0, declarations: 0, ignoredFolders: [], ignoredFiles: 0, deselectedFiles: 0 };
  const include = options.include?.length ? ignore().add([...options.include]) : undefined;
  const exclude = options.exclude?.length ? ignore().add([...options.exclude]) : undefined;
  const display = (absolute: string) => toPosix(relative(options.root, absolute)) || basename(absolute);
  const selected = (absolute: string) => {
    const shown = display(absolute);
    if (shown.startsWith('..')) return !exclude?.ignores(basename(absolute));
    return (!include || include.ignores(shown)) && !exclude?.ignores(shown);
  };

  const addFile = (absolute: string, size: number) => {
    if (!files.has(absolute)) files.set(absolute, { absolute, relative: display(absolute), size });
  };

  for (const input of options.paths) {
    const absolute = resolve(input);
    let stats;
    try {
      stats = lstatSync(absolute);
    } catch {
      problems.push({ file: input, message: `the path "${input}" does not exist; check the spelling or run from the repository root`, kind: 'config' });
      continue;
    }
    if (stats.isSymbolicLink()) {
      const target = followLink(absolute);
      if (!target) {
        problems.push({ file: display(absolute), message: 'is a broken or looping symbolic link; nothing to scan', kind: 'symlink' });
        continue;
      }
      stats = target;
    }
    if (stats.isFile()) {
      // A file named on the command line is scanned even if ignore files or defaults would skip it.
      addFile(absolute, stats.size);
      continue;
    }
    if (!stats.isDirectory()) {
      problems.push({ file: display(absolute), message: 'is not a regular file or folder', kind: 'unreadable' });
      continue;
    }
    walk(absolute, inheritedIgnores(absolute), { addFile, problems, display, selected, defaultExcludes: options.defaultExcludes ?? true, excluded });
  }
  return { files: [...files.values()].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0)), problems, excluded };
}

interface WalkContext {
  addFile(absolute: string, size: number): void;
  problems: ToolError[];
  display(absolute: string): string;
  selected(absolute: string): boolean;
  defaultExcludes: boolean;
  excluded: Exclusions;
}

function walk(start: string, startLayers: IgnoreLayer[], context: WalkContext): void {
  const pending: Array<{ folder: string; layers: IgnoreLayer[] }> = [{ folder: start, layers: startLayers }];
  while (pending.length > 0) {
    const { folder, layers: parentLayers } = pending.pop()!;
    const layers = [...parentLayers, ...ignoreLayersIn(folder)];
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      context.problems.push({ file: context.display(folder), message: `cannot list this folder: ${describe(error)}`, kind: 'unreadable' });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const absolute = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (VERSION_CONTROL_FOLDERS.has(entry.name)) continue;
        if (isIgnored(layers, absolute, true)) {
          context.excluded.ignoredFolders.push(absolute);
          continue;
        }
        if (context.defaultExcludes && DEFAULT_EXCLUDED_FOLDERS.has(entry.name)) {
          context.excluded.defaultFolders.push(absolute);
          continue;
        }
        subfolders.push(absolute);
        continue;
      }
      if (entry.isSymbolicLink()) {
        reportLink(absolute, entry.name, layers, context);
        continue;
      }
      if (!isSourceName(entry.name)) {
        if (hasSourceExtension(entry.name) && DECLARATION_FILE.test(entry.name)) context.excluded.declarations++;
        continue;
      }
      if (context.defaultExcludes && MINIFIED_NAME.test(entry.name)) {
        context.excluded.minifiedNames++;
        continue;
      }
      if (isIgnored(layers, absolute, false)) {
        context.excluded.ignoredFiles++;
        continue;
      }
      if (!context.selected(absolute)) {
        context.excluded.deselectedFiles++;
        continue;
      }
      if (entry.isFile()) {
        let size = 0;
        try {
          size = statSync(absolute).size;
        } catch {
          // Reported as unreadable when the file is read.
        }
        context.addFile(absolute, size);
      } else {
        context.problems.push({ file: context.display(absolute), message: 'is not a regular file (a pipe, socket or device); not read', kind: 'unreadable' });
      }
    }
    for (const subfolder of subfolders.reverse()) pending.push({ folder: subfolder, layers });
  }
}

/** Links are not followed (no loops, no scanning outside the repository); they are listed instead. */
function reportLink(absolute: string, name: string, layers: IgnoreLayer[], context: WalkContext): void {
  const target = followLink(absolute);
  const isFolder = target?.isDirectory() ?? false;
  if (isFolder && DEFAULT_EXCLUDED_FOLDERS.has(name)) return;
  if (!isFolder && !isCandidate(name)) return;
  if (isIgnored(layers, absolute, isFolder) || (!isFolder && !context.selected(absolute))) return;
  const message = target
    ? `is a symbolic link to a ${isFolder ? 'folder' : 'file'}; links are not followed, so scan its target directly if it is not already inside the scanned folders`
    : 'is a broken or looping symbolic link; not followed';
  context.problems.push({ file: context.display(absolute), message, kind: 'symlink' });
}

function followLink(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A file name the scanner analyses by default: TypeScript or JavaScript source, not a declaration file, not `*.min.js`. */
export function isCandidate(name: string): boolean {
  return isSourceName(name) && !MINIFIED_NAME.test(name);
}

function isSourceName(name: string): boolean {
  return hasSourceExtension(name) && !DECLARATION_FILE.test(name);
}

/**
 * Source files under each of these folders, by folder name (`dist` → 12). Only for explaining
 * an empty scan; it stops at `cap` files so that a large node_modules cannot make that slow.
 */
export function countSourcesIn(folders: readonly string[], cap = 10_000): { counts: Map<string, number>; unfinished: Set<string> } {
  const counts = new Map<string, number>();
  const unfinished = new Set<string>();
  let total = 0;
  for (const folder of folders) {
    const name = basename(folder);
    const pending = [folder];
    while (pending.length > 0) {
      if (total >= cap) {
        unfinished.add(name);
        break;
      }
      const current = pending.pop()!;
      let entries: Dirent[];
      try {
        entries = readdirSync(current, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (entry.isDirectory() && !VERSION_CONTROL_FOLDERS.has(entry.name)) pending.push(join(current, entry.name));
        else if (entry.isFile() && isSourceName(entry.name)) {
          counts.set(name, (counts.get(name) ?? 0) + 1);
          total++;
        }
      }
    }
  }
  return { counts, unfinished };
}

function ignoreLayersIn(folder: string): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  for (const name of IGNORE_FILES) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    try {
      layers.push({ base: folder, rules: ignore().add(readFileSync(path, 'utf8')) });
    } catch {
      // An unreadable ignore file ignores nothing; the files it would hide are still scanned.
    }
  }
  return layers;
}

/** The ignore files of the folders above the scan start, up to the repository root. */
function inheritedIgnores(start: string): IgnoreLayer[] {
  if (existsSync(join(start, '.git'))) return [];
  const ancestors: string[] = [];
  for (let current = dirname(start); ; current = dirname(current)) {
    ancestors.push(current);
    if (existsSync(join(current, '.git'))) return ancestors.reverse().flatMap(ignoreLayersIn);
    if (dirname(current) === current) return [];
  }
}

function isIgnored(layers: readonly IgnoreLayer[], absolute: string, isFolder: boolean): boolean {
  for (const layer of layers) {
    const path = toPosix(relative(layer.base, absolute));
    if (!path || path.startsWith('..')) continue;
    if (layer.rules.ignores(isFolder ? `${path}/` : path)) return true;
  }
  return false;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}
