import { POPCOUNT } from '../stats/bits.js';
import { commonPrefixLength } from './bytes.js';

export interface KeystreamEvidence {
  z: number;
  length: number;
}

/** z >= 6 is about 1e-9 per statistic: it survives Bonferroni over the ~10^5 pairs we compare at most. */
const KEYSTREAM_Z = 6;
const TAG_BYTES = 16;
const MIN_COMPARED = 8;
const MAX_COMPARED = 1024;

/**
 * Many-time-pad test for one pair: XOR the bodies after their common prefix (a shared nonce or
 * header), leaving out a trailing tag, and measure how far the XOR is from random. Plaintext XOR
 * plaintext has few set bits and clear top bits; ciphertexts under different keystreams do not.
 */
export function keystreamReuse(a: Uint8Array, b: Uint8Array): KeystreamEvidence | undefined {
  const shared = commonPrefixLength(a, b);
  const remainder = Math.min(a.length, b.length) - shared;
  const withoutTag = remainder - TAG_BYTES >= MIN_COMPARED ? remainder - TAG_BYTES : remainder;
  const length = Math.min(withoutTag, MAX_COMPARED);
  if (length < MIN_COMPARED) return undefined;
  let setBits = 0;
  let clearTopBits = 0;
  for (let i = shared; i < shared + length; i++) {
    const x = a[i]! ^ b[i]!;
    setBits += POPCOUNT[x]!;
    if (x < 0x80) clearTopBits++;
  }
  const zHamming = (4 * length - setBits) / Math.sqrt(2 * length);
  const zTopBit = (clearTopBits - length / 2) / Math.sqrt(length / 4);
  const z = Math.max(zHamming, zTopBit);
  return z >= KEYSTREAM_Z ? { z, length } : undefined;
}
