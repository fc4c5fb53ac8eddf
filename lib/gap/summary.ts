import {
  calibrationCounts,
  calibrationFromCounts,
  topRatedCounts,
  topRatedOutcomeFromCounts,
  type Calibration,
  type CalibrationCounts,
  type TopRatedCounts,
  type TopRatedOutcome,
} from './calibration';
import type { MatchedTicket } from './match';
import { gapMoments, personalGapFromMoments, type GapMoments, type PersonalGap } from './personal-gap';

/**
 * The metrics over a sample of matched tickets that share one shape in the headline, in each trend
 * bucket and in a merged aggregate.
 */
export interface MatchedSummary {
  /** Matched tickets in the sample. */
  n: number;
  personalGap: PersonalGap;
  calibration: Calibration;
  topRated: TopRatedOutcome;
}

/** The additive sums behind a {@link MatchedSummary}. */
export interface MatchedMoments {
  gap: GapMoments;
  calibration: CalibrationCounts;
  topRated: TopRatedCounts;
}

export function matchedMoments(pairs: readonly MatchedTicket[]): MatchedMoments {
  return { gap: gapMoments(pairs), calibration: calibrationCounts(pairs), topRated: topRatedCounts(pairs) };
}

export function summaryFromMoments(moments: MatchedMoments): MatchedSummary {
  return {
    n: moments.gap.n,
    personalGap: personalGapFromMoments(moments.gap),
    calibration: calibrationFromCounts(moments.calibration),
    topRated: topRatedOutcomeFromCounts(moments.topRated),
  };
}

/** Personal gap, calibration and "how your 5s fared" of the matched tickets given. */
export function summarizeMatched(pairs: readonly MatchedTicket[]): MatchedSummary {
  return summaryFromMoments(matchedMoments(pairs));
}
