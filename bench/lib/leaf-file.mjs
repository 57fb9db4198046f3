// Finds a "leaf" of a corpus: a source file that no other file imports, so that editing it
// should cost one file's analysis on a warm scan. Imports are read lexically and relative
// specifiers resolved as TypeScript does (`./x.js` may name `./x.ts`, folders their index).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIP = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'lib', 'coverage']);
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

function sourceFiles(folder, found = []) {
  for (const name of readdirSync(folder)) {
    if (SKIP.has(name)) continue;
    const path = join(folder, name);
    const stats = statSync(path);
    if (stats.isDirectory()) sourceFiles(path, found);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

function resolveRelative(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, base.replace(/\.(m|c)?jsx?$/, '.ts'), base.replace(/\.jsx$/, '.tsx'), ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => join(base, `index${ext}`))];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

/** The leaf with the most lines among non-test files (a realistic edit target), relative to the corpus. */
export function leafFile(corpus) {
  const files = sourceFiles(corpus);
  const imported = new Set();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:\bfrom|\bimport|\brequire\s*\()\s*\(?\s*['"`](\.[^'"`\n]*)['"`]/g)) {
      const target = resolveRelative(file, match[1]);
      if (target) imported.add(target);
    }
  }
  const leaves = files.filter((file) => !imported.has(file) && !/(^|\/)(tests?|spec|__tests__)\//.test(relative(corpus, file)) && !/\.(test|spec)\./.test(file));
  const lines = (file) => readFileSync(file, 'utf8').split('\n').length;
  leaves.sort((a, b) => lines(b) - lines(a) || a.localeCompare(b));
  return leaves.length > 0 ? relative(corpus, leaves[0]) : undefined;
}
