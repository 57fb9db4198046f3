import { describe, expect, it } from 'vitest';
import { ecbWithinSample } from '../../src/crypto/cross/ecb.js';
import { keystreamReuse } from '../../src/crypto/cross/keystream.js';
import { repeatingKeyXor } from '../../src/crypto/cross/xor-obfuscation.js';
import { readableKind } from '../../src/crypto/plain/readable.js';
import { expectedRandomEntropy, runRandomnessTests, shannonEntropy } from '../../src/crypto/stats/randomness.js';
import { P_VALUES_PER_FULL_RUN } from '../../src/crypto/stats/randomness-tests.js';
import { chiSquareTail, erfc, upperGamma } from '../../src/crypto/stats/special-functions.js';
import { findingsOf, inspectFiles, keystream } from './support.js';

describe('special functions', () => {
  it('match reference values', () => {
    expect(erfc(0)).toBeCloseTo(1, 12);
    expect(erfc(1)).toBeCloseTo(0.157299207050285, 12);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 9);
    expect(erfc(-1)).toBeCloseTo(1.842700792949715, 12);
    expect(chiSquareTail(3.841458820694124, 1)).toBeCloseTo(0.05, 10);
    expect(chiSquareTail(293.2478350, 255)).toBeCloseTo(0.05, 6);
    expect(upperGamma(7.5, 100) / 2.12467e-34).toBeCloseTo(1, 4);
  });

  it('give the entropy random bytes really show at each size (the plug-in estimate is biased low)', () => {
    expect(expectedRandomEntropy(16)).toBeCloseTo(3.94, 2);
    expect(expectedRandomEntropy(256)).toBeCloseTo(7.17, 2);
    expect(expectedRandomEntropy(65536)).toBeCloseTo(7.997, 3);
    const measured = Array.from({ length: 200 }, (_, seed) => shannonEntropy(keystream(`entropy${seed}`, 256)));
    expect(measured.reduce((sum, value) => sum + value, 0) / measured.length).toBeCloseTo(expectedRandomEntropy(256), 1);
  });
});

describe('randomness tests are calibrated at every size', () => {
  for (const size of [13, 40, 128, 1280, 4096]) {
    it(`${size} bytes: p-values of random input are uniform (about 1% below 0.01, half below 0.5)`, () => {
      const trials = 400;
      const below = new Map<string, { small: number; half: number; runs: number }>();
      for (let trial = 0; trial < trials; trial++) {
        for (const { test, p } of runRandomnessTests(keystream(`calibration-${size}-${trial}`, size))) {
          const tally = below.get(test) ?? { small: 0, half: 0, runs: 0 };
          tally.runs++;
          if (p < 0.01) tally.small++;
          if (p < 0.5) tally.half++;
          below.set(test, tally);
        }
      }
      expect(below.size).toBeGreaterThanOrEqual(4);
      for (const [test, { small, half, runs }] of below) {
        expect(small / runs, test).toBeLessThan(0.035);
        expect(half / runs, test).toBeGreaterThan(0.38);
        expect(half / runs, test).toBeLessThan(0.62);
      }
    });
  }

  it('runs every test on a large input, and only size-appropriate ones on small inputs', () => {
    expect(runRandomnessTests(keystream('full', 65536))).toHaveLength(P_VALUES_PER_FULL_RUN);
    expect(runRandomnessTests(keystream('tiny', 12))).toEqual([]);
    expect(runRandomnessTests(keystream('small', 16)).map((outcome) => outcome.test)).not.toContain('byte chi-square');
  });
});

describe('no false alarms on random data', () => {
  it('pairwise keystream, ECB, XOR and readable-text detectors stay silent on seeded random inputs', () => {
    for (let pair = 0; pair < 5000; pair++) expect(keystreamReuse(keystream(`a${pair}`, 32), keystream(`b${pair}`, 32))).toBeUndefined();
    for (let sample = 0; sample < 300; sample++) {
      const bytes = keystream(`s${sample}`, 16 + sample * 13);
      expect(ecbWithinSample(bytes)).toBeUndefined();
      expect(repeatingKeyXor(bytes)).toBeUndefined();
      expect(readableKind(bytes)).toBeUndefined();
    }
  });

  it('inspect reports nothing but summaries and the length profile for random samples of many sizes', async () => {
    const sizes = [1, 2, 5, 8, 12, 15, 16, 17, 24, 31, 32, 33, 40, 48, 63, 64, 65, 100, 127, 128, 200, 255, 256, 300, 511, 512, 600, 1000, 1023, 1024, 1280, 2000, 4096, 5000, 10000, 65536, 70000];
    for (let run = 0; run < 3; run++) {
      const files = Object.fromEntries(sizes.map((size) => [`r${size}.bin`, keystream(`fa-${run}-${size}`, size)]));
      const report = await inspectFiles(files);
      const unexpected = report.findings.filter((finding) => finding.ruleId !== 'fmt.summary' && finding.ruleId !== 'mode.length-profile');
      expect(unexpected.map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
      expect(findingsOf(report, 'mode.length-profile')[0]!.message).toContain('a stream cipher or AEAD');
    }
  });

  it('stays silent on many short samples, where pairwise tests do the most comparisons', async () => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`s${index}.bin`, keystream(`short-${index}`, 16 + (index % 48))]));
    const report = await inspectFiles(files);
    expect(report.findings.filter((finding) => !['fmt.summary', 'mode.length-profile'].includes(finding.ruleId))).toEqual([]);
  });
});

describe('power', () => {
  it('flags a body with a stuck bit', async () => {
    const stuck = keystream('stuck', 2048).map((byte) => byte | 1);
    const report = await inspectFiles({ 'stuck.bin': stuck, 'fine.bin': keystream('fine', 2048) });
    expect(findingsOf(report, 'stat.not-random').map((finding) => finding.file)).toEqual(['samples/stuck.bin']);
    expect(findingsOf(report, 'stat.not-random')[0]!.message).toMatch(/^Ciphertext body \(2048 bytes\) is distinguishable from random: .+ p = .+, with \d+ tests corrected for$/);
  });

  it('pooling finds a bias too small to see in any one short sample', async () => {
    const biased = (seed: number) => {
      const body = keystream(`bias-${seed}`, 64);
      const coin = keystream(`coin-${seed}`, 64);
      return body.map((byte, index) => (byte & 0x7f) | (coin[index]! < 205 ? 0x80 : 0));
    };
    const report = await inspectFiles(Object.fromEntries(Array.from({ length: 40 }, (_, seed) => [`b${seed}.bin`, biased(seed)])));
    const notRandom = findingsOf(report, 'stat.not-random');
    expect(notRandom).toHaveLength(1);
    expect(notRandom[0]!.message).toMatch(/^Pooled bodies of 40 samples/);
    expect(notRandom[0]!.samples).toHaveLength(40);
  });
});
