import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ToolError } from '../../report/finding.js';
import { asText } from '../decode/text.js';
import type { Sample, SampleSource } from '../types.js';

export interface SampleInput {
  /** Files, folders (read recursively, dot-entries skipped) or "-" for standard input. */
  paths: readonly string[];
  cwd: string;
  /** One sample per non-empty line instead of one per file. */
  lines: boolean;
  stdin?: () => Promise<Uint8Array>;
  /** Files never treated as samples (the authorized list and keys file when they sit among the samples). */
  exclude?: ReadonlySet<string>;
}

export interface ReadSamples {
  samples: Sample[];
  errors: ToolError[];
  files: number;
}

const MAX_SAMPLE_FILE_BYTES = 64 * 1024 * 1024;
const STDIN_NAME = '<stdin>';

export async function readSamples(input: SampleInput): Promise<ReadSamples> {
  const result: ReadSamples = { samples: [], errors: [], files: 0 };
  for (const path of input.paths) {
    if (path === '-') {
      if (!input.stdin) {
        result.errors.push({ file: STDIN_NAME, message: 'standard input is not available', kind: 'unreadable' });
        continue;
      }
      addFile(result, STDIN_NAME, await input.stdin(), input.lines);
      continue;
    }
    const absolute = resolve(input.cwd, path);
    for (const file of listFiles(absolute, result.errors, input.cwd)) {
      if (input.exclude?.has(file)) continue;
      const name = displayPath(input.cwd, file);
      try {
        const size = statSync(file).size;
        if (size > MAX_SAMPLE_FILE_BYTES) {
          result.errors.push({ file: name, message: `larger than ${MAX_SAMPLE_FILE_BYTES / 1024 / 1024} MiB, not inspected`, kind: 'size' });
          continue;
        }
        addFile(result, name, new Uint8Array(readFileSync(file)), input.lines);
      } catch (error) {
        result.errors.push({ file: name, message: `cannot read: ${(error as Error).message}`, kind: 'unreadable' });
      }
    }
  }
  return result;
}

function listFiles(absolute: string, errors: ToolError[], cwd: string): string[] {
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    errors.push({ file: displayPath(cwd, absolute), message: 'no such file or folder', kind: 'unreadable' });
    return [];
  }
  if (!stats.isDirectory()) return [absolute];
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder).sort()) {
      if (entry.startsWith('.')) continue;
      const path = join(folder, entry);
      const link = lstatSync(path);
      if (link.isSymbolicLink()) {
        errors.push({ file: displayPath(cwd, path), message: 'symbolic link inside a sample folder, not followed', kind: 'symlink' });
      } else if (link.isDirectory()) walk(path);
      else if (link.isFile()) files.push(path);
    }
  };
  walk(absolute);
  return files;
}

function addFile(result: ReadSamples, name: string, bytes: Uint8Array, lines: boolean): void {
  result.files++;
  if (!lines) {
    result.samples.push({ source: wholeFileSource(name, bytes), bytes });
    return;
  }
  let start = 0;
  let lineNumber = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const lineEnd = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
    const line = bytes.subarray(start, lineEnd);
    if (line.some((byte) => byte !== 0x20 && byte !== 0x09)) {
      const length = Buffer.from(line).toString('utf8').length;
      result.samples.push({ source: { file: name, line: lineNumber, name: `${name}:${lineNumber}`, endLine: lineNumber, endColumn: length + 1 }, bytes: line });
    }
    start = end + 1;
    lineNumber++;
  }
}

/** A text file's finding spans the whole file; a binary file has no lines, so it is 1:1. */
function wholeFileSource(name: string, bytes: Uint8Array): SampleSource {
  if (asText(bytes) === undefined) return { file: name, line: 1, name, endLine: 1, endColumn: 1 };
  let endLine = 1;
  let lastLineStart = 0;
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] === 0x0a && index < bytes.length - 1) {
      endLine++;
      lastLineStart = index + 1;
    }
  }
  const lastLine = Buffer.from(bytes.subarray(lastLineStart)).toString('utf8').replace(/\r?\n$/, '');
  return { file: name, line: 1, name, endLine, endColumn: lastLine.length + 1 };
}

/** Relative to the working directory, with forward slashes, as the output contract requires. */
export function displayPath(cwd: string, absolute: string): string {
  const path = relative(cwd, absolute) || '.';
  return sep === '/' ? path : path.split(sep).join('/');
}
