import { describe, expect, it } from 'vitest';
import { HelpdeskError } from '../helpdesks/shared/errors';
import { NO_RATE_LIMIT_INFO, type RateLimitInfo } from '../helpdesks/shared/rate-limit';
import { DEFAULT_RETRY_POLICY, backoffDelay, createRetryingRunner } from './request-runner';
import { fakeClock } from './test-harness';

type Result = { rateLimit: RateLimitInfo; value: number };
const ok = (value = 1, rateLimit: Partial<RateLimitInfo> = {}): Result => ({
  value,
  rateLimit: { ...NO_RATE_LIMIT_INFO, ...rateLimit },
});
const context = { endpoint: 'GET /api/v2/x' };

/** An attempt that fails with the given errors first, then succeeds. */
function flaky(...failures: HelpdeskError[]) {
  let calls = 0;
  const attempt = async () => {
    calls++;
    const failure = failures.shift();
    if (failure) throw failure;
    return ok(calls);
  };
  return { attempt, calls: () => calls };
}

describe('createRetryingRunner', () => {
  it('retries 5xx, network errors and timeouts with exponential backoff and jitter', async () => {
    const clock = fakeClock();
    const { attempt, calls } = flaky(
      new HelpdeskError('server', '500'),
      new HelpdeskError('network', 'down'),
      new HelpdeskError('timeout', 'slow'),
    );
    const result = await createRetryingRunner(DEFAULT_RETRY_POLICY, clock)(attempt, context);
    expect(result.value).toBe(4);
    expect(calls()).toBe(4);
    // random() = 0.5: three quarters of 1 s, 2 s, 4 s.
    expect(clock.sleeps).toEqual([750, 1500, 3000]);
  });

  it('gives up after maxAttempts, keeping the code and saying so', async () => {
    const clock = fakeClock();
    const failures = Array.from(
      { length: 10 },
      () => new HelpdeskError('server', 'GET /api/v2/x: 500', { status: 500 }),
    );
    const { attempt, calls } = flaky(...failures);
    const runner = createRetryingRunner({ ...DEFAULT_RETRY_POLICY, maxAttempts: 3 }, clock);
    await expect(runner(attempt, context)).rejects.toMatchObject({
      code: 'server',
      message: 'GET /api/v2/x: 500 (gave up after 3 attempts)',
    });
    expect(calls()).toBe(3);
  });

  it('waits exactly Retry-After on a 429', async () => {
    const clock = fakeClock();
    const { attempt } = flaky(new HelpdeskError('rate-limited', '429', { retryAfterMs: 7000 }));
    await createRetryingRunner(DEFAULT_RETRY_POLICY, clock)(attempt, context);
    expect(clock.sleeps).toEqual([7000]);
  });

  it('stops at once when Retry-After is longer than a sync should wait', async () => {
    const clock = fakeClock();
    const { attempt, calls } = flaky(new HelpdeskError('rate-limited', '429', { retryAfterMs: 3_600_000 }));
    await expect(createRetryingRunner(DEFAULT_RETRY_POLICY, clock)(attempt, context)).rejects.toMatchObject({
      code: 'rate-limited',
      message: /wait 3600 s/,
    });
    expect(calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('holds the next request when remaining reaches 0, until the reset or for a window', async () => {
    const clock = fakeClock();
    const runner = createRetryingRunner(DEFAULT_RETRY_POLICY, clock);
    await runner(async () => ok(1, { remaining: 0, resetMs: 12_000 }), context);
    await runner(async () => ok(2, { remaining: 0 }), context);
    await runner(async () => ok(3, { remaining: 5 }), context);
    await runner(async () => ok(4), context);
    expect(clock.sleeps).toEqual([12_000, DEFAULT_RETRY_POLICY.rateWindowMs]);
  });

  it.each(['unauthorized', 'forbidden', 'schema', 'not-json', 'not-found'] as const)(
    'does not retry %s',
    async (code) => {
      const { attempt, calls } = flaky(new HelpdeskError(code, code));
      await expect(createRetryingRunner(DEFAULT_RETRY_POLICY, fakeClock())(attempt, context)).rejects.toMatchObject({
        code,
      });
      expect(calls()).toBe(1);
    },
  );

  it('tells the caller before each wait, so a lock can be extended', async () => {
    const waits: [number, string][] = [];
    const { attempt } = flaky(
      new HelpdeskError('rate-limited', '429', { retryAfterMs: 2000 }),
      new HelpdeskError('server', '502'),
    );
    await createRetryingRunner(
      DEFAULT_RETRY_POLICY,
      fakeClock(),
      (ms, reason) => void waits.push([ms, reason]),
    )(attempt, context);
    expect(waits).toEqual([
      [2000, 'rate-limit'],
      [1500, 'backoff'],
    ]);
  });
});

describe('backoffDelay', () => {
  it('doubles up to the ceiling, with half of it random', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, policy, () => 0))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect(backoffDelay(3, policy, () => 0.999999)).toBe(400);
  });
});

describe('Retry-After on a 503', () => {
  it('is honoured like a 429’s', async () => {
    const clock = fakeClock();
    const { attempt } = flaky(new HelpdeskError('server', '503', { status: 503, retryAfterMs: 4000 }));
    await createRetryingRunner(DEFAULT_RETRY_POLICY, clock)(attempt, context);
    expect(clock.sleeps).toEqual([4000]);
  });
});
