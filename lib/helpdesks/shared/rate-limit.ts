/**
 * Rate-limit signals, read the same way for every helpdesk. Each adapter lists its header names as
 * data; the names are matched case-insensitively because vendors differ in case (Zendesk sends
 * them lower-case, Freshdesk documents `X-RateLimit-*`, HELPDESK-APIS.md §3.9).
 */
export interface RateLimitHeaderNames {
  /** Requests allowed in the window, first name present wins. */
  limit: readonly string[];
  /** Requests left in the window. */
  remaining: readonly string[];
  /** Seconds until the window resets, where the helpdesk says so. */
  resetSeconds: readonly string[];
  /**
   * Headers that say both in one value, `used/limit` (Gorgias: `X-Gorgias-Account-Api-Call-Limit:
   * 10/40`, HELPDESK-APIS.md §1). Read only where `limit` / `remaining` found nothing.
   */
  usedOfLimit?: readonly string[];
  /**
   * For a leaky bucket read from `usedOfLimit`: the seconds in which a full bucket drains (Gorgias:
   * 40 calls per 20 s). A full bucket then says when one more call fits, `(used − limit + 1) ×
   * window / limit`, instead of the sync pausing for a whole default window.
   */
  bucketDrainSeconds?: number;
  /**
   * Headers that mean what `Retry-After` means, under a vendor's own name (Help Scout:
   * `X-RateLimit-Retry-After`, seconds). Read when `Retry-After` itself is absent.
   */
  retryAfter?: readonly string[];
  /**
   * The instant the window resets, in unix seconds (Intercom's `X-RateLimit-Reset`,
   * HELPDESK-APIS.md §3.9); read into `resetMs` from the client's clock.
   */
  resetEpochSeconds?: readonly string[];
}

/** What one response said about the rate limit; null where it said nothing. */
export interface RateLimitInfo {
  limit: number | null;
  remaining: number | null;
  /** `Retry-After` (seconds or an HTTP date), in milliseconds from now. */
  retryAfterMs: number | null;
  /** Time until the window resets, in milliseconds, where a reset header exists. */
  resetMs: number | null;
}

/** Response headers as `fetch` gives them, or as recorded in fixtures (`{ name: [value] }`). */
export type HeaderSource = Headers | Readonly<Record<string, string | readonly string[]>>;

/** A header's value, whatever the case of its name; the first value of a repeated header. */
export function headerValue(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[]>)) {
    if (key.toLowerCase() !== wanted) continue;
    return typeof value === 'string' ? value : (value[0] ?? null);
  }
  return null;
}

function firstNumber(headers: HeaderSource, names: readonly string[]): number | null {
  for (const name of names) {
    const raw = headerValue(headers, name);
    if (raw === null) continue;
    const value = Number(raw.trim());
    if (Number.isFinite(value)) return value;
  }
  return null;
}

/** The first readable `used/limit` value among `names`, as limit and what is left of it. */
function firstUsedOfLimit(
  headers: HeaderSource,
  names: readonly string[],
): { used: number; limit: number; remaining: number } | null {
  for (const name of names) {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(headerValue(headers, name) ?? '');
    if (!match) continue;
    const [used, limit] = [Number(match[1]), Number(match[2])];
    return { used, limit, remaining: Math.max(0, limit - used) };
  }
  return null;
}

/** When one more call fits in a full leaky bucket, in milliseconds; null unless it is full and drains at a known rate. */
function bucketWaitMs(bucket: { used: number; limit: number } | null, drainSeconds: number | undefined): number | null {
  if (!bucket || drainSeconds === undefined || bucket.limit <= 0 || bucket.used < bucket.limit) return null;
  return Math.ceil(((bucket.used - bucket.limit + 1) * drainSeconds * 1000) / bucket.limit);
}

/**
 * `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds
 * from `nowMs`, never negative, or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

export function readRateLimit(headers: HeaderSource, names: RateLimitHeaderNames, nowMs = Date.now()): RateLimitInfo {
  const resetSeconds = firstNumber(headers, names.resetSeconds);
  const combined = firstUsedOfLimit(headers, names.usedOfLimit ?? []);
  const retryAfter = ['retry-after', ...(names.retryAfter ?? [])]
    .map((name) => headerValue(headers, name))
    .find((value) => value !== null);
  const resetEpoch = firstNumber(headers, names.resetEpochSeconds ?? []);
  const resetMs =
    resetSeconds !== null
      ? Math.max(0, resetSeconds * 1000)
      : resetEpoch !== null
        ? Math.max(0, resetEpoch * 1000 - nowMs)
        : bucketWaitMs(combined, names.bucketDrainSeconds);
  return {
    limit: firstNumber(headers, names.limit) ?? combined?.limit ?? null,
    remaining: firstNumber(headers, names.remaining) ?? combined?.remaining ?? null,
    retryAfterMs: parseRetryAfter(retryAfter ?? null, nowMs),
    resetMs,
  };
}

/**
 * The shortest wait after a 429 that only names its reset time. An absolute reset read against a
 * client clock that runs ahead of the helpdesk's would be "now" for ever; a second keeps the
 * retries from hammering an API whose windows are seconds long (Intercom: 10 s).
 */
export const MIN_RESET_WAIT_MS = 1000;

/**
 * How long a failed request asks to wait: `Retry-After` where sent (429, 503); on a 429 without it,
 * until the window resets (Intercom documents no Retry-After, only `X-RateLimit-Reset`).
 */
export function retryAfterOf(status: number, info: RateLimitInfo): number | null {
  if (info.retryAfterMs !== null) return info.retryAfterMs;
  if (status === 429 && info.resetMs !== null) return Math.max(MIN_RESET_WAIT_MS, info.resetMs);
  return null;
}

export const NO_RATE_LIMIT_INFO: RateLimitInfo = { limit: null, remaining: null, retryAfterMs: null, resetMs: null };
