/**
 * The few special functions the tests need, written from the textbook definitions: ln Γ, the
 * regularised upper incomplete gamma Q(a, x) (series below a+1, Lentz continued fraction above, so
 * tiny tail probabilities stay accurate) and erfc(x) = Q(1/2, x²).
 */

const STIRLING_FROM = 10;

/** ln Γ(x) for x > 0: Stirling's series from x >= 10 (error below 1e-15), with Γ(x+1) = xΓ(x) below. */
function logGamma(x: number): number {
  let shift = 0;
  let value = x;
  while (value < STIRLING_FROM) {
    shift += Math.log(value);
    value += 1;
  }
  const inverse = 1 / value;
  const inverseSquare = inverse * inverse;
  const series = inverse * (1 / 12 - inverseSquare * (1 / 360 - inverseSquare * (1 / 1260 - inverseSquare * (1 / 1680 - inverseSquare / 1188))));
  return (value - 0.5) * Math.log(value) - value + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

const EPSILON = 1e-15;
const MAX_ITERATIONS = 10_000;
const TINY = 1e-300;

/** Q(a, x) = Γ(a, x) / Γ(a): the chi-square upper tail is Q(dof/2, χ²/2). */
export function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < a + 1) return 1 - lowerSeries(a, x);
  return upperContinuedFraction(a, x);
}

function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

export function erfc(x: number): number {
  return x >= 0 ? upperGamma(0.5, x * x) : 2 - upperGamma(0.5, x * x);
}

/** Standard normal CDF. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

export function chiSquareTail(statistic: number, degreesOfFreedom: number): number {
  return upperGamma(degreesOfFreedom / 2, statistic / 2);
}
