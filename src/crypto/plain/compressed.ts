import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { readableKind } from './readable.js';

const MAX_INPUT = 1024 * 1024;
const MAX_OUTPUT = 10 * 1024 * 1024;
const MIN_OUTPUT = 16;

export interface Compression {
  kind: string;
  evidence: string;
}

/**
 * Compressed data is recognised by structure, never by entropy (pitfall 2): a magic number that a
 * bounded trial decompression confirms, or, for raw deflate and brotli that have no magic, a trial
 * whose output reads as text.
 */
export function detectCompression(bytes: Uint8Array): Compression | undefined {
  const input = bytes.subarray(0, MAX_INPUT);
  const [b0, b1, b2] = bytes;
  if (b0 === 0x1f && b1 === 0x8b && b2 === 0x08 && inflates(() => gunzipSync(input, trialOptions))) return { kind: 'gzip', evidence: 'magic 1f8b08, decompresses' };
  if (b0 === 0x78 && b1 !== undefined && (b0 * 256 + b1) % 31 === 0 && inflates(() => inflateSync(input, trialOptions))) {
    return { kind: 'zlib', evidence: 'zlib header, decompresses' };
  }
  if (startsWith(bytes, [0x28, 0xb5, 0x2f, 0xfd])) return { kind: 'zstd', evidence: 'magic 28b52ffd' };
  if (startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return { kind: 'xz', evidence: 'magic fd377a585a00' };
  if (startsWith(bytes, [0x42, 0x5a, 0x68]) && bytes[3]! >= 0x31 && bytes[3]! <= 0x39 && startsWith(bytes.subarray(4), [0x31, 0x41, 0x59, 0x26, 0x53, 0x59])) {
    return { kind: 'bzip2', evidence: 'magic BZh + block header' };
  }
  const deflated = tryReadable(() => inflateRawSync(input, trialOptions));
  if (deflated) return { kind: 'raw deflate', evidence: `decompresses to ${deflated}` };
  const brotli = tryReadable(() => brotliDecompressSync(input, { maxOutputLength: MAX_OUTPUT }));
  if (brotli) return { kind: 'brotli', evidence: `decompresses to ${brotli}` };
  return undefined;
}

/** Truncated streams still count: a sample may be cut off, so flush what decoded so far. */
const trialOptions = { maxOutputLength: MAX_OUTPUT, finishFlush: constants.Z_SYNC_FLUSH };

function inflates(run: () => Buffer): boolean {
  try {
    return run().length > 0;
  } catch {
    return false;
  }
}

function tryReadable(run: () => Buffer): string | undefined {
  try {
    const output = run();
    return output.length >= MIN_OUTPUT ? readableKind(output) : undefined;
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
