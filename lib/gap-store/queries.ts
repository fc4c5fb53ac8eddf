import Dexie from 'dexie';
import { getDb } from '../db/db';
import { AGGREGATE_VERSION, type Aggregate } from '../gap';
import { cellOfRow } from './plan';
import {
  GAP_STATE_ID,
  GAP_STORE_VERSION,
  agentKeyOf,
  gapStateSchema,
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

/** The aggregate of the given agents' tickets (every day), ready for lib/gap's reportFromAggregate. */
export async function readAggregate(agents: readonly (string | null)[], timeZone: string): Promise<Aggregate> {
  const rows = await getDb().gapCells.where('agent').anyOf(agents.map(agentKeyOf)).toArray();
  return {
    version: AGGREGATE_VERSION,
    timeZone,
    cells: Object.fromEntries(rows.map((row) => [row.key, cellOfRow(row)])),
  };
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
