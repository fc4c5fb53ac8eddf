import type { z } from 'zod';
import { formatPath } from '../../model/common';
import { HelpdeskError, codeForStatus, messageForStatus } from './errors';
import { readRateLimit, type RateLimitHeaderNames, type RateLimitInfo } from './rate-limit';

/** The part of `fetch` the client uses; tests inject one that talks to the simulator or fails on cue. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A parsed JSON answer with what the sync engine needs besides the body. */
export interface JsonResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  /** The URL that was requested. */
  url: string;
  /** `GET /api/v2/satisfaction_ratings`: method and path, for messages. */
  endpoint: string;
  rateLimit: RateLimitInfo;
}

/**
 * Runs one request, possibly several times. The client itself tries once; the sync engine passes a
 * runner that waits on rate limits and retries transient failures (lib/sync/request-runner.ts), so
 * a connection test answers at once while a background sync is patient.
 */
export type RequestRunner = <R extends { rateLimit: RateLimitInfo }>(
  attempt: () => Promise<R>,
  context: { endpoint: string; signal?: AbortSignal },
) => Promise<R>;

export const runOnce: RequestRunner = (attempt) => attempt();

/** How to reach one helpdesk account. */
export interface HttpClientConfig {
  /** The connection's origin; every request goes here and nowhere else. */
  origin: string;
  /** The full `Authorization` header value. */
  authorization: string;
  rateLimitHeaders: RateLimitHeaderNames;
  fetch?: FetchLike;
  /** Per attempt; a helpdesk that hangs must not hold a sync (or a service worker) forever. */
  timeoutMs?: number;
  runner?: RequestRunner;
  now?: () => number;
}

/** Per-request options: the caller's signal stops the request (a sync being stopped). */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** A JSON-over-HTTPS client for one helpdesk account: auth, timeouts, error codes, schema checks. */
export interface HttpClient {
  readonly origin: string;
  /** An absolute URL on the origin with the query encoded (`page[size]` becomes `page%5Bsize%5D`). */
  url(path: string, query?: Readonly<Record<string, string | number | null | undefined>>): string;
  /** GETs `url` (absolute, or a path on the origin) and parses the body with `schema`. */
  getJson<S extends z.ZodType>(url: string, schema: S, options?: RequestOptions): Promise<JsonResponse<z.output<S>>>;
  /**
   * POSTs `body` as JSON to `url` and parses the answer with `schema`. For APIs whose reads are
   * POSTs (Intercom's search); never used to change anything in the helpdesk.
   */
  postJson<S extends z.ZodType>(
    url: string,
    body: unknown,
    schema: S,
    options?: RequestOptions,
  ): Promise<JsonResponse<z.output<S>>>;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

export function createHttpClient(config: HttpClientConfig): HttpClient {
  const fetchImpl: FetchLike = config.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const runner = config.runner ?? runOnce;
  const now = config.now ?? Date.now;
  const origin = config.origin;

  function url(path: string, query: Readonly<Record<string, string | number | null | undefined>> = {}): string {
    const target = new URL(path, origin);
    for (const [key, value] of Object.entries(query)) {
      if (value !== null && value !== undefined) target.searchParams.set(key, String(value));
    }
    return target.toString();
  }

  async function attempt<S extends z.ZodType>(
    target: string,
    schema: S,
    endpoint: string,
    signal?: AbortSignal,
    body?: string,
  ) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(target, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          Accept: 'application/json',
          Authorization: config.authorization,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body,
        // A 401 with `WWW-Authenticate: Basic` otherwise opens an invisible login prompt that never
        // settles in an extension page (shared STACK.md, "Permissions, run-time content scripts, CORS").
        credentials: 'omit',
        cache: 'no-store',
        signal: combined,
      });
      text = await response.text();
    } catch (error) {
      throw transportError(error, endpoint, origin, timeoutMs, signal, timeout);
    }
    const rateLimit = readRateLimit(response.headers, config.rateLimitHeaders, now());
    if (!response.ok) {
      throw new HelpdeskError(codeForStatus(response.status), messageForStatus(response.status, endpoint), {
        endpoint,
        status: response.status,
        retryAfterMs: rateLimit.retryAfterMs,
      });
    }
    const data = parseBody(text, response.headers.get('content-type'), schema, endpoint);
    return { data, status: response.status, headers: response.headers, url: target, endpoint, rateLimit };
  }

  return {
    origin,
    url,
    getJson(pathOrUrl, schema, options = {}) {
      const target = resolveOnOrigin(pathOrUrl, origin);
      const endpoint = `GET ${new URL(target).pathname}`;
      return runner(() => attempt(target, schema, endpoint, options.signal), { endpoint, signal: options.signal });
    },
    postJson(pathOrUrl, body, schema, options = {}) {
      const target = resolveOnOrigin(pathOrUrl, origin);
      const endpoint = `POST ${new URL(target).pathname}`;
      const text = JSON.stringify(body);
      return runner(() => attempt(target, schema, endpoint, options.signal, text), {
        endpoint,
        signal: options.signal,
      });
    },
  };
}

/**
 * Resolves a path or a "next page" URL on the connection's origin. A next link that names another
 * host (Zendesk may answer with a different host alias, HELPDESK-APIS.md §2) keeps its path and
 * query as-is but is sent to the connection's origin: credentials go only to the origin the user
 * connected and granted the host permission for.
 */
export function resolveOnOrigin(pathOrUrl: string, origin: string): string {
  const target = new URL(pathOrUrl, origin);
  if (target.origin === origin) return target.toString();
  return `${origin}${target.pathname}${target.search}`;
}

function transportError(
  error: unknown,
  endpoint: string,
  origin: string,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  timeout: AbortSignal,
): HelpdeskError {
  if (callerSignal?.aborted) return new HelpdeskError('aborted', `${endpoint}: stopped.`, { endpoint, cause: error });
  if (timeout.aborted) {
    return new HelpdeskError(
      'timeout',
      `${endpoint}: no answer from ${origin} within ${Math.round(timeoutMs / 1000)} s.`,
      {
        endpoint,
        cause: error,
      },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new HelpdeskError(
    'network',
    `${endpoint}: could not reach ${origin} (${reason}). Check the address, the network, and that GapLens may access this site.`,
    { endpoint, cause: error },
  );
}

function parseBody<S extends z.ZodType>(
  text: string,
  contentType: string | null,
  schema: S,
  endpoint: string,
): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const looksLikeHtml = /^\s*</.test(text) || (contentType ?? '').includes('html');
    const start = text.trim().slice(0, 40).replace(/\s+/g, ' ');
    throw new HelpdeskError(
      'not-json',
      looksLikeHtml
        ? `${endpoint}: the answer is a web page, not JSON (it starts “${start}”): probably a login page. Check the URL.`
        : `${endpoint}: the answer is not JSON (it starts “${start}”). Check the URL.`,
      { endpoint, cause: error },
    );
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new HelpdeskError('schema', `${endpoint}: ${describeIssues(parsed.error)}`, { endpoint, cause: parsed.error });
}

/**
 * The first problem of a failed parse with its path, e.g. `satisfaction_ratings[3].ticket_id:
 * expected number`; the count of further problems is appended, not their text, to keep it readable.
 */
export function describeIssues(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  if (!first) return 'unexpected shape';
  // zod words a type problem "Invalid input: expected number, received string"; the prefix says nothing.
  const what = first.message.replace(/^Invalid input:\s*/, '');
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  return `${formatPath(first.path)}: ${what}${more}`;
}
