import Dexie from 'dexie';
import { getDb } from '../db/db';
import {
  AGGREGATE_VERSION,
  reportFromAggregate,
  type Aggregate,
  type DateWindow,
  type GapMetrics,
  type StandardSetsInput,
} from '../gap';
import type { CellLevel } from './cell-levels';
import { coverOf } from './window-cover';
import { cellOfRow } from './plan';
import {
  GAP_STATE_ID,
  GAP_STORE_VERSION,
  agentKeyOf,
  gapStateSchema,
  type GapCellRow,
  type GapReveal,
  type GapState,
  type GapTicketRow,
  type TicketKind,
} from './schema';
import type { InstantWindow } from './time-window';

/*
 * The side panel's reads. None of them grows with the number of raw records: the aggregate cells
 * are one row per agent and day, and the ticket lists read one page along an index.
 */

/** The built store's state, or null when it is not built (or built by another version). */
export async function readGapState(): Promise<GapState | null> {
  const parsed = gapStateSchema.safeParse(await getDb().gapState.get(GAP_STATE_ID));
  return parsed.success && parsed.data.version === GAP_STORE_VERSION ? parsed.data : null;
}

/** One agent's cells of one level, for a range of period starts (both included) or all of them. */
function cellsOf(agent: string, level: CellLevel, range: DateWindow | 'all') {
  const from = range === 'all' ? Dexie.minKey : range.from;
  const to = range === 'all' ? Dexie.maxKey : range.to;
  // An index range read with getAll: a few dozen rows, never a cursor walk.
  return getDb()
    .gapCells.where('[agent+level+day]')
    .between([agent, level, from], [agent, level, to], true, true)
    .toArray();
}

/** The stored cells that add up to exactly `window` at `level`: whole periods plus days at the edges (window-cover.ts). */
export async function readCover(
  agents: readonly (string | null)[],
  window: DateWindow | null,
  level: 'week' | 'month',
): Promise<GapCellRow[]> {
  const cover = coverOf(window, level);
  const reads: Promise<GapCellRow[]>[] = [];
  for (const agent of new Set(agents.map(agentKeyOf))) {
    if (cover.periods) reads.push(cellsOf(agent, level, cover.periods));
    for (const days of cover.days) reads.push(cellsOf(agent, 'day', days));
  }
  return (await Promise.all(reads)).flat();
}

function aggregateOf(rows: readonly GapCellRow[], timeZone: string): Aggregate {
  return {
    version: AGGREGATE_VERSION,
    timeZone,
    cells: Object.fromEntries(rows.map((row) => [row.key, cellOfRow(row)])),
  };
}

/**
 * Every metric of the side panel for the agents and a window, from at most a few dozen cells: the
 * month cover gives the summary, blind spots, coverage and monthly trend; the week cover the weekly
 * trend. Equal to lib/gap's `computeGapReport` over the raw records (store.test.ts).
 */
export async function readWindowMetrics(
  agents: readonly (string | null)[],
  window: DateWindow | null,
  timeZone: string,
  standardSets: StandardSetsInput,
): Promise<GapMetrics> {
  const [months, weeks] = await Promise.all([readCover(agents, window, 'month'), readCover(agents, window, 'week')]);
  return metricsOfCovers(months, weeks, { agents, window, timeZone, standardSets });
}

function metricsOfCovers(
  months: readonly GapCellRow[],
  weeks: readonly GapCellRow[],
  input: {
    agents: readonly (string | null)[];
    window: DateWindow | null;
    timeZone: string;
    standardSets: StandardSetsInput;
  },
): GapMetrics {
  const options = { agentId: input.agents, window: input.window, standardSets: input.standardSets };
  const byMonth = reportFromAggregate(aggregateOf(months, input.timeZone), options);
  const byWeek = reportFromAggregate(aggregateOf(weeks, input.timeZone), options);
  return { ...byMonth, weekly: byWeek.weekly };
}

/** {@link readWindowMetrics} with the standard sets read alongside (their titles name the blind spots). */
export async function readPanelMetrics(
  agents: readonly (string | null)[],
  window: DateWindow | null,
  timeZone: string,
): Promise<GapMetrics> {
  const db = getDb();
  const [standardSets, months, weeks] = await Promise.all([
    db.standardSets.toArray(),
    readCover(agents, window, 'month'),
    readCover(agents, window, 'week'),
  ]);
  return metricsOfCovers(months, weeks, { agents, window, timeZone, standardSets });
}

/** How many tickets the agents have in the store at all (assessed, rated or both): whether to greet a new user. */
export async function countAllTickets(agents: readonly (string | null)[]): Promise<number> {
  const months = await readCover(agents, null, 'month');
  return months.reduce((sum, cell) => sum + cell.matched + cell.assessedOnly + cell.ratedOnly, 0);
}

export type Outcome = 'all' | 'satisfied' | 'unsatisfied';
export type TicketSort = 'newest' | 'oldest' | 'gap-desc' | 'gap-asc';

export interface TicketListQuery {
  kind: TicketKind;
  agents: readonly (string | null)[];
  /** Tickets whose attributed instant lies in `[startMs, endMs)`; all when null. */
  within: InstantWindow | null;
  /** Only tickets on this helpdesk origin (a connection); all when null. */
  origin: string | null;
  /** By the customer's verdict; ignored for tickets without one. */
  outcome: Outcome;
  sort: TicketSort;
  limit: number;
}

export interface TicketPage {
  rows: GapTicketRow[];
  /** Whether more rows match than `limit`. */
  hasMore: boolean;
}

/** The filters that are not part of an index range. */
export function rowMatches(row: GapTicketRow, query: Pick<TicketListQuery, 'origin' | 'outcome'>): boolean {
  if (query.origin !== null && row.ticket.origin !== query.origin) return false;
  if (query.outcome !== 'all' && row.actual) return row.actual.satisfied === (query.outcome === 'satisfied');
  return true;
}

const byKey = (a: GapTicketRow, b: GapTicketRow) =>
  a.ticketKey < b.ticketKey ? -1 : a.ticketKey > b.ticketKey ? 1 : 0;

/** The order of each sort; ties fall back to newest first, then ticket key, so pages never shuffle. */
export function compareRows(sort: TicketSort): (a: GapTicketRow, b: GapTicketRow) => number {
  switch (sort) {
    case 'newest':
      return (a, b) => b.at - a.at || byKey(b, a);
    case 'oldest':
      return (a, b) => a.at - b.at || byKey(a, b);
    case 'gap-desc':
      return (a, b) => b.gap - a.gap || b.at - a.at || byKey(b, a);
    case 'gap-asc':
      return (a, b) => a.gap - b.gap || b.at - a.at || byKey(b, a);
  }
}

const TIME_INDEX = '[kind+agent+at+ticketKey]';

/** One agent's rows of a kind in a window, along the time index. */
function rowsInWindow(kind: TicketKind, agent: string, within: InstantWindow | null) {
  const lower = [kind, agent, within ? within.startMs : -Infinity];
  // A key that is a prefix sorts before every longer key: `[…, endMs]` excludes `[…, endMs, ticketKey]`.
  const upper = within ? [kind, agent, within.endMs] : [kind, agent, Infinity, Dexie.maxKey];
  return getDb().gapTickets.where(TIME_INDEX).between(lower, upper, true, !within);
}

/**
 * One page of the ticket list (or a coverage list). Sorted by time, it reads along the index and
 * stops after `limit + 1` matches per agent, however many rows there are. Sorted by gap, it reads
 * the window's rows of the agents and sorts them in memory: linear in the tickets in the window,
 * which the date filter keeps small; the index stays the one the writes maintain.
 */
export async function readTicketPage(query: TicketListQuery): Promise<TicketPage> {
  const agents = [...new Set(query.agents.map(agentKeyOf))];
  const filtered = query.origin !== null || query.outcome !== 'all';
  const perAgent = await Promise.all(
    agents.map((agent) => {
      let rows = rowsInWindow(query.kind, agent, query.within);
      if (query.sort === 'gap-desc' || query.sort === 'gap-asc') return rows.toArray();
      if (query.sort === 'newest') rows = rows.reverse();
      if (filtered) rows = rows.filter((row) => rowMatches(row, query));
      return rows.limit(query.limit + 1).toArray();
    }),
  );
  const merged = perAgent
    .flat()
    .filter((row) => rowMatches(row, query))
    .sort(compareRows(query.sort));
  return { rows: merged.slice(0, query.limit), hasMore: merged.length > query.limit };
}

/** The newest reveals first. */
export async function recentReveals(limit: number): Promise<GapReveal[]> {
  return getDb().gapReveals.orderBy(':id').reverse().limit(limit).toArray();
}
