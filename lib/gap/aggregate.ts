import { attributedAgent, attributedDay, isAgentIncluded, type AgentFilter } from './attribution';
import { blindSpotsFromTallies, standardTallies, type StandardKey, type StandardTally } from './blind-spots';
import { assertDateWindow, assertTimeZone, isDayInWindow, type DateWindow, type LocalDay } from './calendar';
import { coverageFromCounts } from './coverage';
import type { TicketEntry } from './match';
import type { GapMetrics } from './report';
import { bucketOfDay, bucketRange, seriesKeys, type SeriesBucket, type SeriesGranularity } from './series';
import { toStandardSetLookup, type StandardSetsInput } from './standards-score';
import { matchedMoments, summaryFromMoments, type MatchedMoments } from './summary';

/**
 * Incremental aggregates, so the side panel can show a report over 100k records within 200 ms
 * without reading them: the sums and counts every metric is made of, kept per (agent, local day,
 * standard). A change to a ticket removes its old contribution and adds its new one
 * ({@link replaceTicket}); a report merges the cells of a window ({@link reportFromAggregate}) and
 * gives the same numbers as `computeGapReport` (report.ts) over the raw records (tests hold it to 1e-9).
 *
 * Why local days and not ISO weeks: weeks straddle month ends, so monthly trends and date windows
 * (DESIGN.md §4) cannot be rebuilt from weekly cells. Days compose exactly into weeks, months and any
 * date window, and cost little more: one cell per agent per working day.
 *
 * Everything here is plain, JSON- and structured-clone-safe data, ready to be stored (lib/db) as one
 * row per cell. Cells are keyed by local day in the aggregate's time zone: when the user changes
 * time zone, rebuild it ({@link buildAggregate}).
 */

export const AGGREGATE_VERSION = 1;

/** The sums and counts of all tickets attributed to one agent on one local day. */
export interface AggregateCell {
  agentId: string | null;
  day: LocalDay;
  /** Coverage counts. `matched` is also the n of every sum below except the standards. */
  matched: number;
  assessedOnly: number;
  ratedOnly: number;
  /** Σ normalized prediction, Σ normalized rating, Σ gap, Σ gap² over matched tickets. */
  predictedSum: number;
  actualSum: number;
  gapSum: number;
  gapSquareSum: number;
  /** #(predicted satisfied = actual satisfied), #(predicted satisfied ∧ ¬actual satisfied), Σ (p − y)². */
  agreeing: number;
  overestimated: number;
  brierSum: number;
  /** #(matched, every scored standard 5) and how many of those the customer was satisfied with. */
  topRated: number;
  topRatedSatisfied: number;
  /** Per standard: Σ and # of normalized self-scores on happy and on unhappy matched tickets. */
  standards: Record<StandardKey, StandardTally>;
}

export interface Aggregate {
  version: typeof AGGREGATE_VERSION;
  /** The IANA time zone the cells' days are in. */
  timeZone: string;
  /** By {@link aggregateCellKey}. A cell whose counts all return to zero is removed. */
  cells: Readonly<Record<string, AggregateCell>>;
}

/** `["agentId","2026-11-23"]`: JSON keeps a null agent and any id unambiguous. */
export function aggregateCellKey(agentId: string | null, day: LocalDay): string {
  return JSON.stringify([agentId, day]);
}

export function emptyAggregate(timeZone: string): Aggregate {
  assertTimeZone(timeZone);
  return { version: AGGREGATE_VERSION, timeZone, cells: {} };
}

/** A cell with nothing in it yet, at `agentId` and `day` (also the start of lib/gap-store's level cells). */
export function emptyCell(agentId: string | null, day: LocalDay): AggregateCell {
  return {
    agentId,
    day,
    matched: 0,
    assessedOnly: 0,
    ratedOnly: 0,
    predictedSum: 0,
    actualSum: 0,
    gapSum: 0,
    gapSquareSum: 0,
    agreeing: 0,
    overestimated: 0,
    brierSum: 0,
    topRated: 0,
    topRatedSatisfied: 0,
    standards: {},
  };
}

/**
 * What one ticket adds to the aggregate: a cell of its own, at its attributed agent and day.
 * Made with the same per-sample functions the direct report uses, so both agree by construction
 * on what a single ticket contributes.
 */
export function ticketContribution(entry: TicketEntry, timeZone: string): AggregateCell {
  const cell = emptyCell(attributedAgent(entry), attributedDay(entry, timeZone));
  if (entry.kind === 'assessed-only') cell.assessedOnly = 1;
  else if (entry.kind === 'rated-only') cell.ratedOnly = 1;
  else {
    const pairs = [{ ticketKey: entry.ticketKey, assessment: entry.assessment, rating: entry.rating }];
    const moments = matchedMoments(pairs);
    cell.matched = 1;
    cell.predictedSum = moments.gap.predictedSum;
    cell.actualSum = moments.gap.actualSum;
    cell.gapSum = moments.gap.gapSum;
    cell.gapSquareSum = moments.gap.gapSquareSum;
    cell.agreeing = moments.calibration.agreeing;
    cell.overestimated = moments.calibration.overestimated;
    cell.brierSum = moments.calibration.brierSum;
    cell.topRated = moments.topRated.n;
    cell.topRatedSatisfied = moments.topRated.satisfied;
    for (const [key, tally] of standardTallies(pairs)) cell.standards[key] = tally;
  }
  return cell;
}

/** A cell's counts, and the sums that exist only while `matched` > 0. */
const CELL_COUNTS = [
  'matched',
  'assessedOnly',
  'ratedOnly',
  'agreeing',
  'overestimated',
  'topRated',
  'topRatedSatisfied',
] as const;
const MATCHED_SUMS = ['predictedSum', 'actualSum', 'gapSum', 'gapSquareSum', 'brierSum'] as const;

/**
 * Adds (sign = 1) or removes (sign = −1) a contribution, returning a new cell at `base`'s agent and
 * `day` (default `base.day`; lib/gap-store rolls day cells up into week and month cells with it), or
 * null when nothing is left. When a count returns to zero its sums are set to exactly 0, so rounding
 * residue of x + y − y cannot leak into a later mean. A count below zero means a ticket was folded
 * out that was never folded in — a bookkeeping bug the caller must hear about.
 */
export function combineCells(
  base: AggregateCell,
  change: AggregateCell,
  sign: 1 | -1,
  day: LocalDay = base.day,
): AggregateCell | null {
  const next = emptyCell(base.agentId, day);
  for (const count of CELL_COUNTS) next[count] = base[count] + sign * change[count];
  if (next.matched > 0) for (const sum of MATCHED_SUMS) next[sum] = base[sum] + sign * change[sum];
  const counts: number[] = CELL_COUNTS.map((count) => next[count]);

  const keys = new Set([...Object.keys(base.standards), ...Object.keys(change.standards)]);
  for (const key of keys) {
    const a = base.standards[key] ?? { happyN: 0, happySum: 0, unhappyN: 0, unhappySum: 0 };
    const b = change.standards[key] ?? { happyN: 0, happySum: 0, unhappyN: 0, unhappySum: 0 };
    const happyN = a.happyN + sign * b.happyN;
    const unhappyN = a.unhappyN + sign * b.unhappyN;
    counts.push(happyN, unhappyN);
    if (happyN === 0 && unhappyN === 0) continue;
    next.standards[key] = {
      happyN,
      happySum: happyN > 0 ? a.happySum + sign * b.happySum : 0,
      unhappyN,
      unhappySum: unhappyN > 0 ? a.unhappySum + sign * b.unhappySum : 0,
    };
  }

  if (counts.some((count) => count < 0)) {
    throw new Error(
      `aggregate cell ${aggregateCellKey(base.agentId, day)} would go negative: a ticket was folded out that was never folded in`,
    );
  }
  return counts.every((count) => count === 0) ? null : next;
}

/** Applies contributions to a private copy of the cells; the public functions stay pure. */
function applyContributions(aggregate: Aggregate, changes: Iterable<{ entry: TicketEntry; sign: 1 | -1 }>): Aggregate {
  const cells: Record<string, AggregateCell> = { ...aggregate.cells };
  for (const { entry, sign } of changes) {
    const contribution = ticketContribution(entry, aggregate.timeZone);
    const key = aggregateCellKey(contribution.agentId, contribution.day);
    const next = combineCells(cells[key] ?? emptyCell(contribution.agentId, contribution.day), contribution, sign);
    if (next) cells[key] = next;
    else delete cells[key];
  }
  return { ...aggregate, cells };
}

/** The aggregate with one more ticket in it. */
export function foldIn(aggregate: Aggregate, entry: TicketEntry): Aggregate {
  return applyContributions(aggregate, [{ entry, sign: 1 }]);
}

/** The aggregate without a ticket that was folded in before, exactly as it was folded in. */
export function foldOut(aggregate: Aggregate, entry: TicketEntry): Aggregate {
  return applyContributions(aggregate, [{ entry, sign: -1 }]);
}

/**
 * A change to one ticket — an assessment saved or edited, a rating arriving or re-rated: fold out
 * the ticket's entry as it was (null if the ticket was unknown) and fold in the entry as it is now
 * (null if it is gone). Both entries are the de-duplicated state of the ticket (latest assessment,
 * latest rating), as {@link ticketEntries} makes it.
 */
export function replaceTicket(aggregate: Aggregate, before: TicketEntry | null, after: TicketEntry | null): Aggregate {
  const changes: { entry: TicketEntry; sign: 1 | -1 }[] = [];
  if (before) changes.push({ entry: before, sign: -1 });
  if (after) changes.push({ entry: after, sign: 1 });
  return applyContributions(aggregate, changes);
}

/** An aggregate of the given ticket entries (each ticket once), from scratch. */
export function buildAggregate(entries: Iterable<TicketEntry>, timeZone: string): Aggregate {
  const changes = [...entries].map((entry) => ({ entry, sign: 1 as const }));
  return applyContributions(emptyAggregate(timeZone), changes);
}

/** Σ over cells of the matched-ticket sums, in the shape the summary functions take. */
function mergedMoments(cells: readonly AggregateCell[]): MatchedMoments {
  const moments: MatchedMoments = {
    gap: { n: 0, predictedSum: 0, actualSum: 0, gapSum: 0, gapSquareSum: 0 },
    calibration: { n: 0, agreeing: 0, overestimated: 0, brierSum: 0 },
    topRated: { n: 0, satisfied: 0 },
  };
  for (const cell of cells) {
    moments.gap.n += cell.matched;
    moments.gap.predictedSum += cell.predictedSum;
    moments.gap.actualSum += cell.actualSum;
    moments.gap.gapSum += cell.gapSum;
    moments.gap.gapSquareSum += cell.gapSquareSum;
    moments.calibration.n += cell.matched;
    moments.calibration.agreeing += cell.agreeing;
    moments.calibration.overestimated += cell.overestimated;
    moments.calibration.brierSum += cell.brierSum;
    moments.topRated.n += cell.topRated;
    moments.topRated.satisfied += cell.topRatedSatisfied;
  }
  return moments;
}

function mergedTallies(cells: readonly AggregateCell[]): Map<StandardKey, StandardTally> {
  const tallies = new Map<StandardKey, StandardTally>();
  for (const cell of cells) {
    for (const [key, tally] of Object.entries(cell.standards)) {
      const sum = tallies.get(key) ?? { happyN: 0, happySum: 0, unhappyN: 0, unhappySum: 0 };
      sum.happyN += tally.happyN;
      sum.happySum += tally.happySum;
      sum.unhappyN += tally.unhappyN;
      sum.unhappySum += tally.unhappySum;
      tallies.set(key, sum);
    }
  }
  return tallies;
}

function mergedSeries(
  cells: readonly AggregateCell[],
  window: DateWindow | null,
  granularity: SeriesGranularity,
  timeZone: string,
): SeriesBucket[] {
  const byBucket = new Map<string, AggregateCell[]>();
  const matchedDays: LocalDay[] = [];
  // Many agents share a day in a team view; find each day's bucket once.
  const bucketByDay = new Map<LocalDay, string>();
  for (const cell of cells) {
    if (cell.matched === 0) continue;
    matchedDays.push(cell.day);
    let key = bucketByDay.get(cell.day);
    if (key === undefined) {
      key = bucketOfDay(cell.day, granularity);
      bucketByDay.set(cell.day, key);
    }
    const bucket = byBucket.get(key);
    if (bucket) bucket.push(cell);
    else byBucket.set(key, [cell]);
  }
  return seriesKeys(matchedDays, window, granularity).map((key) => ({
    key,
    range: bucketRange(key, granularity, timeZone),
    ...summaryFromMoments(mergedMoments(byBucket.get(key) ?? [])),
  }));
}

/**
 * Merges the cells of one agent (see {@link AgentFilter}) and one date window into the report
 * numbers: Σ of every sum and count over the cells, then the same formulas as the direct report
 * (personalGapFromMoments, calibrationFromCounts, topRatedOutcomeFromCounts, blindSpotsFromTallies,
 * coverageFromCounts). Equal to `computeGapReport` (report.ts)'s {@link GapMetrics} over the same
 * records up to floating-point rounding of the sums (≤ 1e-9). The ticket lists are not in an
 * aggregate; read them with an indexed query.
 */
export function reportFromAggregate(
  aggregate: Aggregate,
  options: { agentId?: AgentFilter; window?: DateWindow | null; standardSets: StandardSetsInput },
): GapMetrics {
  const window = options.window ? assertDateWindow(options.window) : null;
  // A fixed order of cells makes the merged sums, and so the report, independent of insertion order.
  const cells = Object.keys(aggregate.cells)
    .sort()
    .map((key) => aggregate.cells[key]!)
    .filter((cell) => isAgentIncluded(cell.agentId, options.agentId) && isDayInWindow(cell.day, window));
  let matched = 0;
  let assessedOnly = 0;
  let ratedOnly = 0;
  for (const cell of cells) {
    matched += cell.matched;
    assessedOnly += cell.assessedOnly;
    ratedOnly += cell.ratedOnly;
  }
  return {
    summary: summaryFromMoments(mergedMoments(cells)),
    blindSpots: blindSpotsFromTallies(mergedTallies(cells), toStandardSetLookup(options.standardSets)),
    coverage: coverageFromCounts({ matched, assessedOnly, ratedOnly }),
    weekly: mergedSeries(cells, window, 'week', aggregate.timeZone),
    monthly: mergedSeries(cells, window, 'month', aggregate.timeZone),
  };
}
