import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ErrorKind } from '../report/finding.js';
import { decodeSource, looksMinified } from './source-text.js';

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export interface SourceLimits {
  /** Larger files are skipped (kind `size`). */
  maxFileSize: number;
  /** Read minified-looking files instead of skipping them (kind `minified`). */
  scanMinified: boolean;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = { maxFileSize: DEFAULT_MAX_FILE_SIZE, scanMinified: false };

export type SourceRead =
  | { ok: true; text: string; hash: string; warning?: string }
  | { ok: false; kind: Extract<ErrorKind, 'size' | 'binary' | 'unreadable' | 'minified'>; message: string };

/**
 * The one place where source files are read: size limit, decoding, minified detection. Files
 * analysed for their own findings and files read for another file's cross-file facts go through
 * here, so both honour --max-file-size and both say why a file was skipped.
 */
export function readSourceFile(absolutePath: string, limits: SourceLimits, knownSize?: number): SourceRead {
  if (knownSize !== undefined && knownSize > limits.maxFileSize) return tooLarge(knownSize, limits.maxFileSize);
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { ok: false, kind: 'unreadable', message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  if (bytes.length > limits.maxFileSize) return tooLarge(bytes.length, limits.maxFileSize);
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { ok: false, kind: 'binary', message: `${decoded.reason}; not analysed` };
  if (!limits.scanMinified) {
    const minified = looksMinified(decoded.text);
    if (minified.minified) {
      return {
        ok: false,
        kind: 'minified',
        message: `looks minified or generated (a line of ${minified.longestLine} characters); scan its source instead, or pass --scan-minified`,
      };
    }
  }
  const hash = createHash('sha1').update(bytes).digest('hex');
  return { ok: true, text: decoded.text, hash, ...(decoded.warning ? { warning: decoded.warning } : {}) };
}

/**
 * What one MiB of a large file costs to scan with the shipped rules, measured: a generated 1 MiB
 * module of crypto helpers (bench/lib/large-module.mjs) took 66 s of CPU time on the 2-core
 * benchmark machine, and the cost grows about in proportion to the size.
 */
const CPU_SECONDS_PER_MIB = 60;

function tooLarge(size: number, limit: number): SourceRead {
  const minutes = Math.max(1, Math.round((size / (1024 * 1024)) * CPU_SECONDS_PER_MIB / 60));
  return {
    ok: false,
    kind: 'size',
    message: `is ${formatBytes(size)}, over the ${formatBytes(limit)} limit; raise it with --max-file-size to scan it (roughly a minute of CPU time per MiB with the shipped rules, so about ${minutes} min for this file)`,
  };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
