import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { hasSourceExtension, SOURCE_EXTENSIONS } from '../lang/source-files.js';
import { readPathMapping, type PathMapping } from './tsconfig.js';
import { declaredWorkspaces, packagesOf, readManifest, type WorkspacePackage } from './workspaces.js';

/** `./x.js` in TypeScript source names `./x.ts`: the compiler's own rule for ESM output. */
const SOURCE_FOR_OUTPUT: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};
const ENTRY_CONDITIONS = ['source', 'import', 'require', 'node', 'default', 'types'];

/**
 * Resolves import specifiers to files of the scanned project: relative paths (with or without
 * extension, `.js` for `.ts`, folders with an index), tsconfig `baseUrl`/`paths` (with `extends`),
 * and packages of the same monorepo through their package.json `exports`/`main`. Installed
 * packages are not project code: they resolve to nothing, which is never an error.
 */
export class ModuleResolver {
  private readonly tsconfigByFolder = new Map<string, string | null>();
  private readonly mappings = new Map<string, PathMapping>();
  private readonly workspacesByFolder = new Map<string, Map<string, WorkspacePackage>>();
  private readonly cache = new Map<string, string | null>();

  resolve(fromFile: string, specifier: string): string | undefined {
    const key = `${dirname(fromFile)}\0${specifier}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const result = this.compute(fromFile, specifier.replace(/^node:/, ''));
    this.cache.set(key, result ?? null);
    return result;
  }

  private compute(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith('.') || specifier.startsWith('/')) return this.asFileOrFolder(resolve(dirname(fromFile), specifier));
    const mapping = this.mappingFor(fromFile);
    if (mapping) {
      for (const { pattern, targets } of mapping.paths) {
        const captured = matchPathPattern(pattern, specifier);
        if (captured === undefined) continue;
        for (const target of targets) {
          const found = this.asFileOrFolder(target.replace('*', captured));
          if (found) return found;
        }
      }
      if (mapping.baseUrl) {
        const found = this.asFileOrFolder(join(mapping.baseUrl, specifier));
        if (found) return found;
      }
    }
    return this.fromWorkspace(fromFile, specifier);
  }

  private fromWorkspace(fromFile: string, specifier: string): string | undefined {
    const packages = this.workspacesFor(dirname(fromFile));
    for (const [name, workspace] of packages) {
      if (specifier !== name && !specifier.startsWith(`${name}/`)) continue;
      const subpath = specifier === name ? '.' : `.${specifier.slice(name.length)}`;
      return this.packageEntry(workspace.folder, subpath);
    }
    return undefined;
  }

  private packageEntry(folder: string, subpath: string): string | undefined {
    const manifest = readManifest(folder);
    const candidates: string[] = [];
    const exported = manifest ? exportsTarget(manifest.exports, subpath) : undefined;
    if (exported) candidates.push(exported);
    if (subpath === '.') candidates.push(...[manifest?.source, manifest?.module, manifest?.main, manifest?.types].filter((entry): entry is string => typeof entry === 'string'), 'src/index', 'index');
    else candidates.push(subpath, join('src', subpath));
    for (const candidate of candidates) {
      const found = this.asFileOrFolder(resolve(folder, candidate)) ?? this.asFileOrFolder(resolve(folder, buildToSource(candidate)));
      if (found) return found;
    }
    return undefined;
  }

  /** A path as the compiler tries it: the file, with each extension, `.js` → `.ts`, then folder/index. */
  private asFileOrFolder(path: string): string | undefined {
    if (path.split(sep).includes('node_modules')) return undefined;
    if (isFile(path) && hasSourceExtension(path) && !/\.d\.[cm]?ts$/.test(path)) return path;
    for (const [output, sources] of Object.entries(SOURCE_FOR_OUTPUT)) {
      if (!path.endsWith(output)) continue;
      for (const source of sources) {
        const candidate = path.slice(0, -output.length) + source;
        if (isFile(candidate)) return candidate;
      }
    }
    for (const extension of SOURCE_EXTENSIONS) if (isFile(path + extension)) return path + extension;
    if (isFolder(path)) {
      const manifest = readManifest(path);
      const entry = manifest?.source ?? manifest?.module ?? manifest?.main;
      if (typeof entry === 'string') {
        const found = this.asFileOrFolder(resolve(path, entry));
        if (found) return found;
      }
      for (const extension of SOURCE_EXTENSIONS) if (isFile(join(path, `index${extension}`))) return join(path, `index${extension}`);
    }
    return undefined;
  }

  private mappingFor(fromFile: string): PathMapping | undefined {
    const config = this.tsconfigFor(dirname(fromFile));
    if (!config) return undefined;
    let mapping = this.mappings.get(config);
    if (!mapping) {
      mapping = readPathMapping(config);
      this.mappings.set(config, mapping);
    }
    return mapping;
  }

  private tsconfigFor(folder: string): string | undefined {
    const cached = this.tsconfigByFolder.get(folder);
    if (cached !== undefined) return cached ?? undefined;
    const candidate = join(folder, 'tsconfig.json');
    const parent = dirname(folder);
    const found = existsSync(candidate) ? candidate : parent === folder ? undefined : this.tsconfigFor(parent);
    this.tsconfigByFolder.set(folder, found ?? null);
    return found;
  }

  /** Cached per folder, and found through the parent folder's answer, so each folder's package.json is read once. */
  private workspacesFor(folder: string): Map<string, WorkspacePackage> {
    let packages = this.workspacesByFolder.get(folder);
    if (!packages) {
      const declared = declaredWorkspaces(folder);
      const parent = dirname(folder);
      packages = declared !== undefined ? packagesOf(declared) : parent === folder ? new Map() : this.workspacesFor(parent);
      this.workspacesByFolder.set(folder, packages);
    }
    return packages;
  }
}

/** `@app/*` against `@app/crypto/aes` → `crypto/aes`; an exact pattern captures ''. */
function matchPathPattern(pattern: string, specifier: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === specifier ? '' : undefined;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < prefix.length + suffix.length) return undefined;
  return specifier.slice(prefix.length, specifier.length - suffix.length);
}

/** package.json `exports` for a subpath: strings, condition objects, subpath maps, `./*` patterns. */
function exportsTarget(exports: unknown, subpath: string): string | undefined {
  if (exports === undefined || exports === null) return undefined;
  if (typeof exports === 'string') return subpath === '.' ? exports : undefined;
  if (Array.isArray(exports)) {
    for (const item of exports) {
      const found = exportsTarget(item, subpath);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof exports !== 'object') return undefined;
  const entries = exports as Record<string, unknown>;
  const keys = Object.keys(entries);
  if (keys.length > 0 && keys.every((key) => !key.startsWith('.'))) return subpath === '.' ? conditionTarget(entries) : undefined;
  if (subpath in entries) return conditionTarget(entries[subpath]);
  for (const key of keys) {
    const captured = key.includes('*') ? matchPathPattern(key, subpath) : undefined;
    if (captured === undefined) continue;
    const target = conditionTarget(entries[key]);
    if (target) return target.replace('*', captured);
  }
  return undefined;
}

function conditionTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(conditionTarget).find((target) => target !== undefined);
  if (!value || typeof value !== 'object') return undefined;
  const conditions = value as Record<string, unknown>;
  for (const condition of ENTRY_CONDITIONS) {
    if (!(condition in conditions)) continue;
    const target = conditionTarget(conditions[condition]);
    if (target) return target;
  }
  return undefined;
}

/** Monorepo packages often point `main` at build output that is not checked in: try the source. */
function buildToSource(path: string): string {
  return path.replace(/(^|\/)(dist|lib|build|out)\//, '$1src/').replace(/\.d\.ts$/, '.ts').replace(/\.(c|m)?js$/, '.$1ts');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
