import type { CsatRating, SelfAssessment } from '../model';

/**
 * Matching self-assessments to CSAT ratings (DESIGN.md §4, Matching): an assessment and a rating
 * match when their `ticketKey` (`${origin}#${ticketId}`) is equal. Where a ticket has several
 * ratings (re-surveyed, re-rated), the latest by `updatedAt` is the verdict; an edited assessment
 * counts once, in its latest version.
 */

/** An assessment and the customer's verdict on the same ticket. */
export interface MatchedTicket {
  ticketKey: string;
  assessment: SelfAssessment;
  rating: CsatRating;
}

/**
 * Everything known about one ticket after de-duplication: assessed and rated, only assessed (no
 * CSAT yet, or never), or only rated (the agent did not assess it).
 */
export type TicketEntry =
  | { kind: 'matched'; ticketKey: string; assessment: SelfAssessment; rating: CsatRating }
  | { kind: 'assessed-only'; ticketKey: string; assessment: SelfAssessment; rating: null }
  | { kind: 'rated-only'; ticketKey: string; assessment: null; rating: CsatRating };

/** The three kinds of ticket, each sorted by ticket key so results never depend on input order. */
export interface TicketMatch {
  matched: MatchedTicket[];
  assessedOnly: SelfAssessment[];
  ratedOnly: CsatRating[];
}

/**
 * Compares two records' `updatedAt` as instants. Not as text: the schema allows any number of
 * fractional digits, and `…:00Z` sorts after `…:00.5Z` as text although it is earlier.
 */
function compareUpdatedAt(a: { updatedAt: string }, b: { updatedAt: string }): number {
  return Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
}

/**
 * The last resort when timestamps tie: an arbitrary but fixed order on the serialized records, so
 * the choice never depends on the order the records arrived in. Identical records are
 * interchangeable, whichever is returned.
 */
function laterBySerialization<T>(a: T, b: T): T {
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

/**
 * Picks the later of two versions of a ticket's rating: later `updatedAt` wins; on a tie, later
 * `createdAt` (the newer survey), then the greater id, then {@link laterBySerialization}.
 */
function laterRating(a: CsatRating, b: CsatRating): CsatRating {
  const byTime = compareUpdatedAt(a, b) || Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime !== 0) return byTime > 0 ? a : b;
  if (a.id !== b.id) return a.id > b.id ? a : b;
  return laterBySerialization(a, b);
}

/**
 * Picks the later of two versions of an assessment: later `updatedAt` wins. Equal timestamps only
 * happen when the same save arrives twice; see {@link laterBySerialization}.
 */
function laterAssessment(a: SelfAssessment, b: SelfAssessment): SelfAssessment {
  const byTime = compareUpdatedAt(a, b);
  if (byTime !== 0) return byTime > 0 ? a : b;
  return laterBySerialization(a, b);
}

function latestByTicket<T extends { ticketKey: string }>(
  records: Iterable<T>,
  later: (a: T, b: T) => T,
): Map<string, T> {
  const latest = new Map<string, T>();
  for (const record of records) {
    const current = latest.get(record.ticketKey);
    latest.set(record.ticketKey, current ? later(current, record) : record);
  }
  return latest;
}

/** The latest version of each ticket's assessment, by ticket key (greatest `updatedAt` wins). */
export function latestAssessments(assessments: Iterable<SelfAssessment>): Map<string, SelfAssessment> {
  return latestByTicket(assessments, laterAssessment);
}

/** Each ticket's verdict, by ticket key: the rating with the greatest `updatedAt`. */
export function latestRatings(ratings: Iterable<CsatRating>): Map<string, CsatRating> {
  return latestByTicket(ratings, laterRating);
}

/**
 * Every ticket that has an assessment or a rating, de-duplicated as above, sorted by ticket key.
 * The fixed order matters beyond tidiness: floating-point sums depend on the order of their terms,
 * and sorting makes every metric bit-for-bit independent of the order records were read in.
 */
export function ticketEntries(assessments: Iterable<SelfAssessment>, ratings: Iterable<CsatRating>): TicketEntry[] {
  const assessed = latestAssessments(assessments);
  const rated = latestRatings(ratings);
  const keys = [...assessed.keys()];
  for (const key of rated.keys()) if (!assessed.has(key)) keys.push(key);
  // The default sort orders strings by UTF-16 code units (as `<` does), natively and faster than a comparator.
  keys.sort();
  return keys.map((ticketKey): TicketEntry => {
    const assessment = assessed.get(ticketKey);
    const rating = rated.get(ticketKey);
    if (assessment && rating) return { kind: 'matched', ticketKey, assessment, rating };
    if (assessment) return { kind: 'assessed-only', ticketKey, assessment, rating: null };
    return { kind: 'rated-only', ticketKey, assessment: null, rating: rating! };
  });
}

/** Splits ticket entries into matched pairs and the two unmatched lists, keeping their order. */
export function splitEntries(entries: Iterable<TicketEntry>): TicketMatch {
  const match: TicketMatch = { matched: [], assessedOnly: [], ratedOnly: [] };
  for (const entry of entries) {
    if (entry.kind === 'matched')
      match.matched.push({ ticketKey: entry.ticketKey, assessment: entry.assessment, rating: entry.rating });
    else if (entry.kind === 'assessed-only') match.assessedOnly.push(entry.assessment);
    else match.ratedOnly.push(entry.rating);
  }
  return match;
}

/**
 * Matches assessments to ratings by ticket key (DESIGN.md §4): the latest assessment version of
 * each ticket, paired with the latest rating of that ticket; the rest as unmatched lists.
 */
export function matchTickets(assessments: Iterable<SelfAssessment>, ratings: Iterable<CsatRating>): TicketMatch {
  return splitEntries(ticketEntries(assessments, ratings));
}
