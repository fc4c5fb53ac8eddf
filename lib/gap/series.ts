import {
  isoWeekOfDay,
  isoWeekRange,
  isoWeeksBetween,
  localDay,
  monthOfDay,
  monthRange,
  monthsBetween,
  type DateWindow,
  type InstantRange,
  type LocalDay,
} from './calendar';
import type { MatchedTicket } from './match';
import { summarizeMatched, type MatchedSummary } from './summary';

/**
 * Trends (DESIGN.md §4): the matched-ticket metrics per ISO week and per month. A pair falls into
 * the bucket of its assessment's `createdAt` (when the work was done) in the user's time zone.
 */

export type SeriesGranularity = 'week' | 'month';

/** One point of a trend: the bucket's key and instants, and the metrics of the pairs in it. */
export interface SeriesBucket extends MatchedSummary {
  /** `2026-W47` for weeks, `2026-11` for months. */
  key: string;
  /** The instants the bucket covers in the user's time zone, `[start, end)`. */
  range: InstantRange;
}

/** The bucket key of a local day. */
export function bucketOfDay(day: LocalDay, granularity: SeriesGranularity): string {
  return granularity === 'week' ? isoWeekOfDay(day) : monthOfDay(day);
}

/** Every bucket key from the one containing `from` to the one containing `to`. */
export function bucketsBetween(from: LocalDay, to: LocalDay, granularity: SeriesGranularity): string[] {
  return granularity === 'week' ? isoWeeksBetween(from, to) : monthsBetween(from, to);
}

export function bucketRange(key: string, granularity: SeriesGranularity, timeZone: string): InstantRange {
  return granularity === 'week' ? isoWeekRange(key, timeZone) : monthRange(key, timeZone);
}

/**
 * The buckets a series shows: every week (or month) from the window's first to its last day, or
 * without a window from the first to the last day that has data; none when there is no data and no
 * window. Empty buckets stay in, with n = 0, so a chart shows the silence instead of bridging it.
 * A bucket cut by the window's edge covers only the days inside the window.
 */
export function seriesKeys(
  dataDays: Iterable<LocalDay>,
  window: DateWindow | null | undefined,
  granularity: SeriesGranularity,
): string[] {
  if (window) return bucketsBetween(window.from, window.to, granularity);
  let first: LocalDay | null = null;
  let last: LocalDay | null = null;
  for (const day of dataDays) {
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
  }
  return first !== null && last !== null ? bucketsBetween(first, last, granularity) : [];
}

/** A matched pair with the local day it counts on (its assessment's `createdAt` in the user's zone). */
export interface DatedPair {
  pair: MatchedTicket;
  day: LocalDay;
}

/**
 * The trend of pairs already placed on their local days: for each bucket b,
 * {@link summarizeMatched} of the pairs whose day lies in b.
 */
export function seriesOfDatedPairs(
  dated: readonly DatedPair[],
  options: { granularity: SeriesGranularity; timeZone: string; window?: DateWindow | null },
): SeriesBucket[] {
  const { granularity, timeZone, window } = options;
  const byBucket = new Map<string, MatchedTicket[]>();
  for (const { pair, day } of dated) {
    const key = bucketOfDay(day, granularity);
    const bucket = byBucket.get(key);
    if (bucket) bucket.push(pair);
    else byBucket.set(key, [pair]);
  }
  return seriesKeys(
    dated.map(({ day }) => day),
    window,
    granularity,
  ).map((key) => ({
    key,
    range: bucketRange(key, granularity, timeZone),
    ...summarizeMatched(byBucket.get(key) ?? []),
  }));
}

/**
 * The trend of the matched pairs given (already limited to one agent and one window):
 * for each bucket b, {@link summarizeMatched} of the pairs whose assessment's local `createdAt` day
 * lies in b — personal gap (predicted mean, actual mean, mean gap, 95 % CI), calibration and
 * "how your 5s fared", each `not-enough-data` below the minimum sample.
 */
export function gapSeries(
  pairs: readonly MatchedTicket[],
  options: { granularity: SeriesGranularity; timeZone: string; window?: DateWindow | null },
): SeriesBucket[] {
  return seriesOfDatedPairs(
    pairs.map((pair) => ({ pair, day: localDay(pair.assessment.createdAt, options.timeZone) })),
    options,
  );
}

/** {@link gapSeries} per ISO week. */
export function weeklySeries(
  pairs: readonly MatchedTicket[],
  timeZone: string,
  window?: DateWindow | null,
): SeriesBucket[] {
  return gapSeries(pairs, { granularity: 'week', timeZone, window });
}

/** {@link gapSeries} per calendar month. */
export function monthlySeries(
  pairs: readonly MatchedTicket[],
  timeZone: string,
  window?: DateWindow | null,
): SeriesBucket[] {
  return gapSeries(pairs, { granularity: 'month', timeZone, window });
}
