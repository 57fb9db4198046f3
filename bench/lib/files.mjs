// The files the scanner would scan in a corpus, chosen by the scanner's own rules (its built
// copy in dist/: `npm run bench` builds first): source names it analyses and the dependency and
// build folders it always skips. The corpora hold no ignore files, so those rules are not needed
// here. bench/run.mjs checks the count against the scanner's own `stats.files`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { usesJsx } from '../../dist/lang/parse.js';
import { DEFAULT_EXCLUDED_FOLDERS, isCandidate } from '../../dist/scan/discover.js';

/** Absolute paths, sorted, of the source files under `root`. */
export function listSourceFiles(root) {
  const files = [];
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop();
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!DEFAULT_EXCLUDED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (entry.isFile() && isCandidate(entry.name)) {
        files.push(path);
      }
    }
  }
  return files.sort();
}

/** Whether typescript-estree parses the file as JSX, as the scanner decides. */
export const isJsx = usesJsx;
