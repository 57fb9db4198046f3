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
}

export interface Discovery {
  files: DiscoveredFile[];
  problems: ToolError[];
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
    walk(absolute, inheritedIgnores(absolute), { addFile, problems, display, selected });
  }
  return { files: [...files.values()].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0)), problems };
}

interface WalkContext {
  addFile(absolute: string, size: number): void;
  problems: ToolError[];
  display(absolute: string): string;
  selected(absolute: string): boolean;
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
        if (DEFAULT_EXCLUDED_FOLDERS.has(entry.name) || isIgnored(layers, absolute, true)) continue;
        subfolders.push(absolute);
      } else if (entry.isSymbolicLink()) {
        reportLink(absolute, entry.name, layers, context);
      } else if (entry.isFile() && isCandidate(entry.name) && !isIgnored(layers, absolute, false) && context.selected(absolute)) {
        let size = 0;
        try {
          size = statSync(absolute).size;
        } catch {
          // Reported as unreadable when the file is read.
        }
        context.addFile(absolute, size);
      } else if (!entry.isFile() && isCandidate(entry.name) && !isIgnored(layers, absolute, false) && context.selected(absolute)) {
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

/** A file name the scanner analyses: TypeScript or JavaScript source, not a declaration file, not `*.min.js`. */
export function isCandidate(name: string): boolean {
  return hasSourceExtension(name) && !DECLARATION_FILE.test(name) && !MINIFIED_NAME.test(name);
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
