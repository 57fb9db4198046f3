import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { hasSourceExtension } from '../lang/source-files.js';
import { git, gitTopLevel } from './git.js';
import type { ScanPlaces } from './diff-base.js';

export class StagedError extends Error {
  override readonly name = 'StagedError';
}

/**
 * `scan --staged`: what is about to be committed. The index (every staged file, not only the
 * changed ones) is written to a temporary folder so cross-file facts come from the staged
 * project too; only the changed source files are scanned.
 */
export async function scanStaged<T>(places: ScanPlaces, runScan: (places: ScanPlaces) => Promise<T>, empty: () => T): Promise<T> {
  const top = gitTopLevel(places.root) ?? gitTopLevel(places.cwd);
  if (!top) throw new StagedError(`--staged needs a git repository, and ${places.root} is not inside one`);
  const changed = git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], top);
  if (!changed.ok) throw new StagedError(`--staged could not list the staged files: ${changed.stderr.trim()}`);
  const realTop = realpathSync(top);
  const within = places.paths.map((path) => relative(realTop, realpathSync(path)).split('\\').join('/'));
  const files = changed.stdout
    .split('\0')
    .filter((file) => file && hasSourceExtension(file) && !/\.d\.[cm]?ts$/.test(file))
    .filter((file) => within.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`)));
  if (files.length === 0) return empty();
  const folder = mkdtempSync(join(tmpdir(), 'nobackdoor-staged-'));
  try {
    const written = git(['checkout-index', '--all', '--force', `--prefix=${folder}/`], top);
    if (!written.ok) throw new StagedError(`--staged could not write the staged files: ${written.stderr.trim()}`);
    const inIndex = (path: string) => join(folder, relative(realTop, realpathSync(path)));
    return await runScan({ cwd: inIndex(places.cwd), root: inIndex(places.root), paths: files.map((file) => join(folder, file)) });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
