/**
 * Student's t distribution: just enough to put a 95 % confidence interval on a mean gap
 * (DESIGN.md §4, "Confidence interval: Student-t interval on the mean ticket gap (n − 1 degrees of
 * freedom)").
 *
 * Written here rather than pulled in as a dependency: it is ~100 lines, and the statistics packages
 * that offer it either bring a large dependency tree or are no longer maintained. Accuracy is far
 * beyond what the side panel shows (tests hold it to published table values and closed forms).
 */

const LANCZOS_G = 7;
/** Coefficients of the Lanczos approximation for g = 7, n = 9 (relative error ≈ 1e-15). */
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0, by the Lanczos approximation:
 * Γ(z + 1) = √(2π) · (z + g + ½)^(z + ½) · e^−(z + g + ½) · A_g(z),
 * A_g(z) = c₀ + Σₖ cₖ / (z + k).
 */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma needs a finite x > 0, got ${x}`);
  // Below ½ the series loses accuracy; Γ(x) = Γ(x + 1) / x moves the argument up by one.
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0]!;
  for (let k = 1; k < LANCZOS_COEFFICIENTS.length; k++) series += LANCZOS_COEFFICIENTS[k]! / (z + k);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

const CONTINUED_FRACTION_EPSILON = 1e-15;
const CONTINUED_FRACTION_MAX_STEPS = 10_000;
/** Stands in for zero in Lentz's method, where a denominator of exactly 0 would divide by zero. */
const TINY = 1e-300;

/**
 * The continued fraction of the incomplete beta function, evaluated by Lentz's method:
 * I_x(a, b) = x^a (1 − x)^b / (a · B(a, b)) · 1 / (1 + d₁ / (1 + d₂ / (1 + …))), with
 * d₂ₘ₊₁ = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)) and d₂ₘ = m (b − m) x / ((a + 2m − 1)(a + 2m)).
 * Converges quickly for x < (a + 1) / (a + b + 2); the caller uses the symmetry otherwise.
 */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const clampTiny = (value: number) => (Math.abs(value) < TINY ? TINY : value);
  let c = 1;
  let d = 1 / clampTiny(1 - ((a + b) * x) / (a + 1));
  let fraction = d;
  for (let m = 1; m <= CONTINUED_FRACTION_MAX_STEPS; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / clampTiny(1 + even * d);
    c = clampTiny(1 + even / c);
    fraction *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / clampTiny(1 + odd * d);
    c = clampTiny(1 + odd / c);
    const step = d * c;
    fraction *= step;
    if (Math.abs(step - 1) < CONTINUED_FRACTION_EPSILON) return fraction;
  }
  throw new Error(`incomplete beta did not converge for x=${x}, a=${a}, b=${b}`);
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b) for x ∈ [0, 1], a, b > 0.
 * Uses I_x(a, b) = 1 − I_{1−x}(b, a) where the continued fraction would converge slowly.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`x must lie in [0, 1], got ${x}`);
  if (!(a > 0 && b > 0)) throw new RangeError(`a and b must be positive, got a=${a}, b=${b}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - (logGamma(a) + logGamma(b) - logGamma(a + b));
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

function assertDegreesOfFreedom(degreesOfFreedom: number): void {
  if (!(degreesOfFreedom > 0) || !Number.isFinite(degreesOfFreedom)) {
    throw new RangeError(`degrees of freedom must be a finite number > 0, got ${degreesOfFreedom}`);
  }
}

/**
 * P(T ≤ t) for T ~ Student's t with ν degrees of freedom:
 * for t ≥ 0, 1 − ½ · I_{ν/(ν+t²)}(ν/2, ½); for t < 0, ½ · I_{ν/(ν+t²)}(ν/2, ½).
 */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  assertDegreesOfFreedom(degreesOfFreedom);
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail =
    0.5 * regularizedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * Density of Student's t: f(t) = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^−(ν+1)/2.
 */
export function studentTDensity(t: number, degreesOfFreedom: number): number {
  assertDegreesOfFreedom(degreesOfFreedom);
  const v = degreesOfFreedom;
  const logNormalizer = logGamma((v + 1) / 2) - logGamma(v / 2) - 0.5 * Math.log(v * Math.PI);
  return Math.exp(logNormalizer - ((v + 1) / 2) * Math.log1p((t * t) / v));
}

const QUANTILE_TOLERANCE = 1e-12;
const QUANTILE_MAX_STEPS = 200;

/**
 * The quantile t_{p, ν}: the t with P(T ≤ t) = p, for p ∈ (0, 1) and ν > 0.
 * Solves studentTCdf(t, ν) = p by Newton's method (derivative: the density), kept inside a
 * bracketing interval and falling back to bisection whenever a Newton step would leave it, so it
 * always converges. By symmetry t_{p} = −t_{1−p}, so only the upper half is searched.
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  assertDegreesOfFreedom(degreesOfFreedom);
  if (!(p > 0 && p < 1)) throw new RangeError(`p must lie strictly between 0 and 1, got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, degreesOfFreedom);

  let low = 0;
  let high = 1;
  while (studentTCdf(high, degreesOfFreedom) < p) {
    low = high;
    high *= 2;
  }
  let t = (low + high) / 2;
  for (let step = 0; step < QUANTILE_MAX_STEPS; step++) {
    const error = studentTCdf(t, degreesOfFreedom) - p;
    if (error > 0) high = t;
    else low = t;
    const newton = t - error / studentTDensity(t, degreesOfFreedom);
    const next = newton > low && newton < high ? newton : (low + high) / 2;
    if (Math.abs(next - t) <= QUANTILE_TOLERANCE * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}

const twoSidedCache = new Map<string, number>();

/**
 * The critical value of a two-sided Student-t interval at `level` (0.95 → t_{0.975, ν}), memoized
 * because a trend chart asks for the same few degrees of freedom many times.
 */
export function studentTCriticalValue(level: number, degreesOfFreedom: number): number {
  if (!(level > 0 && level < 1))
    throw new RangeError(`confidence level must lie strictly between 0 and 1, got ${level}`);
  const key = `${level}/${degreesOfFreedom}`;
  let value = twoSidedCache.get(key);
  if (value === undefined) {
    value = studentTQuantile(1 - (1 - level) / 2, degreesOfFreedom);
    twoSidedCache.set(key, value);
  }
  return value;
}
