// The files the scanner would scan in a corpus, found the way src/scan/discover.ts finds them:
// TypeScript/JavaScript sources, not declaration files, not `*.min.js`, and nothing under the
// dependency or build folders it always skips. The corpora hold no ignore files, so those rules
// are not needed here. bench/run.mjs checks the count against the scanner's own `stats.files`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;
const MINIFIED_NAME = /[.-]min\.[cm]?js$/i;
export const EXCLUDED_FOLDERS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.output',
  '.svelte-kit', '.turbo', '.vercel', '.cache', '.parcel-cache', 'bower_components', 'jspm_packages', '.yarn', '.pnpm-store',
]);

/** Absolute paths, sorted, of the source files under `root`. */
export function listSourceFiles(root) {
  const files = [];
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop();
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!EXCLUDED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !DECLARATION_FILE.test(entry.name) && !MINIFIED_NAME.test(entry.name)) {
        files.push(path);
      }
    }
  }
  return files.sort();
}

/** Whether typescript-estree should parse the file as JSX, as src/lang/parse.ts decides. */
export function isJsx(path) {
  return /\.(tsx|jsx|js|mjs|cjs)$/i.test(path);
}
