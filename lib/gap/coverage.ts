import type { TicketEntry } from './match';

/**
 * Coverage (DESIGN.md §4): how much of the agent's work the gap is measured on, both ways.
 * A gap over 10 % of the rated tickets says less than one over 90 %, and a low share of assessments
 * with a rating usually means low survey response, not bad assessing.
 */

/** Additive ticket counts behind {@link Coverage}. */
export interface CoverageCounts {
  /** Tickets with both an assessment and a rating. */
  matched: number;
  /** Tickets the agent assessed that have no rating (yet). */
  assessedOnly: number;
  /** Tickets with a rating that the agent did not assess. */
  ratedOnly: number;
}

export interface Coverage extends CoverageCounts {
  /** matched / (matched + ratedOnly): share of the agent's CSAT-rated tickets that were self-assessed; null with no rated tickets. */
  ratedAssessedShare: number | null;
  /** matched / (matched + assessedOnly): share of the agent's assessments that have a rating; null with no assessments. */
  assessedRatedShare: number | null;
}

/** Counts the entries given (already limited to one agent and one window) by kind. */
export function coverageCounts(entries: Iterable<TicketEntry>): CoverageCounts {
  const counts: CoverageCounts = { matched: 0, assessedOnly: 0, ratedOnly: 0 };
  for (const entry of entries) {
    if (entry.kind === 'matched') counts.matched += 1;
    else if (entry.kind === 'assessed-only') counts.assessedOnly += 1;
    else counts.ratedOnly += 1;
  }
  return counts;
}

/**
 * Coverage from counts:
 *
 *   ratedAssessedShare = matched / (matched + ratedOnly)
 *   assessedRatedShare = matched / (matched + assessedOnly)
 *
 * Shares are given at any sample size, with their counts: they describe the data, they do not
 * estimate anything, so the minimum-sample rule does not apply.
 */
export function coverageFromCounts(counts: CoverageCounts): Coverage {
  const rated = counts.matched + counts.ratedOnly;
  const assessed = counts.matched + counts.assessedOnly;
  return {
    ...counts,
    ratedAssessedShare: rated > 0 ? counts.matched / rated : null,
    assessedRatedShare: assessed > 0 ? counts.matched / assessed : null,
  };
}

/** Coverage of the entries given; see {@link coverageFromCounts}. */
export function coverage(entries: Iterable<TicketEntry>): Coverage {
  return coverageFromCounts(coverageCounts(entries));
}
