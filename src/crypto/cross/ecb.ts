export interface EcbEvidence {
  block: 8 | 16;
  repeats: number;
}

const MAX_SAMPLE_BYTES = 16 * 1024;
const MAX_CROSS_BYTES = 1024;
const MAX_CROSS_SAMPLES = 1000;
const DIVERSITY = 0.6;

/**
 * Repeated ciphertext blocks at every alignment (the header length is unknown), counting only
 * blocks with many distinct byte values so runs of zeros or spaces never count (pitfall 7). Random
 * blocks repeat with odds below 1e-12 at these sizes. Repeats of 8-byte blocks without any repeat
 * of 16-byte blocks mean a 64-bit block cipher.
 */
export function ecbWithinSample(body: Uint8Array): EcbEvidence | undefined {
  const data = body.subarray(0, MAX_SAMPLE_BYTES);
  for (const block of [16, 8] as const) {
    let best = 0;
    for (let alignment = 0; alignment < block; alignment++) {
      const seen = new Set<string>();
      let repeats = 0;
      for (let offset = alignment; offset + block <= data.length; offset += block) {
        const value = data.subarray(offset, offset + block);
        if (new Set(value).size < DIVERSITY * block) continue;
        const key = Buffer.from(value).toString('latin1');
        if (seen.has(key)) repeats++;
        else seen.add(key);
      }
      best = Math.max(best, repeats);
    }
    if (best > 0) return { block, repeats: best };
  }
  return undefined;
}

/** Blocks repeated across samples at different offsets: the same plaintext block under one ECB key. */
export function ecbAcrossSamples(bodies: readonly Uint8Array[]): (EcbEvidence & { samples: number[] }) | undefined {
  const data = bodies.slice(0, MAX_CROSS_SAMPLES).map((body) => body.subarray(0, MAX_CROSS_BYTES));
  for (const block of [16, 8] as const) {
    let best: { repeats: number; samples: Set<number> } = { repeats: 0, samples: new Set() };
    for (let alignment = 0; alignment < block; alignment++) {
      const first = new Map<string, { sample: number; offset: number }>();
      const found = { repeats: 0, samples: new Set<number>() };
      data.forEach((body, sample) => {
        for (let offset = alignment; offset + block <= body.length; offset += block) {
          const value = body.subarray(offset, offset + block);
          if (new Set(value).size < DIVERSITY * block) continue;
          const key = Buffer.from(value).toString('latin1');
          const earlier = first.get(key);
          if (!earlier) {
            first.set(key, { sample, offset });
            continue;
          }
          // Equal blocks at the same offset also come from keystream reuse or a fixed IV (their own
          // checks); only a block that moved is ECB's signature.
          if (earlier.sample === sample || earlier.offset === offset) continue;
          found.repeats++;
          found.samples.add(earlier.sample).add(sample);
        }
      });
      if (found.repeats > best.repeats) best = found;
    }
    if (best.repeats > 0) return { block, repeats: best.repeats, samples: [...best.samples].sort((a, b) => a - b) };
  }
  return undefined;
}
