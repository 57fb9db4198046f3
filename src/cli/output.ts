import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './io.js';

/**
 * Writes the whole text to a temporary file beside the target and renames it into place, so a
 * reader never sees half a report. A missing folder is created, as a user asking for
 * `--output reports/x.json` expects.
 */
export function writeFileAtomic(path: string, text: string): void {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself is unusable; there is no temporary file to clean up.
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot write the output file ${path}: ${reason}. Choose a writable path with --output.`);
  }
}

/** A generated file's current text, to compare with what would be generated now. */
export function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
