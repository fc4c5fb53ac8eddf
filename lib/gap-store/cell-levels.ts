import { UTCDate } from '@date-fns/utc';
import { getISODay } from 'date-fns';
import { aggregateCellKey, shiftDay, type AggregateCell, type LocalDay, type StandardTally } from '../gap';

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

const COUNTS = [
  'matched',
  'assessedOnly',
  'ratedOnly',
  'agreeing',
  'overestimated',
  'topRated',
  'topRatedSatisfied',
] as const;
const MATCHED_SUMS = ['predictedSum', 'actualSum', 'gapSum', 'gapSquareSum', 'brierSum'] as const;

function emptyCell(agentId: string | null, day: LocalDay): AggregateCell {
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
 * `base + sign · change`, as a cell at `base`'s (or, without one, `change`'s) agent and `day`;
 * null when every count is back to 0. The same rules as lib/gap's own cells: a sum whose count
 * returns to 0 is set to exactly 0 (no rounding residue), and a count below 0 means a ticket was
 * taken out that was never put in — thrown, so the caller rebuilds instead of storing nonsense.
 */
export function addCell(
  base: AggregateCell | undefined,
  change: AggregateCell,
  sign: 1 | -1,
  day: LocalDay,
): AggregateCell | null {
  const from = base ?? emptyCell(change.agentId, day);
  const next = emptyCell(from.agentId, day);
  for (const count of COUNTS) next[count] = from[count] + sign * change[count];
  if (next.matched > 0) for (const sum of MATCHED_SUMS) next[sum] = from[sum] + sign * change[sum];
  const counts: number[] = COUNTS.map((count) => next[count]);
  for (const key of new Set([...Object.keys(from.standards), ...Object.keys(change.standards)])) {
    const a: StandardTally = from.standards[key] ?? { happyN: 0, happySum: 0, unhappyN: 0, unhappySum: 0 };
    const b: StandardTally = change.standards[key] ?? { happyN: 0, happySum: 0, unhappyN: 0, unhappySum: 0 };
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
    throw new Error(`gap cell ${from.agentId}/${day} would go negative: a ticket was taken out that was never put in`);
  }
  return counts.every((count) => count === 0) ? null : next;
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
