import { fft } from './fft.js';
import { chiSquareTail, erfc, normalCdf, upperGamma } from './special-functions.js';

/**
 * One statistical test: its minimum input (NIST SP 800-22 §2 recommendations, or the expected-count
 * rule for chi-square) and a p-value under "uniform random bytes". Below the minimum a test is not
 * run at all: pitfall 1, short samples make every fixed-threshold statistic fail.
 */
export interface RandomnessTest {
  name: string;
  minimumBytes: number;
  pValues(view: BitView): number[];
}

/** The sample as bits (MSB first) and bytes, computed once for all tests. */
export interface BitView {
  bytes: Uint8Array;
  bits: Uint8Array;
}

export function bitView(bytes: Uint8Array): BitView {
  const bits = new Uint8Array(bytes.length * 8);
  bytes.forEach((byte, index) => {
    for (let bit = 0; bit < 8; bit++) bits[index * 8 + bit] = (byte >> (7 - bit)) & 1;
  });
  return { bytes, bits };
}

const monobit: RandomnessTest = {
  name: 'monobit frequency',
  minimumBytes: 13,
  pValues({ bits }) {
    let sum = 0;
    for (const bit of bits) sum += bit ? 1 : -1;
    return [erfc(Math.abs(sum) / Math.sqrt(2 * bits.length))];
  },
};

const blockFrequency: RandomnessTest = {
  name: 'block frequency',
  minimumBytes: 13,
  pValues({ bits }) {
    const n = bits.length;
    const blockSize = Math.max(20, Math.floor(n / 100) + 1);
    const blocks = Math.floor(n / blockSize);
    let statistic = 0;
    for (let block = 0; block < blocks; block++) {
      let ones = 0;
      for (let i = block * blockSize; i < (block + 1) * blockSize; i++) ones += bits[i]!;
      statistic += (ones / blockSize - 0.5) ** 2;
    }
    return [upperGamma(blocks / 2, (4 * blockSize * statistic) / 2)];
  },
};

const runs: RandomnessTest = {
  name: 'runs',
  minimumBytes: 13,
  pValues({ bits }) {
    const n = bits.length;
    let ones = 0;
    for (const bit of bits) ones += bit;
    const proportion = ones / n;
    // NIST's prerequisite: a failed frequency test makes the runs statistic meaningless (monobit reports it).
    if (Math.abs(proportion - 0.5) >= 2 / Math.sqrt(n)) return [];
    let observed = 1;
    for (let i = 1; i < n; i++) if (bits[i] !== bits[i - 1]) observed++;
    const expected = 2 * n * proportion * (1 - proportion);
    return [erfc(Math.abs(observed - expected) / (2 * Math.sqrt(2 * n) * proportion * (1 - proportion)))];
  },
};

const LONGEST_RUN_TABLES = [
  { minimumBits: 750_000, blockSize: 10_000, lowest: 10, probabilities: [0.0882, 0.2092, 0.2483, 0.1933, 0.1208, 0.0675, 0.0727] },
  { minimumBits: 6_272, blockSize: 128, lowest: 4, probabilities: [0.1174035788, 0.242955959, 0.249363483, 0.17517706, 0.102701071, 0.112398847] },
  { minimumBits: 128, blockSize: 8, lowest: 1, probabilities: [0.21484375, 0.3671875, 0.23046875, 0.1875] },
];

const longestRun: RandomnessTest = {
  name: 'longest run of ones',
  // 16 blocks of 8 bits (NIST's minimum) doubles the false-alarm rate at p = 1e-4; 32 blocks keep it nominal.
  minimumBytes: 32,
  pValues({ bits }) {
    const table = LONGEST_RUN_TABLES.find((candidate) => bits.length >= candidate.minimumBits)!;
    const classes = table.probabilities.length;
    const blocks = Math.floor(bits.length / table.blockSize);
    const counts = new Array<number>(classes).fill(0);
    for (let block = 0; block < blocks; block++) {
      let longest = 0;
      let current = 0;
      for (let i = block * table.blockSize; i < (block + 1) * table.blockSize; i++) {
        current = bits[i] ? current + 1 : 0;
        if (current > longest) longest = current;
      }
      const bucket = Math.min(classes - 1, Math.max(0, longest - table.lowest));
      counts[bucket]!++;
    }
    let statistic = 0;
    table.probabilities.forEach((probability, index) => (statistic += (counts[index]! - blocks * probability) ** 2 / (blocks * probability)));
    return [chiSquareTail(statistic, classes - 1)];
  },
};

const cumulativeSums: RandomnessTest = {
  name: 'cumulative sums',
  minimumBytes: 13,
  pValues({ bits }) {
    const n = bits.length;
    let sum = 0;
    let maximum = 0;
    for (const bit of bits) {
      sum += bit ? 1 : -1;
      if (Math.abs(sum) > maximum) maximum = Math.abs(sum);
    }
    const z = Math.max(1, maximum);
    const root = Math.sqrt(n);
    let first = 0;
    for (let k = Math.floor((-n / z + 1) / 4); k <= Math.floor((n / z - 1) / 4); k++) {
      first += normalCdf(((4 * k + 1) * z) / root) - normalCdf(((4 * k - 1) * z) / root);
    }
    let second = 0;
    for (let k = Math.floor((-n / z - 3) / 4); k <= Math.floor((n / z - 1) / 4); k++) {
      second += normalCdf(((4 * k + 3) * z) / root) - normalCdf(((4 * k + 1) * z) / root);
    }
    return [Math.min(1, Math.max(0, 1 - first + second))];
  },
};

/** Chi-square over cell counts with every expected count at least 5. */
function uniformChiSquare(counts: readonly number[], total: number): number {
  const expected = total / counts.length;
  let statistic = 0;
  for (const count of counts) statistic += (count - expected) ** 2 / expected;
  return chiSquareTail(statistic, counts.length - 1);
}

const nibbleChiSquare: RandomnessTest = {
  name: 'nibble chi-square',
  minimumBytes: 40,
  pValues({ bytes }) {
    const counts = new Array<number>(16).fill(0);
    for (const byte of bytes) {
      counts[byte >> 4]!++;
      counts[byte & 15]!++;
    }
    return [uniformChiSquare(counts, bytes.length * 2)];
  },
};

const byteChiSquare: RandomnessTest = {
  name: 'byte chi-square',
  minimumBytes: 1280,
  pValues({ bytes }) {
    const counts = new Array<number>(256).fill(0);
    for (const byte of bytes) counts[byte]!++;
    return [uniformChiSquare(counts, bytes.length)];
  },
};

const serialCorrelation: RandomnessTest = {
  name: 'serial correlation',
  minimumBytes: 1000,
  pValues({ bytes }) {
    const n = bytes.length;
    let sum = 0;
    let sumSquares = 0;
    let sumProducts = 0;
    for (let i = 0; i < n; i++) {
      const value = bytes[i]!;
      sum += value;
      sumSquares += value * value;
      sumProducts += value * bytes[(i + 1) % n]!;
    }
    const coefficient = (n * sumProducts - sum * sum) / (n * sumSquares - sum * sum);
    return Number.isFinite(coefficient) ? [erfc((Math.abs(coefficient) * Math.sqrt(n)) / Math.SQRT2)] : [0];
  },
};

const MAX_FFT_BITS = 1 << 17;

const spectral: RandomnessTest = {
  name: 'discrete Fourier transform',
  minimumBytes: 128,
  pValues({ bits }) {
    let n = 1;
    while (n * 2 <= Math.min(bits.length, MAX_FFT_BITS)) n *= 2;
    const real = new Float64Array(n);
    const imaginary = new Float64Array(n);
    for (let i = 0; i < n; i++) real[i] = bits[i] ? 1 : -1;
    fft(real, imaginary);
    const threshold = Math.sqrt(Math.log(1 / 0.05) * n);
    let below = 0;
    for (let j = 0; j < n / 2; j++) if (Math.hypot(real[j]!, imaginary[j]!) < threshold) below++;
    const d = (below - (0.95 * n) / 2) / Math.sqrt((n * 0.95 * 0.05) / 4);
    return [erfc(Math.abs(d) / Math.SQRT2)];
  },
};

/** Overlapping m-bit pattern counts with wrap-around (SP 800-22 §2.11, §2.12). */
function patternCounts(bits: Uint8Array, m: number): number[] {
  const counts = new Array<number>(1 << m).fill(0);
  if (m === 0) return counts;
  const n = bits.length;
  const mask = (1 << m) - 1;
  let pattern = 0;
  for (let i = 0; i < m - 1; i++) pattern = (pattern << 1) | bits[i]!;
  for (let i = 0; i < n; i++) {
    pattern = ((pattern << 1) | bits[(i + m - 1) % n]!) & mask;
    counts[pattern]!++;
  }
  return counts;
}

const serial: RandomnessTest = {
  name: 'serial',
  // Measured: below ~1 KB the chi-square approximation overstates significance at p < 1e-5.
  minimumBytes: 1024,
  pValues({ bits }) {
    const n = bits.length;
    const m = Math.min(5, Math.max(2, Math.floor(Math.log2(n)) - 4));
    const psi = (order: number) => (order <= 0 ? 0 : ((1 << order) / n) * patternCounts(bits, order).reduce((sum, count) => sum + count * count, 0) - n);
    const [psiM, psiM1, psiM2] = [psi(m), psi(m - 1), psi(m - 2)];
    return [upperGamma(2 ** (m - 2), (psiM - psiM1) / 2), upperGamma(2 ** (m - 3), (psiM - 2 * psiM1 + psiM2) / 2)];
  },
};

const approximateEntropy: RandomnessTest = {
  name: 'approximate entropy',
  minimumBytes: 16,
  pValues({ bits }) {
    const n = bits.length;
    const m = Math.min(4, Math.floor(Math.log2(n)) - 6);
    const phi = (order: number) => patternCounts(bits, order).reduce((sum, count) => (count > 0 ? sum + (count / n) * Math.log(count / n) : sum), 0);
    const apen = phi(m) - phi(m + 1);
    return [upperGamma(2 ** (m - 1), n * (Math.log(2) - apen))];
  },
};

export const RANDOMNESS_TESTS: readonly RandomnessTest[] = [
  monobit,
  blockFrequency,
  runs,
  longestRun,
  cumulativeSums,
  nibbleChiSquare,
  byteChiSquare,
  serialCorrelation,
  spectral,
  serial,
  approximateEntropy,
];

/** How many p-values one run produces when the input is large enough for every test. */
export const P_VALUES_PER_FULL_RUN = 12;
