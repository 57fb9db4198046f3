import { dirname, join, resolve } from 'node:path';
import { SOURCE_EXTENSIONS } from '../lang/source-files.js';
import type { ModuleResolver } from './module-resolver.js';

/** `./x.js` in TypeScript names `./x.ts` (see module-resolver.ts). */
const OUTPUT_TO_SOURCE: ReadonlyArray<[string, readonly string[]]> = [
  ['.js', ['.ts', '.tsx']],
  ['.jsx', ['.tsx']],
  ['.mjs', ['.mts']],
  ['.cjs', ['.cts']],
];

/**
 * Which scanned files each scanned file imports: the edges along which the file-context
 * classifier propagates "server code uses this". Relative specifiers are first looked up among
 * the scanned files in memory (most imports, no file-system calls); the rest go through the
 * project's module resolver (tsconfig paths, workspaces, folders with a package.json).
 */
export class ModuleGraph {
  private readonly scanned: ReadonlySet<string>;

  constructor(files: readonly string[], private readonly resolver: ModuleResolver) {
    this.scanned = new Set(files);
  }

  /** The scanned file a specifier of `fromFile` names, or undefined (a package, or a file not scanned). */
  resolve(fromFile: string, specifier: string): string | undefined {
    if (specifier.startsWith('.')) {
      const found = this.amongScanned(resolve(dirname(fromFile), specifier));
      if (found) return found;
    }
    const resolved = this.resolver.resolve(fromFile, specifier);
    return resolved && this.scanned.has(resolved) ? resolved : undefined;
  }

  private amongScanned(path: string): string | undefined {
    if (this.scanned.has(path)) return path;
    for (const [output, sources] of OUTPUT_TO_SOURCE) {
      if (!path.endsWith(output)) continue;
      for (const source of sources) {
        const candidate = path.slice(0, -output.length) + source;
        if (this.scanned.has(candidate)) return candidate;
      }
    }
    for (const extension of SOURCE_EXTENSIONS) if (this.scanned.has(path + extension)) return path + extension;
    for (const extension of SOURCE_EXTENSIONS) if (this.scanned.has(join(path, `index${extension}`))) return join(path, `index${extension}`);
    return undefined;
  }
}
