import { TZDate } from '@date-fns/tz';
import { localDay, shiftDay, type DateWindow, type LocalDay } from '../gap';

/**
 * The side panel's date filter. Presets are relative to today in the user's time zone; a window is
 * local days (what lib/gap's reports take) and, for indexed reads of the ticket rows, the instants
 * those days cover.
 */

export const PERIODS = ['last-7', 'last-30', 'last-90', 'last-365', 'all'] as const;
export type PeriodPreset = (typeof PERIODS)[number];

export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  'last-7': 'Last 7 days',
  'last-30': 'Last 30 days',
  'last-90': 'Last 90 days',
  'last-365': 'Last 12 months',
  all: 'All time',
};

const PERIOD_DAYS: Record<Exclude<PeriodPreset, 'all'>, number> = {
  'last-7': 7,
  'last-30': 30,
  'last-90': 90,
  'last-365': 365,
};

/** A preset, or an explicit window of local days chosen by the user. */
export type Period = { preset: PeriodPreset } | { preset: 'custom'; window: DateWindow };

/** Today's local day in `timeZone`. */
export function today(timeZone: string, now = new Date()): LocalDay {
  return localDay(now.toISOString(), timeZone);
}

/** The local days a period covers, both ends included; null for all time. "Last 30 days" ends today and has 30 days. */
export function windowOfPeriod(period: Period, todayDay: LocalDay): DateWindow | null {
  if (period.preset === 'custom') return period.window;
  if (period.preset === 'all') return null;
  return { from: shiftDay(todayDay, -(PERIOD_DAYS[period.preset] - 1)), to: todayDay };
}

/** Epoch ms of local midnight starting `day` in `timeZone` (the first instant of the day where midnight is skipped). */
export function startOfDayMs(day: LocalDay, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, date, timeZone).getTime();
}

/** The instants of a window of local days, `[startMs, endMs)`; null for all time. */
export interface InstantWindow {
  startMs: number;
  endMs: number;
}

export function instantWindow(window: DateWindow | null, timeZone: string): InstantWindow | null {
  if (!window) return null;
  return { startMs: startOfDayMs(window.from, timeZone), endMs: startOfDayMs(shiftDay(window.to, 1), timeZone) };
}

/** The browser's own IANA time zone: what GapLens uses unless the settings name one. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The time zone weeks and months are counted in (DESIGN.md §4): the settings' choice, else the browser's. */
export function effectiveTimeZone(settingsTimeZone: string | null): string {
  if (settingsTimeZone) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: settingsTimeZone });
      return settingsTimeZone;
    } catch {
      // An unknown zone in the settings must not break the panel: fall back to the browser's.
    }
  }
  return browserTimeZone();
}
