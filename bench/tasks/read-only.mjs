// Floor 1: find the files the scanner would scan and read every one of them (as UTF-8 text).
// Usage: node bench/tasks/read-only.mjs CORPUS_DIR   (prints one JSON line)
import { readFileSync } from 'node:fs';
import { listSourceFiles } from '../lib/files.mjs';

const root = process.argv[2];
if (!root) throw new Error('usage: read-only.mjs CORPUS_DIR');
let bytes = 0;
const files = listSourceFiles(root);
for (const file of files) bytes += readFileSync(file, 'utf8').length;
process.stdout.write(`${JSON.stringify({ files: files.length, chars: bytes })}\n`);
