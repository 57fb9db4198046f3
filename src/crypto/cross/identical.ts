import type { AnalysedSample } from '../analyse-sample.js';
import type { LocatedObservation } from '../findings.js';
import { observe } from '../types.js';
import { locate } from './located.js';

/** Byte-identical ciphertexts (after decoding), among samples that are encrypted at all. */
export function identicalCiphertexts(samples: readonly AnalysedSample[]): LocatedObservation[] {
  const byDigest = new Map<string, AnalysedSample[]>();
  for (const analysed of samples) {
    if (!analysed.container.encrypted) continue;
    const group = byDigest.get(analysed.digest) ?? [];
    group.push(analysed);
    byDigest.set(analysed.digest, group);
  }
  return [...byDigest.values()]
    .filter((group) => group.length > 1)
    .map((group) => locate(observe('reuse.identical-ciphertext', { COUNT: String(group.length) }, group[0]!.digest), group));
}
