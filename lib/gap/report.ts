import { standardSetKey, type CsatRating, type SelfAssessment, type TicketRef } from '../model';
import { attributedAgent, attributedDay, isAgentIncluded, type AgentFilter } from './attribution';
import { blindSpots, type StandardComparison } from './blind-spots';
import { assertDateWindow, assertTimeZone, isDayInWindow, type DateWindow, type LocalDay } from './calendar';
import { coverage, type Coverage } from './coverage';
import { splitEntries, ticketEntries } from './match';
import { seriesOfDatedPairs, type DatedPair, type SeriesBucket } from './series';
import {
  standardSetOf,
  standardsScore,
  toStandardSetLookup,
  type StandardSetLookup,
  type StandardSetsInput,
} from './standards-score';
import { summarizeMatched, type MatchedSummary } from './summary';
import { normalizedPrediction, normalizedRating, ticketGap } from './ticket-gap';

/** The numbers of a gap report, which a merged aggregate reproduces (see aggregate.ts). */
export interface GapMetrics {
  /** Personal gap, calibration and "how your 5s fared" over the matched tickets. */
  summary: MatchedSummary;
  /** Every standard scored on a matched ticket, blind spots (`flagged`) first; see blindSpotsFromTallies. */
  blindSpots: StandardComparison[];
  coverage: Coverage;
  /** Per ISO week, in the user's time zone. */
  weekly: SeriesBucket[];
  /** Per calendar month, in the user's time zone. */
  monthly: SeriesBucket[];
}

/** One matched ticket with its numbers, for the side panel's ticket list. */
export interface TicketGapRow {
  ticketKey: string;
  ticket: TicketRef;
  /** The agent the ticket is attributed to: the assessor. */
  agentId: string | null;
  /** The assessment's `createdAt`, and the local day it falls on. */
  assessedAt: string;
  day: LocalDay;
  /** Normalized prediction, normalized rating, and their difference. */
  predicted: number;
  actual: number;
  gap: number;
  predictedSatisfied: boolean;
  actualSatisfied: boolean;
  /** Weighted standards score, null when all N/A or the set version is unknown. */
  standardsScore: number | null;
  assessment: SelfAssessment;
  rating: CsatRating;
}

/** Everything the side panel shows about one agent (or everyone) in one window. */
export interface GapReport extends GapMetrics {
  timeZone: string;
  window: DateWindow | null;
  /** Matched tickets, newest assessment first. */
  tickets: TicketGapRow[];
  /** The agent's assessments that have no CSAT (yet), newest first. */
  assessedWithoutCsat: SelfAssessment[];
  /** The agent's CSAT-rated tickets they did not assess, newest rating first. */
  csatWithoutAssessment: CsatRating[];
  /** `${id}@${version}` of set versions matched assessments refer to but `standardSets` lacks. */
  missingStandardSets: string[];
}

export interface GapReportInput {
  /** Any number of versions per ticket; the latest counts. */
  assessments: Iterable<SelfAssessment>;
  /** Any number of ratings per ticket; the latest by `updatedAt` is the verdict. */
  ratings: Iterable<CsatRating>;
  /** Every set version the assessments may refer to, as a list or a lookup by `${id}@${version}`. */
  standardSets: StandardSetsInput;
  /** Whose tickets; everyone's when left out. See {@link AgentFilter}. */
  agentId?: AgentFilter;
  /** Local days to include (both ends included); all when left out. */
  window?: DateWindow | null;
  /** The user's IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: string;
}

/**
 * Sorts newest first by an ISO instant, then by ticket key so equal times keep a fixed order.
 * Instants are parsed once per item, not once per comparison.
 */
function sortNewestFirst<T>(items: readonly T[], instant: (item: T) => string, ticketKey: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, time: Date.parse(instant(item)), key: ticketKey(item) }))
    .sort((a, b) => b.time - a.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
}

function ticketRow({ pair, day }: DatedPair, sets: StandardSetLookup): TicketGapRow {
  const { assessment, rating } = pair;
  return {
    ticketKey: pair.ticketKey,
    ticket: assessment.ticket,
    agentId: assessment.agentId,
    assessedAt: assessment.createdAt,
    day,
    predicted: normalizedPrediction(assessment),
    actual: normalizedRating(rating),
    gap: ticketGap(pair),
    predictedSatisfied: assessment.predictedCsat.satisfied,
    actualSatisfied: rating.rating.satisfied,
    standardsScore: standardsScore(assessment, sets),
    assessment,
    rating,
  };
}

/**
 * The whole gap report from raw records, in one pass over them:
 * 1. de-duplicate and match by ticket key ({@link ticketEntries}): latest assessment version,
 *    latest rating by `updatedAt`;
 * 2. keep the tickets attributed to `agentId` ({@link attributedAgent}) whose local day
 *    ({@link attributedDay}: assessment `createdAt`, else rating `createdAt`) is in `window`;
 * 3. compute every DESIGN.md §4 metric over what is left: personal gap with CI, calibration,
 *    "how your 5s fared", blind spots, coverage, weekly and monthly series; plus the ticket lists.
 *
 * This reads every record, which is right for tests, exports and small data; the side panel over
 * 100k records reads an aggregate instead (aggregate.ts), which gives the same {@link GapMetrics}.
 */
export function computeGapReport(input: GapReportInput): GapReport {
  const { timeZone } = input;
  assertTimeZone(timeZone);
  const window = input.window ? assertDateWindow(input.window) : null;
  const sets = toStandardSetLookup(input.standardSets);

  // Each ticket is placed on its local day once: time-zone conversion is the costliest step here.
  const placed = ticketEntries(input.assessments, input.ratings)
    .filter((entry) => isAgentIncluded(attributedAgent(entry), input.agentId))
    .map((entry) => ({ entry, day: attributedDay(entry, timeZone) }))
    .filter(({ day }) => isDayInWindow(day, window));
  const entries = placed.map(({ entry }) => entry);
  const { matched, assessedOnly, ratedOnly } = splitEntries(entries);
  const dated: DatedPair[] = placed.flatMap(({ entry, day }) =>
    entry.kind === 'matched'
      ? [{ pair: { ticketKey: entry.ticketKey, assessment: entry.assessment, rating: entry.rating }, day }]
      : [],
  );

  const missingStandardSets = new Set<string>();
  for (const { assessment } of matched) {
    if (!standardSetOf(assessment, sets))
      missingStandardSets.add(standardSetKey(assessment.standardSetId, assessment.standardSetVersion));
  }

  return {
    timeZone,
    window,
    summary: summarizeMatched(matched),
    blindSpots: blindSpots(matched, sets),
    coverage: coverage(entries),
    weekly: seriesOfDatedPairs(dated, { granularity: 'week', timeZone, window }),
    monthly: seriesOfDatedPairs(dated, { granularity: 'month', timeZone, window }),
    tickets: sortNewestFirst(
      dated.map((item) => ticketRow(item, sets)),
      (row) => row.assessedAt,
      (row) => row.ticketKey,
    ),
    assessedWithoutCsat: sortNewestFirst(
      assessedOnly,
      (a) => a.createdAt,
      (a) => a.ticketKey,
    ),
    csatWithoutAssessment: sortNewestFirst(
      ratedOnly,
      (r) => r.createdAt,
      (r) => r.ticketKey,
    ),
    missingStandardSets: [...missingStandardSets].sort(),
  };
}
