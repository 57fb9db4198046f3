import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { readableKind } from './readable.js';

const MAX_INPUT = 1024 * 1024;
const MAX_OUTPUT = 10 * 1024 * 1024;
const MIN_OUTPUT = 16;
const HEAD_BYTES = 1024;
const MIN_DISTINCT = 8;
const MAX_SHARE = 0.4;

export interface Compression {
  kind: string;
  evidence: string;
}

/**
 * Compressed data is recognised by structure, never by entropy (pitfall 2): a magic number that a
 * bounded trial decompression confirms, or, for raw deflate and brotli that have no magic, a
 * complete stream whose output reads as varied text. Random bytes fed to an inflater often decode
 * for a while, so truncated streams are not accepted: a cut-off sample stays unrecognised.
 */
export function detectCompression(bytes: Uint8Array): Compression | undefined {
  const input = bytes.subarray(0, MAX_INPUT);
  const [b0, b1, b2] = bytes;
  if (b0 === 0x1f && b1 === 0x8b && b2 === 0x08 && confirmed(input, gunzipSync)) return { kind: 'gzip', evidence: 'magic 1f8b08, decompresses' };
  if (b0 === 0x78 && b1 !== undefined && (b0 * 256 + b1) % 31 === 0 && confirmed(input, inflateSync)) return { kind: 'zlib', evidence: 'zlib header, decompresses' };
  if (startsWith(bytes, [0x28, 0xb5, 0x2f, 0xfd])) return { kind: 'zstd', evidence: 'magic 28b52ffd' };
  if (startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return { kind: 'xz', evidence: 'magic fd377a585a00' };
  if (startsWith(bytes, [0x42, 0x5a, 0x68]) && bytes[3]! >= 0x31 && bytes[3]! <= 0x39 && startsWith(bytes.subarray(4), [0x31, 0x41, 0x59, 0x26, 0x53, 0x59])) {
    return { kind: 'bzip2', evidence: 'magic BZh + block header' };
  }
  const deflated = streamOfText((part, flush) => inflateRawSync(part, { maxOutputLength: MAX_OUTPUT, ...(flush ? { finishFlush: constants.Z_SYNC_FLUSH } : {}) }), input);
  if (deflated) return { kind: 'raw deflate', evidence: `decompresses to ${deflated}` };
  const brotli = streamOfText((part, flush) => brotliDecompressSync(part, { maxOutputLength: MAX_OUTPUT, ...(flush ? { finishFlush: constants.BROTLI_OPERATION_FLUSH } : {}) }), input);
  if (brotli) return { kind: 'brotli', evidence: `decompresses to ${brotli}` };
  return undefined;
}

/**
 * A gzip or zlib magic number is confirmed by a complete stream, whose CRC-32 or Adler-32 random
 * bytes pass with odds of 2^-32 (output beyond the cap, a bomb, counts too).
 */
function confirmed(input: Uint8Array, decompress: (input: Uint8Array, options: object) => Buffer): boolean {
  try {
    return decompress(input, { maxOutputLength: MAX_OUTPUT }).length > 0;
  } catch (error) {
    return isOutputCapped(error);
  }
}

/**
 * A complete stream that decodes to varied text. A stream that inflates past the output cap is no
 * accident of random bytes (a bomb, or a huge export): its first kilobyte, flushed, is judged instead.
 */
function streamOfText(decompress: (input: Uint8Array, flushPartial: boolean) => Buffer, input: Uint8Array): string | undefined {
  try {
    return textKind(decompress(input, false));
  } catch (error) {
    if (!isOutputCapped(error)) return undefined;
    try {
      return textKind(decompress(input.subarray(0, HEAD_BYTES), true));
    } catch {
      return undefined;
    }
  }
}

function textKind(output: Uint8Array): string | undefined {
  return output.length >= MIN_OUTPUT && varied(output) ? readableKind(output) : undefined;
}

/**
 * Random bytes fed to an inflater often decode to one long back-reference run ("yyyy…"), which is
 * printable; real content has variety.
 */
function varied(output: Uint8Array): boolean {
  const counts = new Map<number, number>();
  for (const byte of output) counts.set(byte, (counts.get(byte) ?? 0) + 1);
  return counts.size >= MIN_DISTINCT && Math.max(...counts.values()) <= MAX_SHARE * output.length;
}

function isOutputCapped(error: unknown): boolean {
  return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
