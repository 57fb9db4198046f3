import { bitView, RANDOMNESS_TESTS } from './randomness-tests.js';

export interface TestOutcome {
  test: string;
  p: number;
}

/** Enough for every test's minimum and for a meaningful pooled run, while keeping time bounded. */
export const MAX_SAMPLE_STATISTIC_BYTES = 64 * 1024;
export const MAX_POOLED_STATISTIC_BYTES = 1024 * 1024;

/** Runs every test whose minimum size the input meets; smaller inputs simply run fewer tests. */
export function runRandomnessTests(bytes: Uint8Array): TestOutcome[] {
  const view = bitView(bytes);
  return RANDOMNESS_TESTS.filter((test) => bytes.length >= test.minimumBytes).flatMap((test) =>
    test.pValues(view).map((p) => ({ test: test.name, p })),
  );
}

export function shannonEntropy(bytes: Uint8Array): number {
  const counts = new Array<number>(256).fill(0);
  for (const byte of bytes) counts[byte]!++;
  let entropy = 0;
  for (const count of counts) if (count > 0) entropy -= (count / bytes.length) * Math.log2(count / bytes.length);
  return entropy;
}

/**
 * The plug-in entropy random bytes of this length are expected to show (it is biased low: 4.9 bits
 * at 32 bytes, 7.2 at 256), from the binomial distribution of each byte value's count.
 */
export function expectedRandomEntropy(length: number): number {
  if (length === 0) return 0;
  const p = 1 / 256;
  const mean = length * p;
  const limit = Math.min(length, Math.ceil(mean + 20 * Math.sqrt(mean) + 20));
  let logProbability = length * Math.log1p(-p);
  let expectation = 0;
  for (let count = 1; count <= limit; count++) {
    logProbability += Math.log((length - count + 1) / count) + Math.log(p / (1 - p));
    const share = count / length;
    expectation += Math.exp(logProbability) * share * Math.log2(share);
  }
  return -256 * expectation;
}
