import {
  AGGREGATE_VERSION,
  aggregateCellKey,
  attributedAgent,
  attributedDay,
  attributedInstant,
  replaceTicket,
  ticketGap,
  type Aggregate,
  type AggregateCell,
  type TicketEntry,
} from '../gap';
import type { TicketRef } from '../model';
import { agentKeyOf, type GapCellRow, type GapTicketRow, type NewGapReveal } from './schema';

/**
 * The pure half of keeping the gap store current: given what some tickets looked like before a
 * write and after it, and the aggregate cells they touch, say which rows to put and delete.
 * The middleware (middleware.ts) reads the inputs and writes the outputs in the writer's transaction.
 */

/** One ticket before and after a write; null where no valid record of it is stored. */
export interface TicketChange {
  ticketKey: string;
  before: TicketEntry | null;
  after: TicketEntry | null;
}

export interface GapStorePlan {
  cellPuts: GapCellRow[];
  cellDeletes: string[];
  ticketPuts: GapTicketRow[];
  ticketDeletes: string[];
  reveals: NewGapReveal[];
}

/** The aggregate cell a ticket entry contributes to. */
export function cellKeyOf(entry: TicketEntry, timeZone: string): string {
  return aggregateCellKey(attributedAgent(entry), attributedDay(entry, timeZone));
}

/** Every cell the changes touch: the cells to read before planning. */
export function touchedCellKeys(changes: readonly TicketChange[], timeZone: string): string[] {
  const keys = new Set<string>();
  for (const { before, after } of changes) {
    if (before) keys.add(cellKeyOf(before, timeZone));
    if (after) keys.add(cellKeyOf(after, timeZone));
  }
  return [...keys];
}

export function cellRow(cell: AggregateCell): GapCellRow {
  return { ...cell, key: aggregateCellKey(cell.agentId, cell.day), agent: agentKeyOf(cell.agentId) };
}

/** Strips the storage-only fields, giving back lib/gap's cell. */
export function cellOfRow(row: GapCellRow): AggregateCell {
  const { key: _key, agent: _agent, ...cell } = row;
  return cell;
}

function ticketOf(entry: TicketEntry): TicketRef {
  if (entry.assessment) return entry.assessment.ticket;
  const { kind, origin, ticketId } = entry.rating;
  return { kind, origin, ticketId };
}

/** The ticket list's row for a ticket: attributed agent and instant as lib/gap defines them. */
export function ticketRow(entry: TicketEntry): GapTicketRow {
  return {
    ticketKey: entry.ticketKey,
    kind: entry.kind,
    agent: agentKeyOf(attributedAgent(entry)),
    at: Date.parse(attributedInstant(entry)),
    ticket: ticketOf(entry),
    connectionId: entry.rating?.connectionId ?? null,
    predicted: entry.assessment?.predictedCsat ?? null,
    actual: entry.rating?.rating ?? null,
    gap: entry.kind === 'matched' ? ticketGap(entry) : 0,
    comment: entry.rating?.comment ?? null,
    ratedAt: entry.rating?.updatedAt ?? null,
  };
}

/**
 * Whether a change brings news the agent has not seen: a verdict on an assessed ticket that was
 * unknown before, or that differs from the one known before (a re-rating). A refreshed copy of the
 * same verdict, or an edit of the assessment, is not news.
 */
export function revealOf(change: TicketChange, revealedAt: string): NewGapReveal | null {
  const { before, after } = change;
  if (after?.kind !== 'matched') return null;
  const known = before?.kind === 'matched' ? before.rating.rating : null;
  const verdict = after.rating.rating;
  if (known && known.scale === verdict.scale && known.value === verdict.value) return null;
  return {
    ticketKey: after.ticketKey,
    ticket: after.assessment.ticket,
    predicted: after.assessment.predictedCsat,
    actual: verdict,
    comment: after.rating.comment,
    revealedAt,
    changed: known !== null,
  };
}

/**
 * Plans the rows for a batch of ticket changes. `cells` must hold every stored cell of
 * {@link touchedCellKeys}; the cells are updated with lib/gap's `replaceTicket` (fold the old
 * contribution out, the new one in), which throws if the store and the raw records disagree.
 * `revealedAt` is null for writes that cannot reveal a verdict (assessment saves).
 */
export function planChanges(input: {
  cells: ReadonlyMap<string, AggregateCell>;
  timeZone: string;
  changes: readonly TicketChange[];
  revealedAt: string | null;
}): GapStorePlan {
  let aggregate: Aggregate = {
    version: AGGREGATE_VERSION,
    timeZone: input.timeZone,
    cells: Object.fromEntries(input.cells),
  };
  const plan: GapStorePlan = { cellPuts: [], cellDeletes: [], ticketPuts: [], ticketDeletes: [], reveals: [] };
  for (const change of input.changes) {
    aggregate = replaceTicket(aggregate, change.before, change.after);
    if (change.after) plan.ticketPuts.push(ticketRow(change.after));
    else if (change.before) plan.ticketDeletes.push(change.ticketKey);
    const reveal = input.revealedAt === null ? null : revealOf(change, input.revealedAt);
    if (reveal) plan.reveals.push(reveal);
  }
  for (const key of touchedCellKeys(input.changes, input.timeZone)) {
    const cell = aggregate.cells[key];
    if (cell) plan.cellPuts.push(cellRow(cell));
    else if (input.cells.has(key)) plan.cellDeletes.push(key);
  }
  return plan;
}
