import { buildAggregate, type TicketEntry } from '../gap';
import { rollUp } from './cell-levels';
import { getDb } from '../db/db';
import { cellRow, ticketRow } from './plan';
import { GAP_STATE_ID, GAP_STORE_VERSION, gapStateSchema, type GapCellRow, type GapState } from './schema';
import { entriesOfTables } from './ticket-entry';

export type EnsureResult = 'current' | 'cells-rebuilt' | 'rebuilt';

/**
 * Every cell row of the given tickets, from scratch: lib/gap's day cells (`buildAggregate`), and
 * the week and month cells as their sums.
 */
export function cellRowsFromScratch(entries: readonly TicketEntry[], timeZone: string): GapCellRow[] {
  const days = Object.values(buildAggregate(entries, timeZone).cells);
  return [
    ...days.map((cell) => cellRow(cell, 'day')),
    ...[...rollUp(days, 'week').values()].map((cell) => cellRow(cell, 'week')),
    ...[...rollUp(days, 'month').values()].map((cell) => cellRow(cell, 'month')),
  ];
}

/**
 * Makes sure the gap store is built, current and in `timeZone`; rebuilds what is not, from the raw
 * tables, in one read-write transaction (so no write can slip in between the read and the rebuild,
 * and two contexts racing to rebuild do it once: the second finds it current).
 *
 * A time-zone change only rebuilds the aggregate cells: ticket rows and reveals do not depend on it.
 * Reveals are an event log and are never rebuilt. The cost is one full read of both raw tables
 * (about 1.6 s for 200k records on the reference machine), paid once per install, upgrade or
 * time-zone change, never per render.
 */
export async function ensureGapStore(timeZone: string, now = new Date()): Promise<EnsureResult> {
  const db = getDb();
  return db.transaction('rw', [db.assessments, db.csatRatings, db.gapState, db.gapCells, db.gapTickets], async () => {
    const parsed = gapStateSchema.safeParse(await db.gapState.get(GAP_STATE_ID));
    const state = parsed.success && parsed.data.version === GAP_STORE_VERSION ? parsed.data : null;
    if (state?.timeZone === timeZone) return 'current';

    const [assessments, ratings] = await Promise.all([db.assessments.toArray(), db.csatRatings.toArray()]);
    const entries = entriesOfTables(assessments, ratings);
    const cells = cellRowsFromScratch(entries, timeZone);
    await db.gapCells.clear();
    await db.gapCells.bulkPut(cells);
    if (!state) {
      await db.gapTickets.clear();
      await db.gapTickets.bulkPut(entries.map(ticketRow));
    }
    const next: GapState = { id: GAP_STATE_ID, version: GAP_STORE_VERSION, timeZone, builtAt: now.toISOString() };
    await db.gapState.put(next);
    return state ? 'cells-rebuilt' : 'rebuilt';
  });
}

/** Forces the next {@link ensureGapStore} to rebuild everything (tests, benchmarks after raw writes). */
export async function invalidateGapStore(): Promise<void> {
  await getDb().gapState.delete(GAP_STATE_ID);
}
