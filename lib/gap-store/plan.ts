import {
  attributedAgent,
  attributedInstant,
  ticketContribution,
  ticketGap,
  type AggregateCell,
  type LocalDay,
  type TicketEntry,
} from '../gap';
import { addCell, CELL_LEVELS, levelCellKey, periodOf, type CellLevel } from './cell-levels';
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

/** What one ticket adds to the store: the same sums at its day, its ISO week and its month. */
interface LevelContribution {
  key: string;
  level: CellLevel;
  period: LocalDay;
  cell: AggregateCell;
}

function contributionsOf(entry: TicketEntry, timeZone: string): LevelContribution[] {
  // lib/gap's own per-ticket contribution, so the store and a direct report agree on every ticket.
  const cell = ticketContribution(entry, timeZone);
  return CELL_LEVELS.map((level) => {
    const period = periodOf(cell.day, level);
    return { key: levelCellKey(level, cell.agentId, period), level, period, cell };
  });
}

/** Every cell the changes touch, at every level: the cells to read before planning. */
export function touchedCellKeys(changes: readonly TicketChange[], timeZone: string): string[] {
  const keys = new Set<string>();
  for (const { before, after } of changes) {
    for (const entry of [before, after]) if (entry) for (const c of contributionsOf(entry, timeZone)) keys.add(c.key);
  }
  return [...keys];
}

/** A cell as a stored row at its level. */
export function cellRow(cell: AggregateCell, level: CellLevel): GapCellRow {
  return { ...cell, key: levelCellKey(level, cell.agentId, cell.day), agent: agentKeyOf(cell.agentId), level };
}

/** Strips the storage-only fields, giving back lib/gap's cell. */
export function cellOfRow(row: GapCellRow): AggregateCell {
  const { key: _key, agent: _agent, level: _level, ...cell } = row;
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
 * {@link touchedCellKeys}, by row key. Each change takes the ticket's old contribution out of its
 * day, week and month cells and puts the new one in (cell-levels.ts `addCell`, lib/gap's rules),
 * which throws if the store and the raw records disagree. `revealedAt` is null for writes that
 * cannot reveal a verdict (assessment saves).
 */
export function planChanges(input: {
  cells: ReadonlyMap<string, AggregateCell>;
  timeZone: string;
  changes: readonly TicketChange[];
  revealedAt: string | null;
}): GapStorePlan {
  const cells = new Map(input.cells);
  const levels = new Map<string, CellLevel>();
  const plan: GapStorePlan = { cellPuts: [], cellDeletes: [], ticketPuts: [], ticketDeletes: [], reveals: [] };
  const apply = (entry: TicketEntry | null, sign: 1 | -1) => {
    if (!entry) return;
    for (const { key, level, period, cell } of contributionsOf(entry, input.timeZone)) {
      levels.set(key, level);
      const next = addCell(cells.get(key), cell, sign, period);
      if (next) cells.set(key, next);
      else cells.delete(key);
    }
  };
  for (const change of input.changes) {
    apply(change.before, -1);
    apply(change.after, 1);
    if (change.after) plan.ticketPuts.push(ticketRow(change.after));
    else if (change.before) plan.ticketDeletes.push(change.ticketKey);
    const reveal = input.revealedAt === null ? null : revealOf(change, input.revealedAt);
    if (reveal) plan.reveals.push(reveal);
  }
  for (const [key, level] of levels) {
    const cell = cells.get(key);
    if (cell) plan.cellPuts.push(cellRow(cell, level));
    else if (input.cells.has(key)) plan.cellDeletes.push(key);
  }
  return plan;
}
