import { isPrintableAscii } from '../decode/text.js';

const MAX_BYTES = 2048;
const MAX_KEY_LENGTH = 40;
const MIN_COLUMN = 24;
/** Random bytes have a coincidence index of 1/256; text, base64 and JSON sit at 1/64 or above. */
const COINCIDENCE_THRESHOLD = 3 / 256;
const NEAR_BEST = 0.8;
const PRINTABLE_SHARE = 0.97;
const TEXT_SHARE = 0.85;
const TEXT_LIKE = /[A-Za-z0-9 .,:;'"{}\[\]()_\-/+=\n]/;

/**
 * Repeating-key XOR, the "encryption" that is not: the key length comes from the columns' coincidence
 * index, and each column's key byte is the one that makes the column most text-like. Requiring 24+ bytes per column and a text-like result keeps the chance of
 * calling random bytes XOR below about 1e-6 per column.
 */
export function repeatingKeyXor(bytes: Uint8Array): { keyLength: number; key: Uint8Array } | undefined {
  const data = bytes.subarray(0, MAX_BYTES);
  const longestKey = Math.min(MAX_KEY_LENGTH, Math.floor(data.length / MIN_COLUMN));
  if (longestKey < 1) return undefined;
  // Friedman's test: the true period and its multiples share the highest coincidence index; a wrong
  // period mixes several key bytes per column and scores lower. Take the smallest near-best period.
  const coincidence = Array.from({ length: longestKey }, (_, index) => meanColumnCoincidence(data, index + 1));
  const best = Math.max(...coincidence);
  if (best < COINCIDENCE_THRESHOLD) return undefined;
  const keyLength = coincidence.findIndex((value) => value >= NEAR_BEST * best) + 1;
  const key = Uint8Array.from({ length: keyLength }, (_, column) => bestKeyByte(data, keyLength, column));
  if (key.every((byte) => byte === 0)) return undefined;
  return decodesToText(data, key) ? { keyLength, key } : undefined;
}

function meanColumnCoincidence(data: Uint8Array, keyLength: number): number {
  let total = 0;
  for (let column = 0; column < keyLength; column++) {
    const counts = new Map<number, number>();
    let length = 0;
    for (let i = column; i < data.length; i += keyLength) {
      counts.set(data[i]!, (counts.get(data[i]!) ?? 0) + 1);
      length++;
    }
    let pairs = 0;
    for (const count of counts.values()) pairs += count * (count - 1);
    total += pairs / (length * (length - 1));
  }
  return total / keyLength;
}

const WEIGHT: readonly number[] = Array.from({ length: 256 }, (_, byte) =>
  /[A-Za-z ]/.test(String.fromCharCode(byte)) ? 3 : isPrintableAscii(byte) ? 1 : -4,
);

function bestKeyByte(data: Uint8Array, keyLength: number, column: number): number {
  const counts = new Map<number, number>();
  for (let i = column; i < data.length; i += keyLength) counts.set(data[i]!, (counts.get(data[i]!) ?? 0) + 1);
  let best = 0;
  let bestScore = -Infinity;
  for (let candidate = 0; candidate < 256; candidate++) {
    let score = 0;
    for (const [value, count] of counts) score += count * WEIGHT[value ^ candidate]!;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

function decodesToText(data: Uint8Array, key: Uint8Array): boolean {
  let printable = 0;
  let textLike = 0;
  for (let i = 0; i < data.length; i++) {
    const byte = data[i]! ^ key[i % key.length]!;
    if (isPrintableAscii(byte)) printable++;
    if (TEXT_LIKE.test(String.fromCharCode(byte))) textLike++;
  }
  return printable >= PRINTABLE_SHARE * data.length && textLike >= TEXT_SHARE * data.length;
}
