function popcount(byte: number): number {
  let count = 0;
  for (let value = byte; value !== 0; value &= value - 1) count++;
  return count;
}

/** Set bits per byte value. */
export const POPCOUNT: readonly number[] = Array.from({ length: 256 }, (_, byte) => popcount(byte));
