import type { AnalysedSample } from '../analyse-sample.js';
import type { LocatedObservation } from '../findings.js';
import { observe } from '../types.js';
import { commonPrefixLength, gcd, looksRandom } from './bytes.js';
import { keystreamReuse, type KeystreamEvidence } from './keystream.js';
import { locate, plural } from './located.js';

/** Pairwise tests are O(n²): beyond this many samples only the first ones are paired (and a warning says so). */
export const MAX_PAIRED_SAMPLES = 300;
const HASH_LENGTHS: ReadonlySet<number> = new Set([16, 20, 28, 32, 48, 64]);

/**
 * Checks on samples in the app's own layout (no known container): fixed IVs, keystream reuse,
 * constant prefixes, and what the lengths reveal about the mode.
 */
export function appLayoutChecks(samples: readonly AnalysedSample[]): LocatedObservation[] {
  const bodies = samples.map((analysed) => analysed.container.body!);
  return [...prefixAndKeystream(samples, bodies), ...lengthChecks(samples, bodies)];
}

function prefixAndKeystream(samples: readonly AnalysedSample[], bodies: readonly Uint8Array[]): LocatedObservation[] {
  const paired = Math.min(samples.length, MAX_PAIRED_SAMPLES);
  const found: LocatedObservation[] = [];
  let strongest: { pair: [number, number]; evidence: KeystreamEvidence } | undefined;
  const reused = new Set<number>();
  const cbcPairs: { pair: [number, number]; shared: number; block: number }[] = [];
  const block = blockGranularity(bodies);
  let globalPrefix = Infinity;
  const pairPrefixes: number[] = [];
  for (let i = 0; i < paired; i++) {
    for (let j = i + 1; j < paired; j++) {
      const [a, b] = [bodies[i]!, bodies[j]!];
      if (samples[i]!.digest === samples[j]!.digest) continue;
      const shared = commonPrefixLength(a, b);
      globalPrefix = Math.min(globalPrefix, shared);
      pairPrefixes.push(shared);
      const evidence = keystreamReuse(a, b);
      if (evidence) {
        reused.add(i).add(j);
        if (!strongest || evidence.z > strongest.evidence.z) strongest = { pair: [i, j], evidence };
        continue;
      }
      if (block && shared >= block.size && shared < Math.min(a.length, b.length) && (shared - block.residue) % block.size === 0 && looksRandom(a.subarray(0, shared))) {
        cbcPairs.push({ pair: [i, j], shared, block: block.size });
      }
    }
  }
  if (strongest) {
    const involved = [...reused].sort((x, y) => x - y).map((index) => samples[index]!);
    const values = { COUNT: String(involved.length), Z: strongest.evidence.z.toFixed(1), LENGTH: String(strongest.evidence.length) };
    found.push(locate(observe('reuse.keystream', values, strongest.pair.join('-')), involved));
  }
  // Blocks every pair shares alike may be a constant header; blocks some pairs share beyond that
  // common prefix can only be equal plaintext prefixes under one key and one IV.
  const varying = cbcPairs.filter(({ shared, block: size }) => pairPrefixes.length === 1 || shared >= globalPrefix + size);
  if (varying.length > 0) {
    const involved = new Set(varying.flatMap(({ pair }) => pair));
    const blocks = Math.max(...varying.map(({ shared, block: size }) => Math.floor(shared / size)));
    const members = [...involved].sort((x, y) => x - y).map((index) => samples[index]!);
    found.push(locate(observe('mode.cbc-fixed-iv', { COUNT: String(members.length), BLOCKS: String(blocks) }, `cbc-${blocks}`), members));
  } else if (!strongest && paired >= 3 && globalPrefix >= 8 && globalPrefix !== Infinity && looksRandom(bodies[0]!.subarray(0, globalPrefix))) {
    const members = samples.slice(0, paired);
    found.push(locate(observe('reuse.constant-prefix', { COUNT: String(members.length), LENGTH: String(globalPrefix) }, `prefix-${globalPrefix}`), members));
  }
  return found;
}

/** The block size the lengths are consistent with, and the header length modulo it. */
function blockGranularity(bodies: readonly Uint8Array[]): { size: number; residue: number } | undefined {
  for (const size of [16, 8]) {
    const residues = new Set(bodies.map((body) => body.length % size));
    if (residues.size === 1) return { size, residue: [...residues][0]! };
  }
  return undefined;
}

function lengthChecks(samples: readonly AnalysedSample[], bodies: readonly Uint8Array[]): LocatedObservation[] {
  const lengths = bodies.map((body) => body.length);
  const shortest = Math.min(...lengths);
  const longest = Math.max(...lengths);
  const found: LocatedObservation[] = [];
  if (shortest === longest) {
    if (HASH_LENGTHS.has(shortest)) found.push(locate(observe('mode.hash-like', { SAMPLES: plural(samples.length, 'sample'), SIZE: String(shortest) }, `hash-${shortest}`), samples));
    return found;
  }
  // Granularity from fewer than three distinct lengths says nothing about the mode.
  if (new Set(lengths).size < 3) return found;
  const granularity = lengths.reduce((current, length) => gcd(current, length - shortest), 0);
  const range = `${shortest}–${longest} bytes`;
  const profile = (meaning: string) =>
    locate(observe('mode.length-profile', { COUNT: String(samples.length), RANGE: range, GRANULARITY: plural(granularity, 'byte'), MEANING: meaning }, `g${granularity}`), samples);
  if (granularity % 16 === 0) {
    found.push(profile('a 128-bit block cipher with padding (CBC or ECB)'));
    if (shortest === 16 && lengths.every((length) => length % 16 === 0)) {
      found.push(locate(observe('mode.no-iv-room', { SIZE: '16 bytes (one block)' }, 'one-block'), samples.filter((_, index) => lengths[index] === 16)));
    }
  } else if (granularity === 8) {
    found.push(profile('a 64-bit block cipher with padding'));
    // Lengths all ≡ 0 mod 8 by chance has odds 8^-(n-1); with 4+ samples that is below 0.2%.
    if (samples.length >= 4) found.push(locate(observe('mode.64-bit-block', { EVIDENCE: `${samples.length} lengths step by 8 bytes, not 16` }, 'lengths'), samples));
  } else if (granularity === 1) {
    found.push(profile('a stream cipher or AEAD (GCM, ChaCha20, libsodium boxes)'));
  } else {
    found.push(profile(`records built from ${granularity}-byte units`));
  }
  return found;
}
