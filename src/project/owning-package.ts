import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package a file belongs to: the nearest package.json above it, what it depends on, which marker files sit beside it. */
export interface OwningPackage {
  /** The package.json, absolute. */
  manifest: string;
  /** dependencies, peerDependencies and optionalDependencies (not devDependencies: tools and tests). */
  dependencies: string[];
  /** Of the file names asked about (wrangler.toml, serverless.yml…), those in the package's folder. */
  markerFiles: string[];
}

/**
 * Finds each file's package, once per folder. The search stops at a repository root (a folder
 * with `.git`), so a project scanned inside another checkout does not take that checkout's
 * package.json for its own.
 */
export class PackageLocator {
  private readonly byFolder = new Map<string, OwningPackage | null>();

  constructor(private readonly markerNames: readonly string[]) {}

  packageOf(file: string): OwningPackage | undefined {
    return this.forFolder(dirname(file)) ?? undefined;
  }

  private forFolder(folder: string): OwningPackage | null {
    const cached = this.byFolder.get(folder);
    if (cached !== undefined) return cached;
    const manifest = join(folder, 'package.json');
    let found: OwningPackage | null;
    if (existsSync(manifest)) found = this.read(folder, manifest);
    else if (existsSync(join(folder, '.git')) || dirname(folder) === folder) found = null;
    else found = this.forFolder(dirname(folder));
    this.byFolder.set(folder, found);
    return found;
  }

  private read(folder: string, manifest: string): OwningPackage | null {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    } catch {
      return null;
    }
    const dependencies = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) => {
      const value = data[field];
      return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
    });
    const markerFiles = this.markerNames.filter((name) => existsSync(join(folder, name)));
    return { manifest, dependencies, markerFiles };
  }
}
