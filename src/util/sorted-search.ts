/** Binary searches over an ascending list of numbers. */

/** The first slot whose value is at least `value` (the list's length when there is none). */
export function lowerBound(sorted: readonly number[], value: number): number {
  return firstSlot(sorted, (slot) => slot >= value);
}

/** The first slot whose value is above `value` (the list's length when there is none). */
export function upperBound(sorted: readonly number[], value: number): number {
  return firstSlot(sorted, (slot) => slot > value);
}

function firstSlot(sorted: readonly number[], isPast: (slot: number) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isPast(sorted[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}
