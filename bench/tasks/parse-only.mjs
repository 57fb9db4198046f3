// Floor 2: find and read the same files, and build each one's ESTree with typescript-estree's
// `parse` with the options src/lang/parse.ts uses (range, no loc; JSX by extension), then drop it. The parser
// is the scanner's own copy (resolved from the repository root), so versions cannot drift.
// Usage: node bench/tasks/parse-only.mjs CORPUS_DIR   (prints one JSON line)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isJsx, listSourceFiles } from '../lib/files.mjs';

const root = process.argv[2];
if (!root) throw new Error('usage: parse-only.mjs CORPUS_DIR');
const repoRequire = createRequire(fileURLToPath(new URL('../../package.json', import.meta.url)));
const { parse } = await import(pathToFileURL(repoRequire.resolve('@typescript-eslint/typescript-estree')).href);

let parsed = 0;
let failed = 0;
let nodes = 0;
const files = listSourceFiles(root);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  try {
    const program = parse(text, { range: true, jsx: isJsx(file), filePath: file });
    nodes += program.body.length;
    parsed++;
  } catch {
    failed++;
  }
}
process.stdout.write(`${JSON.stringify({ files: files.length, parsed, failed, topLevelStatements: nodes })}\n`);
