import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** A package of a monorepo: its folder and its package.json's entry points. */
export interface WorkspacePackage {
  name: string;
  folder: string;
  manifest: PackageManifest;
}

export interface PackageManifest {
  name?: string;
  main?: string;
  module?: string;
  types?: string;
  source?: string;
  exports?: unknown;
  workspaces?: string[] | { packages?: string[] };
}

export function readManifest(folder: string): PackageManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as PackageManifest;
  } catch {
    return undefined;
  }
}

/**
 * The packages of the monorepo that `folder` belongs to, from package.json `workspaces` (npm,
 * yarn) or pnpm-workspace.yaml, found at the nearest folder above that declares them.
 */
export function workspacePackages(folder: string): Map<string, WorkspacePackage> {
  for (let current = resolve(folder); ; current = dirname(current)) {
    const declared = declaredWorkspaces(current);
    if (declared) return packagesOf(declared);
    if (dirname(current) === current) return new Map();
  }
}

/** The workspace globs that this folder itself declares (package.json or pnpm-workspace.yaml); null for a broken pnpm file, which ends the search. */
export function declaredWorkspaces(folder: string): { folder: string; patterns: string[] } | null | undefined {
  const manifest = readManifest(folder);
  const declared = Array.isArray(manifest?.workspaces) ? manifest.workspaces : manifest?.workspaces?.packages;
  if (declared?.length) return { folder, patterns: declared };
  const pnpm = join(folder, 'pnpm-workspace.yaml');
  if (!existsSync(pnpm)) return undefined;
  try {
    const parsed = parseYaml(readFileSync(pnpm, 'utf8')) as { packages?: unknown };
    return Array.isArray(parsed?.packages) ? { folder, patterns: parsed.packages.filter((item): item is string => typeof item === 'string') } : undefined;
  } catch {
    return null;
  }
}

/** The packages that a workspace root's globs name, by package name. */
export function packagesOf(root: { folder: string; patterns: string[] } | null): Map<string, WorkspacePackage> {
  const packages = new Map<string, WorkspacePackage>();
  if (!root) return packages;
  for (const pattern of root.patterns) {
    for (const candidate of expandPattern(root.folder, pattern)) {
      const manifest = readManifest(candidate);
      if (manifest?.name) packages.set(manifest.name, { name: manifest.name, folder: candidate, manifest });
    }
  }
  return packages;
}

/** Workspace globs as package managers use them: `packages/*`, `apps/**`, or a folder. */
function expandPattern(root: string, pattern: string): string[] {
  if (pattern.startsWith('!')) return [];
  const parts = pattern.replace(/\/+$/, '').split('/');
  let folders = [root];
  for (const part of parts) {
    if (part === '**') {
      folders = folders.flatMap((folder) => [folder, ...subfolders(folder, 3)]);
    } else if (part.includes('*')) {
      const matcher = new RegExp(`^${part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      folders = folders.flatMap((folder) => listFolders(folder).filter((name) => matcher.test(name)).map((name) => join(folder, name)));
    } else {
      folders = folders.map((folder) => join(folder, part));
    }
  }
  return folders.filter((folder) => existsSync(join(folder, 'package.json')));
}

function listFolders(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

function subfolders(folder: string, depth: number): string[] {
  if (depth === 0) return [];
  return listFolders(folder).flatMap((name) => [join(folder, name), ...subfolders(join(folder, name), depth - 1)]);
}
