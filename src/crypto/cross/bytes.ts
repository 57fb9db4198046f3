import { printableFraction } from '../decode/text.js';

export function commonPrefixLength(a: Uint8Array, b: Uint8Array): number {
  const limit = Math.min(a.length, b.length);
  let length = 0;
  while (length < limit && a[length] === b[length]) length++;
  return length;
}

function distinctBytes(bytes: Uint8Array): number {
  return new Set(bytes).size;
}

/**
 * A prefix that looks like key-derived or random material rather than a format header: many distinct
 * byte values and mostly unprintable. "MYAPPv1:" is a header; a fixed IV is not.
 */
export function looksRandom(prefix: Uint8Array): boolean {
  const head = prefix.subarray(0, 16);
  return head.length >= 8 && distinctBytes(head) >= 0.8 * head.length && printableFraction(head) < 0.75;
}

export function gcd(a: number, b: number): number {
  let [x, y] = [Math.abs(a), Math.abs(b)];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
