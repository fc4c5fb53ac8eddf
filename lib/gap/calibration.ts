import type { MatchedTicket } from './match';
import { MIN_SAMPLE } from './personal-gap';
import { isTopRated } from './standards-score';
import { normalizedPrediction } from './ticket-gap';

/**
 * How well the agent's prediction of satisfied / not satisfied matches the customer (DESIGN.md §4):
 * agreement, overestimation rate, Brier score, and "how your 5s fared". "Satisfied" on either side
 * is the strict flag of the scale point (neutral answers are not satisfied), stored with the value.
 */

/** Additive counts behind {@link Calibration}; sums of disjoint samples add up. */
export interface CalibrationCounts {
  /** Matched tickets. */
  n: number;
  /** Tickets where predicted satisfied == actual satisfied. */
  agreeing: number;
  /** Tickets where the agent predicted satisfied and the customer was not. */
  overestimated: number;
  /** Σ (normalized prediction − actual satisfied as 0/1)². */
  brierSum: number;
}

export type Calibration =
  | {
      status: 'ok';
      n: number;
      /** agreeing / n: share where predicted satisfied == actual satisfied. */
      agreement: number;
      /** overestimated / n: share of all matched tickets predicted satisfied that the customer was not. */
      overestimationRate: number;
      /** brierSum / n, in [0, 1]; 0 is perfect, always predicting the middle of the scale gives 0.25. */
      brierScore: number;
    }
  | { status: 'not-enough-data'; n: number; minimum: number };

/** Squared error of one prediction against the verdict: (p − y)², y = 1 if satisfied else 0. */
export function brierTerm(pair: MatchedTicket): number {
  const error = normalizedPrediction(pair.assessment) - (pair.rating.rating.satisfied ? 1 : 0);
  return error * error;
}

export function calibrationCounts(pairs: readonly MatchedTicket[]): CalibrationCounts {
  const counts: CalibrationCounts = { n: 0, agreeing: 0, overestimated: 0, brierSum: 0 };
  for (const pair of pairs) {
    const predicted = pair.assessment.predictedCsat.satisfied;
    const actual = pair.rating.rating.satisfied;
    counts.n += 1;
    if (predicted === actual) counts.agreeing += 1;
    if (predicted && !actual) counts.overestimated += 1;
    counts.brierSum += brierTerm(pair);
  }
  return counts;
}

/**
 * Calibration from its counts:
 *
 *   agreement          = #(predicted satisfied = actual satisfied) / n
 *   overestimationRate = #(predicted satisfied ∧ ¬actual satisfied) / n
 *   brierScore         = Σ (p − y)² / n,  p = normalized prediction, y = actual satisfied as 0/1
 *
 * The overestimation rate is over all matched tickets, not only the ones predicted satisfied, as
 * DESIGN.md defines it. Fewer than {@link MIN_SAMPLE} tickets → `not-enough-data`.
 */
export function calibrationFromCounts(counts: CalibrationCounts): Calibration {
  const { n } = counts;
  if (n < MIN_SAMPLE) return { status: 'not-enough-data', n, minimum: MIN_SAMPLE };
  return {
    status: 'ok',
    n,
    agreement: counts.agreeing / n,
    overestimationRate: counts.overestimated / n,
    brierScore: counts.brierSum / n,
  };
}

/** Agreement, overestimation rate and Brier score of the matched tickets given; see {@link calibrationFromCounts}. */
export function calibration(pairs: readonly MatchedTicket[]): Calibration {
  return calibrationFromCounts(calibrationCounts(pairs));
}

/** Additive counts behind {@link TopRatedOutcome}. */
export interface TopRatedCounts {
  /** Matched tickets the agent rated at the top ({@link isTopRated}). */
  n: number;
  /** …of which the customer was satisfied. */
  satisfied: number;
}

export type TopRatedOutcome =
  | {
      status: 'ok';
      n: number;
      satisfied: number;
      /** satisfied / n. */
      satisfiedShare: number;
    }
  | { status: 'not-enough-data'; n: number; minimum: number };

export function topRatedCounts(pairs: readonly MatchedTicket[]): TopRatedCounts {
  const counts: TopRatedCounts = { n: 0, satisfied: 0 };
  for (const pair of pairs) {
    if (!isTopRated(pair.assessment)) continue;
    counts.n += 1;
    if (pair.rating.rating.satisfied) counts.satisfied += 1;
  }
  return counts;
}

/**
 * "How your 5s fared":
 *
 *   satisfiedShare = #(top-rated ∧ customer satisfied) / #(top-rated)
 *
 * where top-rated means every standard the agent scored on the ticket got a 5 (standards score 1;
 * see {@link isTopRated}). The sample is the top-rated tickets, so it needs {@link MIN_SAMPLE} of
 * them before it becomes a number.
 */
export function topRatedOutcomeFromCounts(counts: TopRatedCounts): TopRatedOutcome {
  if (counts.n < MIN_SAMPLE) return { status: 'not-enough-data', n: counts.n, minimum: MIN_SAMPLE };
  return { status: 'ok', n: counts.n, satisfied: counts.satisfied, satisfiedShare: counts.satisfied / counts.n };
}

/** "How your 5s fared" over the matched tickets given; see {@link topRatedOutcomeFromCounts}. */
export function topRatedOutcome(pairs: readonly MatchedTicket[]): TopRatedOutcome {
  return topRatedOutcomeFromCounts(topRatedCounts(pairs));
}
