import { describe, expect, it } from 'vitest';
import { FRESHDESK_RATE_LIMIT_HEADERS } from '../freshdesk/api';
import { GORGIAS_RATE_LIMIT_HEADERS } from '../gorgias/api';
import { ZENDESK_RATE_LIMIT_HEADERS } from '../zendesk/api';
import { parseRetryAfter, readRateLimit, retryAfterOf } from './rate-limit';
import { fixture } from './test-fixtures';

describe('readRateLimit', () => {
  it('reads Zendesk’s recorded lower-case headers', () => {
    const recorded = fixture<{ headers: Record<string, string[]> }>(
      'zendesk',
      'zendesk-response-headers-ratelimit-zenpy-fixture.json',
    );
    expect(readRateLimit(recorded.headers, ZENDESK_RATE_LIMIT_HEADERS, 0)).toEqual({
      limit: 700,
      remaining: 569,
      retryAfterMs: null,
      resetMs: 5000,
    });
  });

  it('reads Freshdesk’s X-RateLimit-* whatever the case, and Retry-After', () => {
    const headers = new Headers({
      'X-RateLimit-Total': '200',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Used-CurrentRequest': '1',
      'Retry-After': '31',
    });
    expect(readRateLimit(headers, FRESHDESK_RATE_LIMIT_HEADERS, 0)).toEqual({
      limit: 200,
      remaining: 0,
      retryAfterMs: 31_000,
      resetMs: null,
    });
    const plain = { 'x-ratelimit-total': ['700'], 'X-RATELIMIT-REMAINING': '12' };
    expect(readRateLimit(plain, FRESHDESK_RATE_LIMIT_HEADERS, 0)).toMatchObject({ limit: 700, remaining: 12 });
  });

  it('reads Gorgias’s `used/limit` bucket header and its `Retry-after`', () => {
    const headers = new Headers({ 'X-Gorgias-Account-Api-Call-Limit': '10/40', 'Retry-after': '3' });
    expect(readRateLimit(headers, GORGIAS_RATE_LIMIT_HEADERS, 0)).toEqual({
      limit: 40,
      remaining: 30,
      retryAfterMs: 3000,
      resetMs: null,
    });
    // A full bucket drains 40 calls in 20 s: one more call fits after 0.5 s, two over the limit after 1 s.
    const full = { 'x-gorgias-account-api-call-limit': ['40/40'] };
    expect(readRateLimit(full, GORGIAS_RATE_LIMIT_HEADERS, 0)).toMatchObject({ limit: 40, remaining: 0, resetMs: 500 });
    const over = { 'x-gorgias-account-api-call-limit': ['41/40'] };
    expect(readRateLimit(over, GORGIAS_RATE_LIMIT_HEADERS, 0)).toMatchObject({ remaining: 0, resetMs: 1000 });
    expect(readRateLimit({ 'x-gorgias-account-api-call-limit': '39/40' }, GORGIAS_RATE_LIMIT_HEADERS, 0)).toMatchObject(
      {
        remaining: 1,
        resetMs: null,
      },
    );
    const unreadable = { 'x-gorgias-account-api-call-limit': 'lots' };
    expect(readRateLimit(unreadable, GORGIAS_RATE_LIMIT_HEADERS, 0)).toMatchObject({ limit: null, remaining: null });
  });

  it('says nothing when the headers say nothing', () => {
    expect(readRateLimit(new Headers(), ZENDESK_RATE_LIMIT_HEADERS, 0)).toEqual({
      limit: null,
      remaining: null,
      retryAfterMs: null,
      resetMs: null,
    });
  });
});

describe('absolute reset times (Intercom’s X-RateLimit-Reset, unix seconds)', () => {
  const names = {
    limit: ['x-ratelimit-limit'],
    remaining: ['x-ratelimit-remaining'],
    resetSeconds: [],
    resetEpochSeconds: ['x-ratelimit-reset'],
  };
  const now = Date.parse('2026-11-20T12:00:00Z');
  const headers = (reset: number) =>
    new Headers({ 'X-RateLimit-Limit': '167', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) });

  it('reads the reset as the time left on the client’s clock, never negative', () => {
    expect(readRateLimit(headers(now / 1000 + 4), names, now)).toEqual({
      limit: 167,
      remaining: 0,
      retryAfterMs: null,
      resetMs: 4000,
    });
    expect(readRateLimit(headers(now / 1000 - 4), names, now).resetMs).toBe(0);
  });

  it('a 429 without Retry-After waits until the reset (at least a second); Retry-After wins where sent', () => {
    const info = readRateLimit(headers(now / 1000 + 4), names, now);
    expect(retryAfterOf(429, info)).toBe(4000);
    expect(retryAfterOf(429, { ...info, resetMs: 0 })).toBe(1000);
    expect(retryAfterOf(429, { ...info, retryAfterMs: 9000 })).toBe(9000);
    // Only a 429 is a request to wait for the window; a 500 with rate headers is not.
    expect(retryAfterOf(500, info)).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
