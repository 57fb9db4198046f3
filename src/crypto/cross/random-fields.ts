import type { AnalysedSample } from '../analyse-sample.js';
import type { LocatedObservation } from '../findings.js';
import { observe, type RandomField, type ReuseClass } from '../types.js';
import { locate } from './located.js';

const CHECK_FOR: Readonly<Record<ReuseClass, 'reuse.nonce-stream' | 'reuse.iv-block' | 'reuse.nonce-per-message-key'>> = {
  stream: 'reuse.nonce-stream',
  block: 'reuse.iv-block',
  'per-message-key': 'reuse.nonce-per-message-key',
};

/**
 * Repeated IVs, nonces and salts read from headers. Values only matter within one key context, and
 * byte-identical samples are left to reuse.identical-ciphertext.
 */
export function repeatedRandomFields(samples: readonly AnalysedSample[]): LocatedObservation[] {
  const groups = new Map<string, { field: RandomField; format: string; samples: AnalysedSample[] }>();
  for (const analysed of samples) {
    for (const field of analysed.container.randomFields) {
      if (field.bytes.length === 0) continue;
      const key = `${field.field}\0${field.keyContext}\0${Buffer.from(field.bytes).toString('hex')}`;
      const group = groups.get(key) ?? { field, format: analysed.container.format, samples: [] };
      if (!group.samples.includes(analysed)) group.samples.push(analysed);
      groups.set(key, group);
    }
  }
  const found: LocatedObservation[] = [];
  for (const [key, group] of groups) {
    const distinct = new Set(group.samples.map((analysed) => analysed.digest));
    if (distinct.size < 2) continue;
    const values = { FIELD: group.field.field, COUNT: String(group.samples.length), FORMAT: group.format, MODE: group.field.mode };
    found.push(locate(observe(CHECK_FOR[group.field.reuse], values, key), group.samples));
  }
  return found;
}
