import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftDay } from '../gap';
import { periodOf } from './cell-levels';
import { coverOf } from './window-cover';

const dayArb = fc.integer({ min: 0, max: 800 }).map((offset) => shiftDay('2025-12-01', offset));

/** Every day a cover stands for, periods expanded to their days. */
function daysOf(cover: ReturnType<typeof coverOf>, level: 'week' | 'month'): string[] {
  const days: string[] = [];
  const span = (from: string, to: string) => {
    for (let day = from; day <= to; day = shiftDay(day, 1)) days.push(day);
  };
  for (const range of cover.days) span(range.from, range.to);
  if (cover.periods && cover.periods !== 'all') {
    for (let start = cover.periods.from; start <= cover.periods.to;) {
      let day = start;
      while (periodOf(day, level) === start) {
        days.push(day);
        day = shiftDay(day, 1);
      }
      start = day;
    }
  }
  return days.sort();
}

describe('cell periods', () => {
  it('start weeks on Monday (ISO) and months on the 1st, across year ends', () => {
    expect(periodOf('2026-11-23', 'week')).toBe('2026-11-23'); // a Monday
    expect(periodOf('2026-11-29', 'week')).toBe('2026-11-23'); // the Sunday after
    expect(periodOf('2027-01-01', 'week')).toBe('2026-12-28');
    expect(periodOf('2026-02-28', 'month')).toBe('2026-02-01');
    expect(periodOf('2026-02-28', 'day')).toBe('2026-02-28');
  });
});

describe('window covers', () => {
  it('cover every day of any window exactly once', () => {
    fc.assert(
      fc.property(dayArb, dayArb, fc.constantFrom<'week' | 'month'>('week', 'month'), (a, b, level) => {
        const window = a <= b ? { from: a, to: b } : { from: b, to: a };
        const expected: string[] = [];
        for (let day = window.from; day <= window.to; day = shiftDay(day, 1)) expected.push(day);
        expect(daysOf(coverOf(window, level), level)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('use whole periods where they fit, and days only at the edges', () => {
    expect(coverOf({ from: '2026-08-25', to: '2026-11-23' }, 'month')).toEqual({
      periods: { from: '2026-09-01', to: '2026-10-01' },
      days: [
        { from: '2026-08-25', to: '2026-08-31' },
        { from: '2026-11-01', to: '2026-11-23' },
      ],
    });
    expect(coverOf({ from: '2026-11-02', to: '2026-11-15' }, 'week')).toEqual({
      periods: { from: '2026-11-02', to: '2026-11-09' },
      days: [],
    });
    expect(coverOf({ from: '2026-11-03', to: '2026-11-05' }, 'week')).toEqual({
      periods: null,
      days: [{ from: '2026-11-03', to: '2026-11-05' }],
    });
    expect(coverOf(null, 'month')).toEqual({ periods: 'all', days: [] });
  });
});
