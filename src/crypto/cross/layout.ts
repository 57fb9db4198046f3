/**
 * How many leading and trailing bytes of an app's own layout are structure (version bytes, key ids,
 * constant footers) rather than ciphertext, so statistics do not mistake a header for weakness
 * (pitfall 3). With 8+ samples a position counts as structure when it shows fewer than half the
 * distinct values random bytes would; with fewer samples only when it is constant.
 */
export function structuralMargins(bodies: readonly Uint8Array[]): { header: number; trailer: number } {
  if (bodies.length < 2) return { header: 0, trailer: 0 };
  const shortest = Math.min(...bodies.map((body) => body.length));
  const expectedDistinct = 256 * (1 - (255 / 256) ** bodies.length);
  const isStructure = (valueAt: (body: Uint8Array) => number): boolean => {
    const distinct = new Set(bodies.map(valueAt)).size;
    return bodies.length >= 8 ? distinct <= expectedDistinct / 2 : distinct === 1;
  };
  let header = 0;
  while (header < shortest && isStructure((body) => body[header]!)) header++;
  let trailer = 0;
  while (header + trailer < shortest && isStructure((body) => body[body.length - 1 - trailer]!)) trailer++;
  return { header, trailer };
}
