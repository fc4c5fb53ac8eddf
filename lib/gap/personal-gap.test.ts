import { describe, expect, it } from 'vitest';
import { MIN_SAMPLE, personalGap, personalGapFromMoments, sampleVariance } from './personal-gap';
import { FRESHDESK_POINTS_SCALE } from '../helpdesks/shared/scales';
import { BAD, GOOD, on, pair, stars } from './test-support';

describe('personalGap', () => {
  it('computes mean, standard deviation and the 95 % Student-t interval (hand-computed)', () => {
    const pairs = [
      pair('1', stars(5), stars(3)), // 1    − 0.5  = 0.5
      pair('2', stars(4), stars(3)), // 0.75 − 0.5  = 0.25
      pair('3', GOOD, GOOD), //         1    − 1    = 0
      pair('4', stars(3), stars(2)), // 0.5  − 0.25 = 0.25
      pair('5', stars(3), stars(1)), // 0.5  − 0    = 0.5
    ];
    // mean = 1.5 / 5 = 0.3; predicted (1 + .75 + 1 + .5 + .5) / 5 = 0.75; actual (.5 + .5 + 1 + .25 + 0) / 5 = 0.45
    // deviations .2, −.05, −.3, −.05, .2 → squares .04 + .0025 + .09 + .0025 + .04 = 0.175
    // s = √(0.175 / 4) = √0.04375 = 0.2091650066; se = s / √5 = 0.0935414347
    // t(0.975, 4) = 2.7764451052 → margin = 0.2597126584 → CI [0.0402873416, 0.5597126584]
    const gap = personalGap(pairs);
    expect(gap.status).toBe('ok');
    if (gap.status !== 'ok') return;
    expect(gap.n).toBe(5);
    expect(gap.mean).toBeCloseTo(0.3, 12);
    expect(gap.predictedMean).toBeCloseTo(0.75, 12);
    expect(gap.actualMean).toBeCloseTo(0.45, 12);
    expect(gap.standardDeviation).toBeCloseTo(0.2091650066, 9);
    expect(gap.standardError).toBeCloseTo(0.0935414347, 9);
    expect(gap.confidenceInterval.level).toBe(0.95);
    expect(gap.confidenceInterval.low).toBeCloseTo(0.0402873416, 9);
    expect(gap.confidenceInterval.high).toBeCloseTo(0.5597126584, 9);
  });

  it('says "not enough data" below the minimum sample, with n, and never a number', () => {
    expect(MIN_SAMPLE).toBe(5);
    const four = ['1', '2', '3', '4'].map((id) => pair(id, GOOD, BAD));
    expect(personalGap(four)).toEqual({ status: 'not-enough-data', n: 4, minimum: 5 });
    expect(personalGap(four.slice(0, 1))).toEqual({ status: 'not-enough-data', n: 1, minimum: 5 });
    expect(personalGap([])).toEqual({ status: 'not-enough-data', n: 0, minimum: 5 });
  });

  it('gives a zero-width interval when every gap is the same', () => {
    // five tickets, each 0.75 − 0.5 = 0.25: s = 0, CI [0.25, 0.25]
    const gap = personalGap(['1', '2', '3', '4', '5'].map((id) => pair(id, stars(4), stars(3))));
    expect(gap).toMatchObject({
      status: 'ok',
      mean: 0.25,
      standardDeviation: 0,
      confidenceInterval: { low: 0.25, high: 0.25 },
    });
  });

  it('reports no spread for equal gaps that are not exact in binary (the variance floor)', () => {
    // Freshdesk 103 (1) predicted, 102 (5/6) given: gap 1 − 0.8333… = 0.16666666666666663 five times.
    // In floating point (Σg² − (Σg)²/5) / 4 = 6.9e-18, not 0: without the floor s would be √6.9e-18 ≈ 2.6e-9.
    const pairs = ['1', '2', '3', '4', '5'].map((id) =>
      pair(id, on(FRESHDESK_POINTS_SCALE, 103), on(FRESHDESK_POINTS_SCALE, 102)),
    );
    expect(personalGap(pairs)).toMatchObject({ status: 'ok', standardDeviation: 0, standardError: 0 });
  });

  it('cuts the interval at 1, the largest possible mean gap', () => {
    // gaps 1, 1, 1, 1, 0.5: mean 0.9, s = √((4·0.01 + 0.16) / 4) = √0.05, se = √0.05 / √5 = 0.1
    // margin 2.7764451052 · 0.1 = 0.2776445105 → [0.6223554895, 1.1776…] → high cut to 1
    const pairs = [...['1', '2', '3', '4'].map((id) => pair(id, GOOD, BAD)), pair('5', GOOD, stars(3))];
    const gap = personalGap(pairs);
    if (gap.status !== 'ok') throw new Error('expected a number');
    expect(gap.mean).toBeCloseTo(0.9, 12);
    expect(gap.confidenceInterval.low).toBeCloseTo(0.6223554895, 9);
    expect(gap.confidenceInterval.high).toBe(1);
  });
});

describe('moments', () => {
  it('sampleVariance is (Σg² − (Σg)²/n) / (n − 1) and floors rounding noise to 0', () => {
    // values 1, 2, 3: Σ = 6, Σ² = 14 → (14 − 36/3) / 2 = 1
    expect(sampleVariance(3, 6, 14)).toBe(1);
    // two equal values 0.1: exactly (0.02 − 0.04/2) / 1 = 0, but in floating point the sums can be
    // off by an ulp; ±1e-17 must read as 0, not as a spread of √1e-17 ≈ 3e-9
    expect(sampleVariance(2, 0.2, 0.02 + 1e-17)).toBe(0);
    expect(sampleVariance(2, 0.2, 0.02 - 1e-17)).toBe(0);
    expect(() => sampleVariance(1, 1, 1)).toThrow(RangeError);
  });

  it('personalGapFromMoments reproduces personalGap from the sums alone', () => {
    // gaps 0.5, 0.25, 0, 0.25, 0.5 from the first test: Σ = 1.5, Σ² = .25 + .0625 + 0 + .0625 + .25 = 0.625
    const fromMoments = personalGapFromMoments({
      n: 5,
      predictedSum: 3.75,
      actualSum: 2.25,
      gapSum: 1.5,
      gapSquareSum: 0.625,
    });
    expect(fromMoments).toMatchObject({ status: 'ok', mean: 0.3, predictedMean: 0.75, actualMean: 0.45 });
    if (fromMoments.status === 'ok') expect(fromMoments.standardDeviation).toBeCloseTo(0.2091650066, 9);
  });
});
