import { HelpdeskError, isHelpdeskError } from '../helpdesks/shared/errors';
import type { RequestRunner } from '../helpdesks/shared/http-client';
import type { RateLimitInfo } from '../helpdesks/shared/rate-limit';

/** How patient a background sync is with a helpdesk. */
export interface RetryPolicy {
  /** Attempts per request, the first included, for 429 / 5xx / network / timeout. */
  maxAttempts: number;
  /** First backoff delay; it doubles each attempt, up to `maxDelayMs`, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * The longest `Retry-After` (or rate-limit window) worth waiting out inside a sync. Longer, and
   * the sync stops with `rate-limited` and resumes at its next run from its checkpoint.
   */
  maxWaitMs: number;
  /** How long to pause when `remaining` hits 0 and the helpdesk gives no reset time (limits are per minute). */
  rateWindowMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxWaitMs: 5 * 60_000,
  rateWindowMs: 60_000,
};

/** Time, injectable so tests run in milliseconds. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1) for jitter. */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** Why the runner is about to wait; the sync engine extends its lock before a long wait. */
export type WaitReason = 'rate-limit' | 'backoff';

/**
 * Exponential backoff with "equal jitter": half the delay fixed, half random, so many clients that
 * failed together do not retry together (aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * A {@link RequestRunner} for background syncs: waits out rate limits and retries transient
 * failures a bounded number of times. It honours `Retry-After` on a 429 and, after a success whose
 * `remaining` is 0, holds the next request until the window resets — the limit is shared with the
 * account's other integrations (HELPDESK-APIS.md §3.9), so running into 429s on purpose is rude.
 */
export function createRetryingRunner(
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  clock: Clock = systemClock,
  onWait?: (ms: number, reason: WaitReason) => Promise<void> | void,
): RequestRunner {
  let blockedUntil = 0;

  async function wait(ms: number, reason: WaitReason, signal?: AbortSignal) {
    if (ms <= 0) return;
    await onWait?.(ms, reason);
    await clock.sleep(ms, signal);
  }

  function noteRateLimit(rateLimit: RateLimitInfo) {
    if (rateLimit.remaining !== null && rateLimit.remaining <= 0) {
      blockedUntil = clock.now() + (rateLimit.resetMs ?? rateLimit.retryAfterMs ?? policy.rateWindowMs);
    }
  }

  return async (attempt, { endpoint, signal }) => {
    for (let attemptNumber = 1; ; attemptNumber++) {
      await wait(blockedUntil - clock.now(), 'rate-limit', signal);
      try {
        const result = await attempt();
        noteRateLimit(result.rateLimit);
        return result;
      } catch (error) {
        if (!isHelpdeskError(error) || !error.transient) throw error;
        if (attemptNumber >= policy.maxAttempts) throw exhausted(error, attemptNumber);
        // Retry-After comes with a 429, and may with a 503 (RFC 9110 §10.2.3): the server knows best.
        const retryAfter = error.details.retryAfterMs ?? null;
        if (retryAfter !== null) {
          if (retryAfter > policy.maxWaitMs) {
            const what = error.code === 'rate-limited' ? 'rate limited' : 'unavailable';
            throw new HelpdeskError(
              error.code,
              `${endpoint}: ${what}; the helpdesk asks to wait ${Math.ceil(retryAfter / 1000)} s.`,
              {
                ...error.details,
                cause: error,
              },
            );
          }
          blockedUntil = Math.max(blockedUntil, clock.now() + retryAfter);
          continue;
        }
        await wait(backoffDelay(attemptNumber, policy, clock.random), 'backoff', signal);
      }
    }
  };
}

function exhausted(error: HelpdeskError, attempts: number): HelpdeskError {
  return new HelpdeskError(error.code, `${error.message} (gave up after ${attempts} attempts)`, {
    ...error.details,
    cause: error,
  });
}
