import { TZDate } from '@date-fns/tz';
import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths, addWeeks, getISOWeek, getISOWeekYear, startOfISOWeek } from 'date-fns';

/**
 * Calendar arithmetic for the metrics: which local day, ISO week and month an instant falls into in
 * the user's IANA time zone (DESIGN.md §4, Time). Time-zone rules and ISO weeks come from date-fns
 * and @date-fns/tz rather than hand-written offset maths, because DST transitions and week-year
 * boundaries are exactly where hand-written code goes wrong.
 *
 * Once an instant is turned into a local day (`2026-11-23`), everything else is calendar-only and
 * independent of the time zone: a day belongs to one ISO week and one month wherever you are. That
 * calendar arithmetic runs on UTCDate, so it never depends on the machine's own time zone. Getters
 * rather than `format()` in the hot paths: a report places every ticket, and `format` is ~10× slower.
 */

/** A calendar day in the user's time zone, `YYYY-MM-DD`. Sorts as text. */
export type LocalDay = string;
/** An ISO-8601 week, `GGGG-Www` (week-numbering year), e.g. `2026-W53`. Sorts as text. */
export type IsoWeekKey = string;
/** A calendar month, `YYYY-MM`. Sorts as text. */
export type MonthKey = string;

/**
 * A date window in the user's time zone: every local day from `from` to `to`, both included.
 * A record is in the window when its local day is (DESIGN.md §4: "falls into a … date window by
 * the assessment's createdAt, in the user's IANA time zone").
 */
export interface DateWindow {
  from: LocalDay;
  to: LocalDay;
}

/** The instants a bucket covers: `[start, end)`, as UTC ISO strings. */
export interface InstantRange {
  start: string;
  end: string;
}

const LOCAL_DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** Throws a RangeError naming the zone when `timeZone` is not an IANA time zone the runtime knows. */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone “${timeZone}”; use an IANA name such as Europe/Berlin.`);
  }
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** `YYYY-MM-DD` of a date's own calendar fields (UTCDate: UTC; TZDate: its zone). */
function dayOf(date: Date): LocalDay {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

function weekOf(date: Date): IsoWeekKey {
  return `${pad(getISOWeekYear(date), 4)}-W${pad(getISOWeek(date), 2)}`;
}

/** Parses `YYYY-MM-DD` into that calendar date (as a UTCDate), refusing days that do not exist. */
function calendarDate(day: LocalDay): UTCDate {
  const match = LOCAL_DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`“${day}” is not a calendar day (YYYY-MM-DD)`);
  const [, year, month, date] = match;
  const parsed = new UTCDate(Number(year), Number(month) - 1, Number(date));
  // Date rolls 31 Feb over into March; a day that does not survive the round trip does not exist.
  if (dayOf(parsed) !== day) throw new RangeError(`“${day}” is not a calendar day`);
  return parsed;
}

/** The local day an instant (ISO string) falls on in `timeZone`. */
export function localDay(instant: string, timeZone: string): LocalDay {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) throw new RangeError(`“${instant}” is not an ISO date-time`);
  return dayOf(new TZDate(time, timeZone));
}

/**
 * `localDay` for one time zone, remembering each instant string it has seen: a report places every
 * ticket, many tickets share an instant (a rating and its assessment, bulk imports), and the zone
 * lookup is the expensive part. Keyed by the exact instant text, so it returns exactly what
 * `localDay` returns (and throws the same way for a bad instant). Meant for one report: the cache
 * grows with the distinct instants seen and is dropped with the function.
 */
export function localDayMemo(timeZone: string): (instant: string) => LocalDay {
  const days = new Map<string, LocalDay>();
  return (instant) => {
    let day = days.get(instant);
    if (day === undefined) {
      day = localDay(instant, timeZone);
      days.set(instant, day);
    }
    return day;
  };
}

/** The ISO week a calendar day belongs to (weeks start on Monday; week 1 contains the year's first Thursday). */
export function isoWeekOfDay(day: LocalDay): IsoWeekKey {
  return weekOf(calendarDate(day));
}

/** The month a calendar day belongs to. */
export function monthOfDay(day: LocalDay): MonthKey {
  calendarDate(day);
  return day.slice(0, 7);
}

/** Whether a day lies in the window (both ends included); every day does when there is no window. */
export function isDayInWindow(day: LocalDay, window: DateWindow | null | undefined): boolean {
  return !window || (day >= window.from && day <= window.to);
}

/** Checks a window's days and order; returns it unchanged so callers can validate inline. */
export function assertDateWindow(window: DateWindow): DateWindow {
  calendarDate(window.from);
  calendarDate(window.to);
  if (window.from > window.to) throw new RangeError(`date window starts (${window.from}) after it ends (${window.to})`);
  return window;
}

/** Local midnight of a calendar day in `timeZone`, as a UTC ISO string. */
function startOfLocalDay(day: LocalDay, timeZone: string): string {
  const date = calendarDate(day);
  // Where midnight does not exist (a DST jump at 00:00), TZDate moves to the first instant of the day.
  const local = new TZDate(date.getFullYear(), date.getMonth(), date.getDate(), timeZone);
  return new Date(local.getTime()).toISOString();
}

function mondayOfWeek(week: IsoWeekKey): UTCDate {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new RangeError(`“${week}” is not an ISO week (GGGG-Www)`);
  const [, weekYear, weekNumber] = match;
  // 4 January is always in week 1 of its week-numbering year.
  const firstMonday = startOfISOWeek(new UTCDate(Number(weekYear), 0, 4));
  const monday = addWeeks(firstMonday, Number(weekNumber) - 1);
  if (weekOf(monday) !== week) throw new RangeError(`“${week}” is not an ISO week`);
  return monday;
}

/** The instants an ISO week covers in `timeZone`: local Monday 00:00 up to the next Monday 00:00. */
export function isoWeekRange(week: IsoWeekKey, timeZone: string): InstantRange {
  const monday = mondayOfWeek(week);
  return {
    start: startOfLocalDay(dayOf(monday), timeZone),
    end: startOfLocalDay(dayOf(addWeeks(monday, 1)), timeZone),
  };
}

/** The instants a month covers in `timeZone`: the 1st 00:00 up to the next month's 1st 00:00. */
export function monthRange(month: MonthKey, timeZone: string): InstantRange {
  if (!MONTH_PATTERN.test(month)) throw new RangeError(`“${month}” is not a month (YYYY-MM)`);
  const first = calendarDate(`${month}-01`);
  return {
    start: startOfLocalDay(`${month}-01`, timeZone),
    end: startOfLocalDay(dayOf(addMonths(first, 1)), timeZone),
  };
}

/** Every ISO week from the one containing `from` to the one containing `to`, in order. */
export function isoWeeksBetween(from: LocalDay, to: LocalDay): IsoWeekKey[] {
  const weeks: IsoWeekKey[] = [];
  const last = isoWeekOfDay(to);
  for (let monday = startOfISOWeek(calendarDate(from)); ; monday = addWeeks(monday, 1)) {
    const week = weekOf(monday);
    if (week > last) break;
    weeks.push(week);
  }
  return weeks;
}

/** Every month from the one containing `from` to the one containing `to`, in order. */
export function monthsBetween(from: LocalDay, to: LocalDay): MonthKey[] {
  const months: MonthKey[] = [];
  const last = monthOfDay(to);
  for (let first = calendarDate(`${monthOfDay(from)}-01`); ; first = addMonths(first, 1)) {
    const month = dayOf(first).slice(0, 7);
    if (month > last) break;
    months.push(month);
  }
  return months;
}

/** The calendar day `days` after `day` (negative: before). */
export function shiftDay(day: LocalDay, days: number): LocalDay {
  return dayOf(addDays(calendarDate(day), days));
}
