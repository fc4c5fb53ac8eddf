import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HelpdeskError } from './errors';
import { createHttpClient, type AuthorizationProvider } from './http-client';
import { fakeFetch } from './test-fixtures';

/*
 * The HTTP client with an authorization provider (OAuth client credentials) instead of a fixed
 * header, and its form-encoded POST for token endpoints.
 */

const ORIGIN = 'https://api.helpdesk.example';
const NAMES = { limit: [], remaining: [], resetSeconds: [] };
const schema = z.object({ ok: z.boolean() });

/** A provider handing out `Bearer t1`, `Bearer t2`… : a new token each time a fresh one is asked for. */
function countingProvider() {
  const asked: boolean[] = [];
  let issued = 1;
  const provider: AuthorizationProvider = async ({ fresh }) => {
    asked.push(fresh);
    if (fresh) issued++;
    return `Bearer t${issued}`;
  };
  return Object.assign(provider, { asked });
}

const authOf = (init: RequestInit) => new Headers(init.headers).get('authorization');

describe('createHttpClient with an authorization provider', () => {
  it('asks the provider for each request and sends what it gives', async () => {
    const provider = countingProvider();
    const fetch = fakeFetch([['/v2/x', { body: { ok: true } }]]);
    const client = createHttpClient({ origin: ORIGIN, authorization: provider, rateLimitHeaders: NAMES, fetch });
    await client.getJson('/v2/x', schema);
    await client.getJson('/v2/x', schema);
    expect(fetch.calls.map((call) => authOf(call.init))).toEqual(['Bearer t1', 'Bearer t1']);
    expect(provider.asked).toEqual([false, false]);
  });

  it('after a 401 asks once for a fresh value and retries with it', async () => {
    const provider = countingProvider();
    const fetch = fakeFetch([
      [
        /./,
        (_url) => (fetch.calls.length === 1 ? { status: 401, body: { error: 'expired' } } : { body: { ok: true } }),
      ],
    ]);
    const client = createHttpClient({ origin: ORIGIN, authorization: provider, rateLimitHeaders: NAMES, fetch });
    expect((await client.getJson('/v2/x', schema)).data).toEqual({ ok: true });
    expect(fetch.calls.map((call) => authOf(call.init))).toEqual(['Bearer t1', 'Bearer t2']);
    expect(provider.asked).toEqual([false, true]);
  });

  it('a second 401 is the answer: unauthorized, no third try', async () => {
    const provider = countingProvider();
    const fetch = fakeFetch([['/v2/x', { status: 401, body: {} }]]);
    const client = createHttpClient({ origin: ORIGIN, authorization: provider, rateLimitHeaders: NAMES, fetch });
    await expect(client.getJson('/v2/x', schema)).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    expect(fetch.calls).toHaveLength(2);
  });

  it('a fixed header is never retried on a 401', async () => {
    const fetch = fakeFetch([['/v2/x', { status: 401, body: {} }]]);
    const client = createHttpClient({ origin: ORIGIN, authorization: 'Basic abc', rateLimitHeaders: NAMES, fetch });
    await expect(client.getJson('/v2/x', schema)).rejects.toBeInstanceOf(HelpdeskError);
    expect(fetch.calls).toHaveLength(1);
  });

  it('a provider’s own failure is the request’s failure (a revoked client)', async () => {
    const fetch = fakeFetch([['/v2/x', { body: { ok: true } }]]);
    const provider: AuthorizationProvider = () => Promise.reject(new HelpdeskError('unauthorized', 'revoked'));
    const client = createHttpClient({ origin: ORIGIN, authorization: provider, rateLimitHeaders: NAMES, fetch });
    await expect(client.getJson('/v2/x', schema)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('postForm', () => {
  it('POSTs the fields form-encoded, without an Authorization header when there is none, to the origin only', async () => {
    const fetch = fakeFetch([['/v2/oauth2/token', { body: { ok: true } }]]);
    const client = createHttpClient({ origin: ORIGIN, authorization: null, rateLimitHeaders: NAMES, fetch });
    const response = await client.postForm(
      'https://elsewhere.example/v2/oauth2/token',
      { grant_type: 'client_credentials', client_id: 'id & more', client_secret: 's=1' },
      schema,
    );
    expect(response.endpoint).toBe('POST /v2/oauth2/token');
    const call = fetch.calls[0]!;
    expect(call.url).toBe(`${ORIGIN}/v2/oauth2/token`);
    expect(call.init.method).toBe('POST');
    expect(new Headers(call.init.headers).get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(authOf(call.init)).toBeNull();
    expect(Object.fromEntries(new URLSearchParams(String(call.init.body)))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'id & more',
      client_secret: 's=1',
    });
  });
});
