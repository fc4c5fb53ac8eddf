import { z } from 'zod';

/**
 * ISO-8601 date-times as helpdesks send them: `Z` or an offset, optional fraction, and — because
 * Freshdesk's own documentation example has `2015-08-28T010:08:16Z` (HELPDESK-APIS.md §3.6) — an
 * hour written with a leading zero too many. A missing zone is read as UTC, as the vendors mean.
 */
const LENIENT_ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,3}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Reads a helpdesk timestamp and returns it in GapLens's canonical form (UTC, milliseconds, `Z`), or null. */
export function normalizeApiTimestamp(value: string): string | null {
  const match = LENIENT_ISO.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone = 'Z'] = match;
  const [y, mo, d, h, mi, sec] = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Date.UTC would roll 2015-02-31 into March and 25:00 into the next day: such a value is not a date.
  const calendarDay = new Date(Date.UTC(y, mo - 1, d));
  if (calendarDay.getUTCMonth() !== mo - 1 || calendarDay.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59)
    return null;
  const ms = fraction ? Math.round(Number(`0${fraction}`) * 1000) : 0;
  let epoch = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    epoch -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const date = new Date(epoch);
  return date.toISOString();
}

/** A timestamp field of an API response, normalized by {@link normalizeApiTimestamp}. */
export const apiTimestampSchema = z.string().transform((value, ctx) => {
  const normalized = normalizeApiTimestamp(value);
  if (normalized === null) {
    ctx.addIssue({ code: 'custom', message: `expected an ISO-8601 timestamp, got “${value}”` });
    return z.NEVER;
  }
  return normalized;
});

/** Epoch seconds, as Zendesk's `start_time` wants them. */
export function toEpochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
