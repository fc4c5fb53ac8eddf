import { UTCDate } from '@date-fns/utc';
import { getISODay } from 'date-fns';
import { aggregateCellKey, combineCells, emptyCell, shiftDay, type AggregateCell, type LocalDay } from '../gap';

/**
 * The aggregate at three resolutions. lib/gap keeps one cell per (agent, local day); three years of
 * one agent's work are ~1,100 such cells, ~1 MB to read, which alone would use up the side panel's
 * first-render budget. So the store also keeps the same sums per ISO week and per calendar month,
 * and a window is read as whole weeks (or months) plus the days at its edges (window-cover.ts):
 * at most a few dozen rows for any window.
 *
 * A week or month cell is the sum of its day cells; it carries its first day as `day`, so lib/gap's
 * report functions place it in the right week or month bucket unchanged.
 */

export const CELL_LEVELS = ['day', 'week', 'month'] as const;
export type CellLevel = (typeof CELL_LEVELS)[number];

/** The first day of the period at `level` that contains `day`: the day itself, its ISO week's Monday, or the 1st. */
export function periodOf(day: LocalDay, level: CellLevel): LocalDay {
  if (level === 'day') return day;
  if (level === 'month') return `${day.slice(0, 7)}-01`;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return shiftDay(day, 1 - getISODay(new UTCDate(year, month - 1, date)));
}

/** The stored row key of a cell: level, agent and period start; JSON keeps a null agent unambiguous. */
export function levelCellKey(level: CellLevel, agentId: string | null, period: LocalDay): string {
  return level === 'day' ? aggregateCellKey(agentId, period) : JSON.stringify([level, agentId, period]);
}

/**
 * `base + sign · change`, as a cell at `base`'s (or, without one, `change`'s) agent and `day`;
 * null when every count is back to 0. lib/gap's own cell arithmetic (`combineCells`), so the level
 * cells follow exactly its rules (sums of emptied counts reset to 0, a negative count throws).
 */
export function addCell(
  base: AggregateCell | undefined,
  change: AggregateCell,
  sign: 1 | -1,
  day: LocalDay,
): AggregateCell | null {
  return combineCells(base ?? emptyCell(change.agentId, day), change, sign, day);
}

/** Week or month cells as the sums of day cells, by their row key (the rebuild's roll-up). */
export function rollUp(
  dayCells: Iterable<AggregateCell>,
  level: Exclude<CellLevel, 'day'>,
): Map<string, AggregateCell> {
  const rolled = new Map<string, AggregateCell>();
  // Summed in day order, so the sums do not depend on the order the day cells came in.
  const ordered = [...dayCells].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  for (const cell of ordered) {
    const period = periodOf(cell.day, level);
    const key = levelCellKey(level, cell.agentId, period);
    const sum = addCell(rolled.get(key), cell, 1, period);
    if (sum) rolled.set(key, sum);
  }
  return rolled;
}
