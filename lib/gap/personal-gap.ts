import type { MatchedTicket } from './match';
import { studentTCriticalValue } from './t-distribution';
import { normalizedPrediction, normalizedRating, ticketGap } from './ticket-gap';

/**
 * The minimum number of matched tickets behind any number GapLens shows about a sample (DESIGN.md
 * §4, Minimum sample). Below it a metric reports `{ status: 'not-enough-data', n }` instead of a
 * value: with four tickets or fewer, a single unusual customer moves a mean gap by 0.25 or more,
 * and the 95 % interval is wider than the gap scale itself.
 */
export const MIN_SAMPLE = 5;

/** The confidence level of every interval GapLens shows. */
export const CONFIDENCE_LEVEL = 0.95;

/**
 * Sample variances below this are reported as exactly 0. Gaps are differences of points on CSAT
 * scales whose steps are at least 1/12 apart, so a real spread has a variance many orders of
 * magnitude larger; anything this small is rounding noise of Σg² − (Σg)²/n, and without the floor
 * √(noise) ≈ 1e-8 would make "all gaps equal" show a spread that depends on summation order.
 */
export const VARIANCE_FLOOR = 1e-12;

/**
 * The sums a personal gap is computed from. They are additive — the moments of two disjoint sets
 * of tickets are the sums of their moments — which is what lets per-day aggregates be merged into
 * any window (see aggregate.ts) with the same result as a recomputation.
 */
export interface GapMoments {
  /** Matched tickets. */
  n: number;
  /** Σ normalized prediction. */
  predictedSum: number;
  /** Σ normalized rating. */
  actualSum: number;
  /** Σ ticket gap. */
  gapSum: number;
  /** Σ ticket gap². */
  gapSquareSum: number;
}

/** A mean with its 95 % Student-t confidence interval. */
export interface ConfidenceInterval {
  level: number;
  low: number;
  high: number;
}

/** The personal gap of a sample of matched tickets; a number only from {@link MIN_SAMPLE} tickets on. */
export type PersonalGap =
  | {
      status: 'ok';
      n: number;
      /** Mean ticket gap, in [−1, 1]; positive = the agent expected better than customers said. */
      mean: number;
      /** Mean normalized prediction. */
      predictedMean: number;
      /** Mean normalized customer rating. */
      actualMean: number;
      /** Sample standard deviation of the ticket gaps (n − 1 in the denominator). */
      standardDeviation: number;
      /** standardDeviation / √n. */
      standardError: number;
      confidenceInterval: ConfidenceInterval;
    }
  | { status: 'not-enough-data'; n: number; minimum: number };

/** Σ over the pairs of prediction, rating, gap and gap² (see {@link GapMoments}). */
export function gapMoments(pairs: readonly MatchedTicket[]): GapMoments {
  const moments: GapMoments = { n: 0, predictedSum: 0, actualSum: 0, gapSum: 0, gapSquareSum: 0 };
  for (const pair of pairs) {
    const gap = ticketGap(pair);
    moments.n += 1;
    moments.predictedSum += normalizedPrediction(pair.assessment);
    moments.actualSum += normalizedRating(pair.rating);
    moments.gapSum += gap;
    moments.gapSquareSum += gap * gap;
  }
  return moments;
}

/**
 * Sample variance from moments: s² = (Σg² − (Σg)² / n) / (n − 1), for n ≥ 2.
 * The one-pass formula is used (not two passes over the data) because only sums survive in an
 * aggregate; with gaps bounded by 1 its rounding error stays near 1e-16, and {@link VARIANCE_FLOOR}
 * removes the noise where the true variance is 0.
 */
export function sampleVariance(n: number, sum: number, sumOfSquares: number): number {
  if (n < 2) throw new RangeError(`a sample variance needs at least 2 values, got ${n}`);
  const variance = (sumOfSquares - (sum * sum) / n) / (n - 1);
  return variance < VARIANCE_FLOOR ? 0 : variance;
}

/**
 * The personal gap from its moments (DESIGN.md §4):
 *
 *   mean = Σg / n
 *   s    = √((Σg² − (Σg)²/n) / (n − 1))
 *   CI   = mean ± t_{0.975, n−1} · s / √n, intersected with [−1, 1]
 *
 * The intersection only removes values a mean gap cannot take, so the interval keeps its 95 %
 * coverage. Fewer than {@link MIN_SAMPLE} tickets → `not-enough-data`.
 */
export function personalGapFromMoments(moments: GapMoments): PersonalGap {
  const { n } = moments;
  if (n < MIN_SAMPLE) return { status: 'not-enough-data', n, minimum: MIN_SAMPLE };
  const mean = moments.gapSum / n;
  const standardDeviation = Math.sqrt(sampleVariance(n, moments.gapSum, moments.gapSquareSum));
  const standardError = standardDeviation / Math.sqrt(n);
  const margin = studentTCriticalValue(CONFIDENCE_LEVEL, n - 1) * standardError;
  return {
    status: 'ok',
    n,
    mean,
    predictedMean: moments.predictedSum / n,
    actualMean: moments.actualSum / n,
    standardDeviation,
    standardError,
    confidenceInterval: { level: CONFIDENCE_LEVEL, low: Math.max(-1, mean - margin), high: Math.min(1, mean + margin) },
  };
}

/**
 * Personal gap = mean ticket gap over the matched tickets given (already limited to one agent and
 * one window), with n, standard deviation and 95 % Student-t interval; see
 * {@link personalGapFromMoments} for the formulas.
 */
export function personalGap(pairs: readonly MatchedTicket[]): PersonalGap {
  return personalGapFromMoments(gapMoments(pairs));
}
