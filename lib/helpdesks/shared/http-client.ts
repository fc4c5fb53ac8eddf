import type { z } from 'zod';
import { formatPath } from '../../model/common';
import { HelpdeskError, codeForStatus, messageForStatus } from './errors';
import { readRateLimit, retryAfterOf, type RateLimitHeaderNames, type RateLimitInfo } from './rate-limit';

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

/**
 * An `Authorization` header that is not fixed: OAuth client credentials are traded for a short-lived
 * bearer token (oauth-client-token.ts). `fresh: false` may answer from a cache; after a 401 the
 * client asks once with `fresh: true` and retries the request with that value, so an expired or
 * revoked token costs one extra request, not a failed sync. A provider that cannot get a value
 * throws a `HelpdeskError` (e.g. `unauthorized` for a revoked client).
 */
export type AuthorizationProvider = (request: { fresh: boolean; signal?: AbortSignal }) => Promise<string>;

/** How to reach one helpdesk account. */
export interface HttpClientConfig {
  /** The connection's origin; every request goes here and nowhere else. */
  origin: string;
  /**
   * The full `Authorization` header value; or a provider of it (see {@link AuthorizationProvider});
   * or null for requests that carry none (an OAuth token endpoint, whose secret is in the body).
   */
  authorization: string | AuthorizationProvider | null;
  rateLimitHeaders: RateLimitHeaderNames;
  /**
   * Headers every request carries besides auth and content negotiation, e.g. Intercom's
   * `Intercom-Version: 2.14` (without it Intercom answers in the app's own default version).
   */
  headers?: Readonly<Record<string, string>>;
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
  /**
   * POSTs `fields` form-encoded (`application/x-www-form-urlencoded`) and parses the JSON answer:
   * what OAuth 2 token endpoints take (RFC 6749 §4.4.2). Sent only to the origin, like the others.
   */
  postForm<S extends z.ZodType>(
    url: string,
    fields: Readonly<Record<string, string>>,
    schema: S,
    options?: RequestOptions,
  ): Promise<JsonResponse<z.output<S>>>;
}

/** A request body and its media type. */
interface RequestBody {
  text: string;
  contentType: string;
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

  /** One HTTP exchange with the given `Authorization` value (null: none). */
  async function send(
    target: string,
    endpoint: string,
    authorization: string | null,
    signal?: AbortSignal,
    body?: RequestBody,
  ): Promise<{ response: Response; text: string }> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const response = await fetchImpl(target, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          ...config.headers,
          Accept: 'application/json',
          ...(authorization === null ? {} : { Authorization: authorization }),
          ...(body === undefined ? {} : { 'Content-Type': body.contentType }),
        },
        body: body?.text,
        // A 401 with `WWW-Authenticate: Basic` otherwise opens an invisible login prompt that never
        // settles in an extension page (shared STACK.md, "Permissions, run-time content scripts, CORS").
        credentials: 'omit',
        cache: 'no-store',
        signal: combined,
      });
      return { response, text: await response.text() };
    } catch (error) {
      throw transportError(error, endpoint, origin, timeoutMs, signal, timeout);
    }
  }

  async function attempt<S extends z.ZodType>(
    target: string,
    schema: S,
    endpoint: string,
    signal?: AbortSignal,
    body?: RequestBody,
  ) {
    const auth = config.authorization;
    let { response, text } = await send(
      target,
      endpoint,
      typeof auth === 'function' ? await auth({ fresh: false, signal }) : auth,
      signal,
      body,
    );
    // A provided token may have expired or been replaced since it was cached: one fresh try.
    if (response.status === 401 && typeof auth === 'function') {
      ({ response, text } = await send(target, endpoint, await auth({ fresh: true, signal }), signal, body));
    }
    const rateLimit = readRateLimit(response.headers, config.rateLimitHeaders, now());
    if (!response.ok) {
      throw new HelpdeskError(codeForStatus(response.status), messageForStatus(response.status, endpoint), {
        endpoint,
        status: response.status,
        retryAfterMs: retryAfterOf(response.status, rateLimit),
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
      return post(pathOrUrl, { text: JSON.stringify(body), contentType: 'application/json' }, schema, options);
    },
    postForm(pathOrUrl, fields, schema, options = {}) {
      const text = new URLSearchParams(Object.entries(fields)).toString();
      return post(pathOrUrl, { text, contentType: 'application/x-www-form-urlencoded' }, schema, options);
    },
  };

  function post<S extends z.ZodType>(pathOrUrl: string, body: RequestBody, schema: S, options: RequestOptions) {
    const target = resolveOnOrigin(pathOrUrl, origin);
    const endpoint = `POST ${new URL(target).pathname}`;
    return runner(() => attempt(target, schema, endpoint, options.signal, body), { endpoint, signal: options.signal });
  }
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
