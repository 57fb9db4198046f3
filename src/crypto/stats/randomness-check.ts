import type { AnalysedSample } from '../analyse-sample.js';
import { locate } from '../cross/located.js';
import type { LocatedObservation } from '../findings.js';
import { countOf } from '../../text/count.js';
import { observe } from '../types.js';
import { chiSquareTail } from './special-functions.js';
import { P_VALUES_PER_FULL_RUN } from './randomness-tests.js';
import {
  expectedRandomEntropy,
  MAX_POOLED_STATISTIC_BYTES,
  MAX_SAMPLE_STATISTIC_BYTES,
  runRandomnessTests,
  shannonEntropy,
  type TestOutcome,
} from './randomness.js';

export interface StatisticsTarget {
  analysed: AnalysedSample;
  /** The ciphertext body with known headers, nonces, tags and structural margins removed. */
  body: Uint8Array;
}

export interface StatisticsResult {
  located: LocatedObservation[];
  /** One short phrase per sample for its summary: what the statistics could and could not say. */
  verdicts: Map<AnalysedSample, string>;
  testsRun: number;
}

/** Family-wise false-alarm rate of the whole run (Bonferroni over every p-value computed). */
const FAMILY_ALPHA = 1e-4;
const SUSPICIOUS_ALPHA = 1e-2;
const WINDOW = 256;
const WINDOW_RANDOM_P = 0.01;
/** Structured windows (text, zeros) give p-values far below this even after Bonferroni over windows. */
const WINDOW_STRUCTURED_ALPHA = 1e-6;

/**
 * Size-gated randomness statistics on every encrypted body, plus one pooled run over all of them,
 * corrected for all the tests actually run so the stated false-alarm rate holds for the whole run.
 * Samples already shown to share keystream or blocks are left out of the pool: their repetition is
 * reported by those checks and would only be found again.
 */
export function randomnessChecks(targets: readonly StatisticsTarget[], notPooled: ReadonlySet<AnalysedSample> = new Set()): StatisticsResult {
  const unique = dedupe(targets);
  const perSample = unique.map((target) => ({ target, outcomes: runRandomnessTests(target.body.subarray(0, MAX_SAMPLE_STATISTIC_BYTES)) }));
  // The pooled run is counted at its largest possible size, so samples can be judged before pooling.
  const pooledBudget = unique.length >= 2 ? P_VALUES_PER_FULL_RUN : 0;
  const testsRun = perSample.reduce((sum, entry) => sum + entry.outcomes.length, 0) + pooledBudget;
  const threshold = FAMILY_ALPHA / Math.max(1, testsRun);
  const located: LocatedObservation[] = [];
  const verdicts = new Map<AnalysedSample, string>();
  const partial = partialEncryption(unique);
  const failed = new Set<AnalysedSample>();
  for (const { target, outcomes } of perSample) {
    const worst = weakest(outcomes);
    const partialFinding = partial.get(target.analysed);
    if (partialFinding) {
      located.push(partialFinding);
      failed.add(target.analysed);
      verdicts.set(target.analysed, 'partly structured (see stat.partial-encryption)');
    } else if (worst && worst.p < threshold) {
      failed.add(target.analysed);
      located.push(notRandom('Ciphertext body', target.body.length, worst, testsRun, [target.analysed]));
      verdicts.set(target.analysed, `distinguishable from random (${worst.test})`);
    } else {
      verdicts.set(target.analysed, describeRandom(target.body, outcomes.length));
    }
  }
  const pooledTargets = unique.filter((target) => !failed.has(target.analysed) && !notPooled.has(target.analysed));
  const pooledMembers = pooledTargets.map((target) => target.analysed);
  const pooledBody = pool(pooledTargets.map((target) => target.body));
  const pooledWorst = pooledMembers.length >= 2 ? weakest(runRandomnessTests(pooledBody)) : undefined;
  if (pooledWorst) {
    if (pooledWorst.p < threshold) {
      located.push(notRandom(`Pooled bodies of ${pooledMembers.length} samples`, pooledBody.length, pooledWorst, testsRun, pooledMembers));
    } else if (pooledWorst.p * testsRun < SUSPICIOUS_ALPHA) {
      const values = { COUNT: String(pooledMembers.length), TEST: pooledWorst.test, P: formatP(pooledWorst.p * testsRun) };
      located.push(locate(observe('stat.suspicious', values, pooledWorst.test), pooledMembers));
    }
  }
  for (const target of targets) if (!verdicts.has(target.analysed)) verdicts.set(target.analysed, verdicts.get(twinOf(unique, target)!.analysed)!);
  return { located, verdicts, testsRun };
}

function notRandom(what: string, size: number, worst: TestOutcome, testsRun: number, samples: readonly AnalysedSample[]): LocatedObservation {
  const values = { WHAT: what, SIZE: `${size} bytes`, TEST: worst.test, P: formatP(worst.p), TESTS: String(testsRun) };
  return locate(observe('stat.not-random', values, worst.test), samples);
}

function describeRandom(body: Uint8Array, tests: number): string {
  if (tests === 0) return `too short for statistics (${countOf(body.length, 'byte')})`;
  const entropy = shannonEntropy(body).toFixed(2);
  const expected = expectedRandomEntropy(body.length).toFixed(2);
  return `no deviation in ${countOf(tests, 'test')}; entropy ${entropy} (random: ${expected})`;
}

/**
 * 256-byte windows: some clearly structured (text, zeros) beside some that look random means part
 * of the record was left unencrypted. Bonferroni over all windows of the run.
 */
function partialEncryption(targets: readonly StatisticsTarget[]): Map<AnalysedSample, LocatedObservation> {
  const windowed = targets
    .filter((target) => target.body.length >= 2 * WINDOW)
    .map((target) => ({ target, pValues: windows(target.body.subarray(0, MAX_SAMPLE_STATISTIC_BYTES)).map(nibbleP) }));
  const total = windowed.reduce((sum, entry) => sum + entry.pValues.length, 0);
  const found = new Map<AnalysedSample, LocatedObservation>();
  for (const { target, pValues } of windowed) {
    const structured = pValues.map((p, index) => ({ p, index })).filter(({ p }) => p * total < WINDOW_STRUCTURED_ALPHA);
    const random = pValues.filter((p) => p > WINDOW_RANDOM_P).length;
    if (structured.length === 0 || random === 0) continue;
    const values = { STRUCTURED: String(structured.length), WINDOWS: String(pValues.length), OFFSET: String(structured[0]!.index * WINDOW) };
    found.set(target.analysed, locate(observe('stat.partial-encryption', values, `windows-${structured.length}`), [target.analysed]));
  }
  return found;
}

function windows(body: Uint8Array): Uint8Array[] {
  const result: Uint8Array[] = [];
  for (let offset = 0; offset + WINDOW <= body.length; offset += WINDOW) result.push(body.subarray(offset, offset + WINDOW));
  return result;
}

function nibbleP(window: Uint8Array): number {
  const counts = new Array<number>(16).fill(0);
  for (const byte of window) {
    counts[byte >> 4]!++;
    counts[byte & 15]!++;
  }
  const expected = (window.length * 2) / 16;
  return chiSquareTail(counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0), 15);
}

function weakest(outcomes: readonly TestOutcome[]): TestOutcome | undefined {
  return outcomes.reduce<TestOutcome | undefined>((worst, outcome) => (!worst || outcome.p < worst.p ? outcome : worst), undefined);
}

/** Identical ciphertexts are tested once (they are reported by reuse.identical-ciphertext instead). */
function dedupe(targets: readonly StatisticsTarget[]): StatisticsTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => !seen.has(target.analysed.digest) && seen.add(target.analysed.digest));
}

function twinOf(unique: readonly StatisticsTarget[], target: StatisticsTarget): StatisticsTarget | undefined {
  return unique.find((candidate) => candidate.analysed.digest === target.analysed.digest);
}

function pool(bodies: readonly Uint8Array[]): Uint8Array {
  const total = Math.min(MAX_POOLED_STATISTIC_BYTES, bodies.reduce((sum, body) => sum + Math.min(body.length, MAX_SAMPLE_STATISTIC_BYTES), 0));
  const pooled = new Uint8Array(total);
  let offset = 0;
  for (const body of bodies) {
    if (offset >= total) break;
    const part = body.subarray(0, Math.min(MAX_SAMPLE_STATISTIC_BYTES, total - offset));
    pooled.set(part, offset);
    offset += part.length;
  }
  return pooled;
}

function formatP(p: number): string {
  if (p <= 0 || p < 1e-300) return '< 1e-300';
  return p >= 0.001 ? p.toFixed(4) : p.toExponential(1);
}
