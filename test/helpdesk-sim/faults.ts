/**
 * Switchable failures, so tests can prove the sync survives what real helpdesks and the networks in
 * front of them do: rate limits, 5xx, slowness, broken or unexpected bodies, an SSO login page.
 */
import { z } from 'zod';
import { html, json, text, type SimResponse } from './http-kit';
import type { Fault, FaultControls, SimKind } from './model';

/** Validates faults sent over the control API (`POST /__sim/faults`). */
export const faultSchema: z.ZodType<Fault> = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('rate-limit'), count: z.number().int().positive(), retryAfterSeconds: z.number().int().nonnegative() }),
    z.object({ type: z.literal('server-error'), count: z.number().int().positive(), status: z.union([z.literal(500), z.literal(502), z.literal(503)]).optional() }),
    z.object({ type: z.literal('slow'), delayMs: z.number().int().nonnegative(), count: z.number().int().positive().optional() }),
    z.object({ type: z.literal('malformed-json'), count: z.number().int().positive() }),
    z.object({ type: z.literal('schema-invalid'), count: z.number().int().positive() }),
    z.object({ type: z.literal('html-login'), count: z.number().int().positive() }),
  ])
  .and(z.object({ pathPrefix: z.string().optional(), skip: z.number().int().nonnegative().optional() }));

/**
 * A helpdesk's own wording of the failures below, where it differs from the default (Zendesk's
 * text/plain 429 with Retry-After, its or Freshdesk's 500 body). Intercom's 429 names only the
 * reset time, so the voice gets the wait and words it.
 */
export interface FaultVoice {
  rateLimited(retryAfterSeconds: number): SimResponse;
  serverError(): SimResponse;
}

/** What the faults decide for one API request before the route runs. */
export interface PreDecision {
  delayMs: number;
  /** A response that replaces the real one (429, 5xx, login page), or null. */
  replace: SimResponse | null;
}

/**
 * The armed faults of one helpdesk. Each counts only the API requests whose path starts with its
 * pathPrefix, once its `skip` requests went through; a fault without a count (slow only) stays until cleared.
 */
export class FaultSwitchboard implements FaultControls {
  private faults: Fault[] = [];

  constructor(
    private readonly kind: SimKind,
    private readonly voice?: FaultVoice,
  ) {}

  set(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  get active(): readonly Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /** Faults that act before the route: delay, and the first armed replacement. */
  before(path: string): PreDecision {
    let delayMs = 0;
    const slow = this.take(path, (fault) => fault.type === 'slow');
    if (slow?.type === 'slow') delayMs = slow.delayMs;
    const fault = this.take(path, (candidate) => candidate.type === 'rate-limit' || candidate.type === 'server-error' || candidate.type === 'html-login');
    return { delayMs, replace: fault ? this.replacement(fault) : null };
  }

  /**
   * Faults that damage a successful JSON answer. They wait for one (a 401 or 404 stays as it is),
   * because "200 with a broken body" is the case a client must survive.
   */
  after(path: string, response: SimResponse): SimResponse {
    if (response.kind !== 'json' || response.status < 200 || response.status > 299) return response;
    const fault = this.take(path, (candidate) => candidate.type === 'malformed-json' || candidate.type === 'schema-invalid');
    if (!fault) return response;
    if (fault.type === 'schema-invalid') return { ...response, body: corruptOneItem(response.body) };
    const full = JSON.stringify(response.body);
    // Cut mid-document, as a dropped connection behind a proxy would.
    return text(200, full.slice(0, Math.max(1, Math.floor(full.length / 2))), response.headers['content-type'] ?? 'application/json', response.headers);
  }

  /**
   * Finds the first armed fault that applies to `path`, and uses up one of its count. Every applying
   * fault still skipping counts this request as one it let through, whichever fault (if any) acts.
   */
  private take(path: string, wanted: (fault: Fault) => boolean): Fault | null {
    let index = -1;
    this.faults.forEach((candidate, position) => {
      if (!wanted(candidate) || !path.startsWith(candidate.pathPrefix ?? '')) return;
      if (candidate.skip) candidate.skip -= 1;
      else if (index < 0) index = position;
    });
    const fault = this.faults[index];
    if (!fault) return null;
    if (fault.count !== undefined) {
      fault.count -= 1;
      if (fault.count <= 0) this.faults.splice(index, 1);
    }
    return fault;
  }

  private replacement(fault: Fault): SimResponse | null {
    switch (fault.type) {
      case 'rate-limit':
        if (this.voice) return this.voice.rateLimited(fault.retryAfterSeconds);
        // Zendesk answers 429 with a text/plain body (not JSON); Freshdesk's body is (unverified) plain text too.
        // Help Scout names the wait X-RateLimit-Retry-After (HELPDESK-APIS.md §3.9), and sends no Retry-After.
        return text(429, 'Too Many Requests\n', 'text/plain; charset=utf-8', {
          [this.kind === 'helpscout' ? 'x-ratelimit-retry-after' : 'retry-after']: String(fault.retryAfterSeconds),
        });
      case 'server-error': {
        const status = fault.status ?? 500;
        if (status === 500 && this.voice) return this.voice.serverError();
        if (status === 500) {
          const body = this.kind === 'zendesk' ? { error: 'InternalServerError', description: 'Something went wrong' } : { code: 'internal_error', message: 'We are facing some issues. Please try again later.' };
          return json(500, body);
        }
        // 502/503 come from the load balancer in front, as an HTML page.
        const title = status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable';
        return html(status, `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`);
      }
      case 'html-login':
        return html(200, LOGIN_PAGE);
      default:
        return null;
    }
  }
}

/** What a proxy or SSO gateway answers instead of the API: a 200 login page. */
const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
<body><main><h1>Sign in to continue</h1>
<form method="post" action="/access/login"><label>Email <input name="email" type="email"></label>
<label>Password <input name="password" type="password"></label><button type="submit">Sign in</button></form>
</main></body></html>`;

/**
 * Gives one item of the answer's list a field of the wrong type: `ticket_id: "abc"` where there is
 * one, else `score: 42` / `rating: "abc"` / `id: "abc"`. The middle item, so a client that checks
 * only the first one is caught.
 */
export function corruptOneItem(body: unknown): unknown {
  const copy = structuredClone(body);
  const list = findList(copy);
  const target = list ? list[Math.floor(list.length / 2)] : isRecord(copy) ? firstRecordValue(copy) ?? copy : null;
  if (!isRecord(target)) return copy;
  if ('ticket_id' in target) target.ticket_id = 'abc';
  else if ('score' in target) target.score = 42;
  else if (Array.isArray(target.answers) && isRecord(target.answers[0])) target.answers[0].rating = 'abc';
  else target.id = 'abc';
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value.length > 0 ? value : null;
  if (!isRecord(value)) return null;
  for (const child of Object.values(value)) if (Array.isArray(child) && child.length > 0 && isRecord(child[0])) return child;
  return null;
}

function firstRecordValue(value: Record<string, unknown>): Record<string, unknown> | null {
  for (const child of Object.values(value)) if (isRecord(child)) return child;
  return null;
}
