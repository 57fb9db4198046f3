/** Bit-level view of a byte string, most significant bit first (as NIST SP 800-22 reads a stream). */
export function bitAt(bytes: Uint8Array, index: number): number {
  return (bytes[index >> 3]! >> (7 - (index & 7))) & 1;
}

export function popcount(byte: number): number {
  let count = 0;
  for (let value = byte; value !== 0; value &= value - 1) count++;
  return count;
}

export const POPCOUNT: readonly number[] = Array.from({ length: 256 }, (_, byte) => popcount(byte));
