import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HelpdeskError } from './errors';
import { createHttpClient, resolveOnOrigin, type FetchLike } from './http-client';
import { fakeFetch } from './test-fixtures';

const ORIGIN = 'https://acme.zendesk.com';
const NAMES = { limit: ['x-rate-limit'], remaining: ['x-rate-limit-remaining'], resetSeconds: [] };
const itemSchema = z.object({ items: z.array(z.object({ id: z.number() })) });

function client(fetch: FetchLike, timeoutMs = 1000) {
  return createHttpClient({ origin: ORIGIN, authorization: 'Basic abc', rateLimitHeaders: NAMES, fetch, timeoutMs });
}

async function failure(promise: Promise<unknown>): Promise<HelpdeskError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HelpdeskError);
  return error as HelpdeskError;
}

describe('createHttpClient', () => {
  it('sends the authorization, asks for JSON, omits browser credentials and sets a timeout signal', async () => {
    const fetch = fakeFetch([
      ['/api/v2/things', { body: { items: [{ id: 1 }] }, headers: { 'x-rate-limit-remaining': '9' } }],
    ]);
    const response = await client(fetch).getJson('/api/v2/things', itemSchema);
    expect(response.data.items[0]?.id).toBe(1);
    expect(response.endpoint).toBe('GET /api/v2/things');
    expect(response.rateLimit.remaining).toBe(9);
    const init = fetch.calls[0]!.init;
    expect(init.credentials).toBe('omit');
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(init.headers).get('authorization')).toBe('Basic abc');
    expect(new Headers(init.headers).get('accept')).toBe('application/json');
  });

  it('POSTs a JSON body with its content type, sent only to the origin, and names the endpoint POST', async () => {
    const fetch = fakeFetch([['/conversations/search', { body: { items: [{ id: 7 }] } }]]);
    const response = await client(fetch).postJson(
      'https://elsewhere.example/conversations/search',
      { query: { field: 'id', operator: '=', value: 7 } },
      itemSchema,
    );
    expect(response.endpoint).toBe('POST /conversations/search');
    expect(response.data.items[0]?.id).toBe(7);
    const call = fetch.calls[0]!;
    expect(call.url).toBe(`${ORIGIN}/conversations/search`);
    expect(call.init.method).toBe('POST');
    expect(JSON.parse(String(call.init.body))).toEqual({ query: { field: 'id', operator: '=', value: 7 } });
    expect(new Headers(call.init.headers).get('content-type')).toBe('application/json');
    expect(new Headers(call.init.headers).get('authorization')).toBe('Basic abc');
  });

  it('encodes query parameters, brackets included', () => {
    const url = client(fakeFetch([])).url('/api/v2/satisfaction_ratings', {
      'page[size]': 100,
      start_time: null,
      score: 'received',
    });
    expect(url).toBe(`${ORIGIN}/api/v2/satisfaction_ratings?page%5Bsize%5D=100&score=received`);
  });

  it.each([
    [401, 'unauthorized', /token invalid or revoked/],
    [403, 'forbidden', /lack permission/],
    [404, 'not-found', /404/],
    [422, 'bad-request', /422/],
    [500, 'server', /server error/],
    [503, 'server', /server error/],
  ] as const)('classifies HTTP %i as %s, naming the endpoint', async (status, code, message) => {
    const error = await failure(
      client(fakeFetch([['/api', { status, text: '<html>gateway</html>' }]])).getJson('/api/v2/x', itemSchema),
    );
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(/^GET \/api\/v2\/x: /);
    expect(error.message).toMatch(message);
  });

  it('reads Retry-After on a 429 with a plain-text body', async () => {
    const fetch = fakeFetch([
      [
        '/api',
        { status: 429, text: 'Too Many Requests', headers: { 'Retry-After': '7', 'content-type': 'text/plain' } },
      ],
    ]);
    const error = await failure(client(fetch).getJson('/api/v2/x', itemSchema));
    expect(error.code).toBe('rate-limited');
    expect(error.details.retryAfterMs).toBe(7000);
    expect(error.transient).toBe(true);
  });

  it('on a 429 without Retry-After waits until the absolute reset (Intercom), at least a second', async () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    const names = { ...NAMES, resetEpochSeconds: ['x-ratelimit-reset'] };
    const limited = (reset: number) =>
      fakeFetch([
        ['/me', { status: 429, body: { type: 'error.list' }, headers: { 'X-RateLimit-Reset': String(reset) } }],
      ]);
    const at = (fetch: FetchLike) =>
      createHttpClient({ origin: ORIGIN, authorization: 'Bearer t', rateLimitHeaders: names, fetch, now: () => now });
    expect((await failure(at(limited(now / 1000 + 8)).getJson('/me', itemSchema))).details.retryAfterMs).toBe(8000);
    // A reset already past on this clock (the client's clock runs ahead): still a short pause, not a hammering retry.
    expect((await failure(at(limited(now / 1000 - 30)).getJson('/me', itemSchema))).details.retryAfterMs).toBe(1000);
  });

  it('sends the configured fixed headers on every request, without letting them replace auth', async () => {
    const fetch = fakeFetch([[/./, { body: { items: [] } }]]);
    const versioned = createHttpClient({
      origin: ORIGIN,
      authorization: 'Bearer t',
      rateLimitHeaders: NAMES,
      headers: { 'Intercom-Version': '2.14', Authorization: 'Bearer forged' },
      fetch,
    });
    await versioned.getJson('/me', itemSchema);
    await versioned.postJson('/conversations/search', {}, itemSchema);
    for (const call of fetch.calls) {
      expect(new Headers(call.init.headers).get('intercom-version')).toBe('2.14');
      expect(new Headers(call.init.headers).get('authorization')).toBe('Bearer t');
    }
    await client(fetch).getJson('/me', itemSchema);
    expect(new Headers(fetch.calls[2]!.init.headers).has('intercom-version')).toBe(false);
  });

  it('calls an HTML page where JSON was expected a login page, and says to check the URL', async () => {
    const fetch = fakeFetch([['/api', { text: '<!DOCTYPE html><html><title>Sign in</title></html>' }]]);
    const error = await failure(client(fetch).getJson('/api/v2/users/me', itemSchema));
    expect(error.code).toBe('not-json');
    expect(error.message).toMatch(/GET \/api\/v2\/users\/me: .*login page.*Check the URL/);
  });

  it('reports a truncated JSON body as not JSON', async () => {
    const fetch = fakeFetch([
      ['/api', { text: '{"items":[{"id":1},{"i', headers: { 'content-type': 'application/json' } }],
    ]);
    const error = await failure(client(fetch).getJson('/api/v2/x', itemSchema));
    expect(error.code).toBe('not-json');
    expect(error.transient).toBe(false);
  });

  it('names the endpoint and the field path of a schema failure', async () => {
    const fetch = fakeFetch([['/api', { body: { items: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 'four' }] } }]]);
    const error = await failure(client(fetch).getJson('/api/v2/x', itemSchema));
    expect(error.code).toBe('schema');
    expect(error.message).toBe('GET /api/v2/x: items[3].id: expected number, received string');
  });

  it('classifies a failed connection as network and a hung one as timeout', async () => {
    const refused: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
    expect((await failure(client(refused).getJson('/api/v2/x', itemSchema))).code).toBe('network');

    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const error = await failure(client(hanging, 20).getJson('/api/v2/x', itemSchema));
    expect(error.code).toBe('timeout');
    expect(error.transient).toBe(true);
  });

  it('tells a caller’s abort apart from a timeout', async () => {
    const controller = new AbortController();
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const pending = client(hanging, 10_000).getJson('/api/v2/x', itemSchema, { signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).code).toBe('aborted');
  });
});

describe('resolveOnOrigin', () => {
  it('uses a next link on the origin as-is, percent-encoded brackets included', () => {
    const next = `${ORIGIN}/api/v2/satisfaction_ratings.json?page%5Bafter%5D=xxx&page%5Bsize%5D=2`;
    expect(resolveOnOrigin(next, ORIGIN)).toBe(next);
  });

  it('sends a next link that names another host to the connection’s origin, path and query unchanged', () => {
    const next =
      'https://example.zendesk.com/api/v2/satisfaction_ratings.json?page%5Bafter%5D=xxx&page%5Bsize%5D=2&score=received';
    expect(resolveOnOrigin(next, ORIGIN)).toBe(
      `${ORIGIN}/api/v2/satisfaction_ratings.json?page%5Bafter%5D=xxx&page%5Bsize%5D=2&score=received`,
    );
  });
});
