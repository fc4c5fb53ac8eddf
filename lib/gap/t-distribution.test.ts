import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  logGamma,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTCriticalValue,
  studentTDensity,
  studentTQuantile,
} from './t-distribution';

/** |actual − expected| ≤ 1e-4: the accuracy the brief asks of the quantile against table values. */
function expectWithin(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
}

describe('studentTQuantile against published t tables', () => {
  // Two-sided 95 % critical values t_{0.975, ν}, as printed (4 decimals) in standard t tables.
  // A printed value is rounded, so the true value is within 5e-5 of it; 1e-4 leaves 5e-5 for our error.
  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [3, 3.1824],
    [4, 2.7764],
    [5, 2.5706],
    [6, 2.4469],
    [7, 2.3646],
    [8, 2.306],
    [9, 2.2622],
    [10, 2.2281],
    [15, 2.1314],
    [20, 2.086],
    [29, 2.0452],
    [30, 2.0423],
    [40, 2.0211],
    [60, 2.0003],
    [120, 1.9799],
  ])('t(0.975, %i) = %f', (df, expected) => {
    expectWithin(studentTQuantile(0.975, df), expected, 1e-4);
  });

  it.each([
    [0.95, 10, 1.8125],
    [0.99, 5, 3.3649],
    [0.995, 5, 4.0321],
    [0.9, 1, 3.0777],
    [0.995, 30, 2.75],
    [0.999, 3, 10.2145],
    [0.95, 1000, 1.6464],
  ])('t(%f, %i) = %f (other levels)', (p, df, expected) => {
    expectWithin(studentTQuantile(p, df), expected, 1e-4);
  });

  it('approaches the normal quantile 1.959964 for very many degrees of freedom', () => {
    expectWithin(studentTQuantile(0.975, 1e6), 1.959964, 1e-5);
  });

  it('matches the closed forms for ν = 1 (Cauchy: tan(π(p − ½))) and ν = 2 ((2p − 1) / √(2p(1 − p))) to 1e-9', () => {
    for (const p of [0.6, 0.75, 0.9, 0.975, 0.999]) {
      expectWithin(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-9 * Math.tan(Math.PI * (p - 0.5)));
      expectWithin(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 1e-9);
    }
  });

  it('is antisymmetric, t(p) = −t(1 − p), and 0 at the median', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expectWithin(studentTQuantile(0.025, 4), -2.7764, 1e-4);
  });

  it('inverts the cdf for any p and ν (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (p, df) => {
          expectWithin(studentTCdf(studentTQuantile(p, df), df), p, 1e-10);
        },
      ),
    );
  });

  it('refuses p outside (0, 1) and non-positive degrees of freedom', () => {
    expect(() => studentTQuantile(1, 4)).toThrow(RangeError);
    expect(() => studentTQuantile(0, 4)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(/degrees of freedom/);
    expect(() => studentTQuantile(0.975, Number.NaN)).toThrow(/degrees of freedom/);
  });
});

describe('studentTCriticalValue', () => {
  it('is the 0.975 quantile for a 95 % two-sided interval, and the same when asked twice', () => {
    expectWithin(studentTCriticalValue(0.95, 4), 2.7764, 1e-4);
    expect(studentTCriticalValue(0.95, 4)).toBe(studentTCriticalValue(0.95, 4));
    expectWithin(studentTCriticalValue(0.99, 5), 4.0321, 1e-4);
  });
});

describe('studentTCdf and density', () => {
  it('has cdf ½ at 0 and the Cauchy cdf ½ + atan(t)/π for ν = 1', () => {
    expect(studentTCdf(0, 3)).toBe(0.5);
    for (const t of [-5, -1, 0.3, 2, 40]) expectWithin(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-12);
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
  });

  it('has the Cauchy density 1 / (π(1 + t²)) for ν = 1', () => {
    for (const t of [0, 1, -3]) expectWithin(studentTDensity(t, 1), 1 / (Math.PI * (1 + t * t)), 1e-12);
  });
});

describe('special functions', () => {
  it('logGamma: ln Γ(1) = 0, ln Γ(½) = ln √π, ln Γ(10) = ln 9!, ln Γ(0.1) = ln 9.513507698668732', () => {
    expectWithin(logGamma(1), 0, 1e-13);
    expectWithin(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-13);
    expectWithin(logGamma(10), Math.log(362880), 1e-12);
    expectWithin(logGamma(0.1), Math.log(9.513507698668732), 1e-12);
    expect(() => logGamma(0)).toThrow(RangeError);
  });

  it('regularizedIncompleteBeta: I_x(1, 1) = x, I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b, ends at 0 and 1', () => {
    for (const x of [0.1, 0.5, 0.93]) {
      expectWithin(regularizedIncompleteBeta(x, 1, 1), x, 1e-13);
      expectWithin(regularizedIncompleteBeta(x, 3.5, 1), x ** 3.5, 1e-13);
      expectWithin(regularizedIncompleteBeta(x, 1, 2.5), 1 - (1 - x) ** 2.5, 1e-13);
    }
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedIncompleteBeta(1.5, 2, 3)).toThrow(RangeError);
  });
});
