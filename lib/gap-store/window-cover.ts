import { shiftDay, type DateWindow, type LocalDay } from '../gap';
import { periodOf, type CellLevel } from './cell-levels';

/**
 * Which stored cells add up to exactly a window of local days, using as few as possible: the whole
 * weeks (or months) inside the window, and day cells for the days at its edges that are not in a
 * whole period. Every day of the window is covered exactly once, so the sums are the window's sums.
 */
export interface WindowCover {
  /** Periods whose whole span lies in the window, by their first day (both ends included); null: none. */
  periods: DateWindow | 'all' | null;
  /** Day ranges at the edges (both ends included). */
  days: DateWindow[];
}

/** The first day after the period at `level` that starts on `start`. */
function nextPeriod(start: LocalDay, level: Exclude<CellLevel, 'day'>): LocalDay {
  if (level === 'week') return shiftDay(start, 7);
  const [year, month] = start.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

export function coverOf(window: DateWindow | null, level: Exclude<CellLevel, 'day'>): WindowCover {
  // All time: every period cell holds all of its days.
  if (!window) return { periods: 'all', days: [] };
  const first =
    periodOf(window.from, level) === window.from ? window.from : nextPeriod(periodOf(window.from, level), level);
  const afterLast = nextPeriod(periodOf(window.to, level), level);
  // The last whole period ends on `to` only if `to` is the day before the next period starts.
  const lastWholeStart =
    shiftDay(afterLast, -1) === window.to
      ? periodOf(window.to, level)
      : periodOf(shiftDay(periodOf(window.to, level), -1), level);
  if (first > window.to || lastWholeStart < first) return { periods: null, days: [window] };
  const days: DateWindow[] = [];
  if (window.from < first) days.push({ from: window.from, to: shiftDay(first, -1) });
  const afterWhole = nextPeriod(lastWholeStart, level);
  if (afterWhole <= window.to) days.push({ from: afterWhole, to: window.to });
  return { periods: { from: first, to: lastWholeStart }, days };
}
