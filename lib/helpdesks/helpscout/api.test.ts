import { beforeEach, describe, expect, it } from 'vitest';
import type { Credentials } from '../../model';
import { HelpdeskError } from '../shared/errors';
import { forgetOAuthClientTokens } from '../shared/oauth-client-token';
import { csatRequest, fakeFetch, fixture, readAllPages, type FakeAnswer } from '../shared/test-fixtures';
import { helpscoutApiProvider } from './client';

const UI = 'https://secure.helpscout.net';
const API = 'https://api.helpscout.net';
const APP: Credentials = { type: 'oauth-client', clientId: 'app-id', clientSecret: 'app-secret' };
const NOW = Date.parse('2026-11-20T12:00:00Z');
const TOKEN: FakeAnswer = { body: { token_type: 'bearer', access_token: 'tok-1', expires_in: 172800 } };
const ME: FakeAnswer = { body: fixture('helpscout', 'helpscout-user-php-sdk-fixture-rendered.json') };
const userRatings = () =>
  fixture<Record<string, unknown>>('helpscout', 'helpscout-reports-user-ratings-docs-example.json');
const onePage = (body: Record<string, unknown>) => ({ ...body, page: 1, pages: 1 });

function api(routes: Parameters<typeof fakeFetch>[0]) {
  const fetch = fakeFetch([['/v2/oauth2/token', TOKEN], ...routes]);
  return { api: helpscoutApiProvider.createApi(UI, APP, { fetch, now: () => NOW }), fetch };
}

const dataCalls = (fetch: ReturnType<typeof fakeFetch>) => fetch.calls.filter((c) => !c.url.includes('/oauth2/'));
const authOf = (init: RequestInit) => new Headers(init.headers).get('authorization');

beforeEach(() => forgetOAuthClientTokens());

describe('Help Scout auth and who am I', () => {
  it('trades the App ID and secret for a token on api.helpscout.net, then reads users/me with it', async () => {
    const { api: client, fetch } = api([['/v2/users/me', ME]]);
    expect(await client.whoAmI()).toEqual({ id: '1', name: 'Big Bird', email: 'bird@sesamestreet.com', role: 'owner' });
    expect(fetch.calls.map((call) => call.url)).toEqual([`${API}/v2/oauth2/token`, `${API}/v2/users/me`]);
    expect(authOf(fetch.calls[0]!.init)).toBeNull();
    expect(authOf(fetch.calls[1]!.init)).toBe('Bearer tok-1');
    expect(fetch.calls[1]!.init.credentials).toBe('omit');
  });

  it('reuses the token in memory across clients of the same app', async () => {
    const first = api([['/v2/users/me', ME]]);
    await first.api.whoAmI();
    const second = api([['/v2/users/me', ME]]);
    await second.api.whoAmI();
    expect(second.fetch.calls.map((call) => new URL(call.url).pathname)).toEqual(['/v2/users/me']);
  });

  it('an expired token (401) is refreshed once and the request retried', async () => {
    let tokens = 0;
    const fetch = fakeFetch([
      ['/v2/oauth2/token', () => ({ body: { access_token: `tok-${++tokens}`, expires_in: 172800 } })],
      ['/v2/users/me', () => (authOfLast() === 'Bearer tok-1' ? { status: 401, body: {} } : ME)],
    ]);
    const authOfLast = () => authOf(fetch.calls[fetch.calls.length - 1]!.init);
    const client = helpscoutApiProvider.createApi(UI, APP, { fetch, now: () => NOW });
    expect((await client.whoAmI()).id).toBe('1');
    expect(fetch.calls.map((call) => [new URL(call.url).pathname, authOf(call.init)])).toEqual([
      ['/v2/oauth2/token', null],
      ['/v2/users/me', 'Bearer tok-1'],
      ['/v2/oauth2/token', null],
      ['/v2/users/me', 'Bearer tok-2'],
    ]);
  });

  it('a revoked client is “invalid or revoked”, from the token endpoint', async () => {
    const fetch = fakeFetch([['/v2/oauth2/token', { status: 401, body: { error: 'invalid_client' } }]]);
    const client = helpscoutApiProvider.createApi(UI, APP, { fetch });
    await expect(client.whoAmI()).rejects.toMatchObject({
      code: 'unauthorized',
      endpoint: 'POST /v2/oauth2/token',
      message: expect.stringMatching(/invalid or revoked/),
    });
  });

  it('reads the wait of a 429 from X-RateLimit-Retry-After, and the minute’s limit headers', async () => {
    const { api: client } = api([
      [
        '/v2/users/me',
        {
          status: 429,
          body: {},
          headers: {
            'X-RateLimit-Limit-Minute': '200',
            'X-RateLimit-Remaining-Minute': '0',
            'X-RateLimit-Retry-After': '12',
          },
        },
      ],
    ]);
    await expect(client.whoAmI()).rejects.toMatchObject({ code: 'rate-limited', details: { retryAfterMs: 12_000 } });
  });

  it('refuses credentials of another kind', () => {
    expect(() => helpscoutApiProvider.createApi(UI, { type: 'api-key', apiKey: 'k' })).toThrow(HelpdeskError);
  });

  it('talks to a configured origin (the simulator) on that origin', async () => {
    const fetch = fakeFetch([
      ['/v2/oauth2/token', TOKEN],
      ['/v2/users/me', ME],
    ]);
    await helpscoutApiProvider.createApi('http://127.0.0.1:4103', APP, { fetch }).whoAmI();
    expect(fetch.calls.every((call) => call.url.startsWith('http://127.0.0.1:4103/v2/'))).toBe(true);
  });
});

describe('Help Scout list path: the company report, once per rating value', () => {
  it('reads great, ok and not-good in turn from the beginning of history to now, page by page', async () => {
    const page = (n: number, pages: number) => ({ ...userRatings(), page: n, pages });
    const { api: client, fetch } = api([
      [/rating=great&page=1/, { body: page(1, 2) }],
      [/rating=great&page=2/, { body: page(2, 2) }],
      [/rating=ok&/, { body: { results: [], page: 1, pages: 0 } }],
      [/rating=not-good&/, { body: page(1, 1) }],
    ]);
    const pages = await readAllPages(client.readCsat(csatRequest()));
    const window = 'start=2011-01-01T00%3A00%3A00Z&end=2026-11-20T12%3A00%3A00Z';
    expect(dataCalls(fetch).map((call) => call.url)).toEqual([
      `${API}/v2/reports/happiness/ratings?${window}&rating=great&page=1`,
      `${API}/v2/reports/happiness/ratings?${window}&rating=great&page=2`,
      `${API}/v2/reports/happiness/ratings?${window}&rating=ok&page=1`,
      `${API}/v2/reports/happiness/ratings?${window}&rating=not-good&page=1`,
    ]);
    expect(pages.map((p) => p.resume)).toEqual([
      { stream: 'happiness_ratings_great', at: `${API}/v2/reports/happiness/ratings?${window}&rating=great&page=2` },
      { stream: 'happiness_ratings_ok', at: null },
      { stream: 'happiness_ratings_not-good', at: null },
      null,
    ]);
    expect(pages.map((p) => p.ratings.map((r) => r.rating.value))).toEqual([
      ['great', 'great'],
      ['great', 'great'],
      [],
      ['not_good', 'not_good'],
    ]);
    expect(pages[0]!.endpoint).toBe('GET /v2/reports/happiness/ratings');
  });

  it('asks from `since` on later passes, and resumes inside a stream at the saved page', async () => {
    const { api: client, fetch } = api([[/reports/, { body: onePage({ results: [] }) }]]);
    await readAllPages(
      client.readCsat(
        csatRequest({
          since: '2026-11-06T12:00:00.123Z',
          resume: { stream: 'happiness_ratings_ok', at: `${API}/v2/reports/happiness/ratings?rating=ok&page=3` },
        }),
      ),
    );
    const urls = dataCalls(fetch).map((call) => new URL(call.url));
    expect(urls.map((url) => [url.searchParams.get('rating'), url.searchParams.get('page')])).toEqual([
      ['ok', '3'],
      ['not-good', '1'],
    ]);
    expect(urls[1]!.searchParams.get('start')).toBe('2026-11-06T12:00:00Z');
  });

  it('detects the agent path from a 403 on the company report', async () => {
    const { api: client } = api([['/v2/reports/happiness/ratings', { status: 403, body: {} }]]);
    expect(await client.detectCsatPath()).toBe('agent');
  });

  it('names endpoint and field of a row that breaks the schema', async () => {
    const broken = userRatings() as { results: Record<string, unknown>[] };
    broken.results[1]!.ratingId = 'abc';
    const { api: client } = api([[/reports/, { body: broken }]]);
    await expect(readAllPages(client.readCsat(csatRequest()))).rejects.toMatchObject({
      code: 'schema',
      message: 'GET /v2/reports/happiness/ratings: results[1].ratingId: expected number, received string',
    });
  });
});

describe('Help Scout agent path: the agent’s own report', () => {
  it('asks users/me once for the user id, then reads the user report per rating value', async () => {
    const { api: client, fetch } = api([
      ['/v2/users/me', ME],
      ['/v2/reports/user/ratings', { body: onePage({ results: [] }) }],
    ]);
    await readAllPages(client.readCsat(csatRequest({ path: 'agent' })));
    const urls = dataCalls(fetch).map((call) => new URL(call.url));
    expect(urls.map((url) => url.pathname)).toEqual([
      '/v2/users/me',
      '/v2/reports/user/ratings',
      '/v2/reports/user/ratings',
      '/v2/reports/user/ratings',
    ]);
    expect(urls.slice(1).map((url) => [url.searchParams.get('user'), url.searchParams.get('rating')])).toEqual([
      ['1', 'great'],
      ['1', 'ok'],
      ['1', 'not-good'],
    ]);
  });
});

describe('Help Scout conversations', () => {
  const conversation = (id: number, status: string, assignee: number | null = 1) => ({
    id,
    number: id - 1000,
    status,
    subject: `Conversation ${id}`,
    ...(assignee === null ? {} : { assignee: { id: assignee, first: 'Big', last: 'Bird', type: 'user' } }),
    createdAt: '2026-11-19T10:00:00Z',
    userUpdatedAt: '2026-11-20T10:00:00Z',
    _links: { self: { href: '...' } },
  });

  it('reads each conversation’s state; closed is done; deleted ones are left out', async () => {
    const { api: client } = api([
      ['/v2/conversations/2001', { body: conversation(2001, 'closed') }],
      ['/v2/conversations/2002', { body: conversation(2002, 'pending', null) }],
      ['/v2/conversations/2003', { status: 404, body: {} }],
    ]);
    expect(await client.ticketStates(['2001', '2002', '2003', '2001'])).toEqual([
      {
        ticketId: '2001',
        status: 'closed',
        done: true,
        assigneeId: '1',
        subject: 'Conversation 2001',
        updatedAt: '2026-11-20T10:00:00.000Z',
      },
      {
        ticketId: '2002',
        status: 'pending',
        done: false,
        assigneeId: null,
        subject: 'Conversation 2002',
        updatedAt: '2026-11-20T10:00:00.000Z',
      },
    ]);
  });

  it('lists the agent’s closed conversations modified since, following HAL next links, empty lists included', async () => {
    const { api: client, fetch } = api([
      ['/v2/users/me', ME],
      ['page=2', { body: { page: { number: 2, totalPages: 2 } } }],
      [
        '/v2/conversations?',
        {
          body: {
            _embedded: { conversations: [conversation(2001, 'closed'), conversation(2004, 'closed')] },
            _links: { next: { href: `${API}/v2/conversations?status=closed&page=2` } },
          },
        },
      ],
    ]);
    const states = await client.solvedTickets('2026-11-20T08:00:00.000Z');
    expect(states.map((state) => state.ticketId)).toEqual(['2001', '2004']);
    const first = new URL(dataCalls(fetch)[1]!.url);
    expect(Object.fromEntries(first.searchParams)).toEqual({
      status: 'closed',
      assigned_to: '1',
      modifiedSince: '2026-11-20T08:00:00Z',
      sortField: 'modifiedAt',
      sortOrder: 'desc',
    });
    expect(dataCalls(fetch)).toHaveLength(3);
  });
});
