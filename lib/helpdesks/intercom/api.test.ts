import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../model';
import { HelpdeskError } from '../shared/errors';
import { clone, csatRequest, fakeFetch, fixture, readAllPages } from '../shared/test-fixtures';
import { intercomApiProvider } from './client';

const UI_ORIGIN = 'https://app.intercom.com';
const API = 'https://api.intercom.io';
const TOKEN: Credentials = { type: 'oauth-token', token: 'dG9rOmFiYw==' };
const me = () => fixture('intercom', 'intercom-me-spec-example.json');
const rating = (value: number) => ({
  ...fixture<Record<string, unknown>>(
    'intercom',
    'intercom-conversation_rating-from-spec-property-examples-reconstructed.json',
  ),
  rating: value,
});

/** The spec's search response with its one conversation repeated as `ids`, rated as given. */
function searchPage(conversations: [id: string, rated: unknown][], next: string | null = null) {
  const page = clone(
    fixture<{ conversations: Record<string, unknown>[]; pages: Record<string, unknown> }>(
      'intercom',
      'intercom-conversations-search-response-spec-example.json',
    ),
  );
  const template = page.conversations[0]!;
  page.conversations = conversations.map(([id, rated]) => ({ ...clone(template), id, conversation_rating: rated }));
  if (next !== null) page.pages.next = { per_page: 150, starting_after: next };
  return page;
}

function api(routes: Parameters<typeof fakeFetch>[0], origin = UI_ORIGIN) {
  const fetch = fakeFetch(routes);
  return { api: intercomApiProvider.createApi(origin, TOKEN, { fetch }), fetch };
}

const bodyOf = (call: { init: RequestInit }) => JSON.parse(String(call.init.body)) as Record<string, unknown>;

describe('Intercom who am I', () => {
  it('GETs /me on the region’s API host with the bearer token and Intercom-Version 2.14', async () => {
    const { api: client, fetch } = api([['/me', { body: me() }]]);
    expect(await client.whoAmI()).toEqual({
      id: '991267459',
      name: 'Ciaran1 Lee',
      email: 'admin1@email.com',
      role: 'admin',
    });
    const call = fetch.calls[0]!;
    expect(call.url).toBe(`${API}/me`);
    const headers = new Headers(call.init.headers);
    expect(headers.get('authorization')).toBe(`Bearer ${TOKEN.type === 'oauth-token' ? TOKEN.token : ''}`);
    expect(headers.get('intercom-version')).toBe('2.14');
    expect(call.init.credentials).toBe('omit');
  });

  it.each([
    ['https://app.eu.intercom.com', 'https://api.eu.intercom.io/me'],
    ['https://app.au.intercom.com', 'https://api.au.intercom.io/me'],
    ['http://127.0.0.1:4103', 'http://127.0.0.1:4103/me'],
  ])('an agent UI at %s is served by %s', async (origin, url) => {
    const { api: client, fetch } = api([['/me', { body: me() }]], origin);
    await client.whoAmI();
    expect(fetch.calls[0]!.url).toBe(url);
  });

  it('refuses API keys and e-mail tokens', () => {
    expect(() => intercomApiProvider.createApi(UI_ORIGIN, { type: 'api-key', apiKey: 'k' })).toThrow(HelpdeskError);
  });

  it('a 401 is a token problem', async () => {
    const { api: client } = api([
      [
        '/me',
        {
          status: 401,
          body: { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] },
        },
      ],
    ]);
    await expect(client.whoAmI()).rejects.toMatchObject({ code: 'unauthorized', endpoint: 'GET /me' });
  });
});

describe('Intercom CSAT path detection: one search probe, both paths search', () => {
  it('a search that answers is the list path; the probe asks for one rated conversation', async () => {
    const { api: client, fetch } = api([['/conversations/search', { body: searchPage([]) }]]);
    expect(await client.detectCsatPath()).toBe('list');
    expect(fetch.calls[0]!.init.method).toBe('POST');
    expect(bodyOf(fetch.calls[0]!)).toEqual({
      query: { operator: 'AND', value: [{ field: 'conversation_rating.replied_at', operator: '>', value: '0' }] },
      pagination: { per_page: 1 },
    });
  });

  it('a 403 on it is the agent path', async () => {
    const { api: client } = api([['/conversations/search', { status: 403, body: { type: 'error.list', errors: [] } }]]);
    expect(await client.detectCsatPath()).toBe('agent');
  });
});

describe('Intercom CSAT pass', () => {
  it('list path: rated since the window (strict >, one second earlier), 150 a page, following starting_after', async () => {
    const { api: client, fetch } = api([
      [
        '/conversations/search',
        (_url) =>
          fetch.calls.length === 1
            ? {
                body: searchPage(
                  [
                    ['11', rating(5)],
                    ['12', null],
                    ['13', {}],
                  ],
                  'cursor-2',
                ),
              }
            : { body: searchPage([['14', rating(2)]]) },
      ],
    ]);
    const pages = await readAllPages(client.readCsat(csatRequest({ since: '2026-11-01T00:00:00.000Z' })));
    const filter = {
      field: 'conversation_rating.replied_at',
      operator: '>',
      value: String(Date.parse('2026-11-01T00:00:00Z') / 1000 - 1),
    };
    expect(fetch.calls.map(bodyOf)).toEqual([
      { query: { operator: 'AND', value: [filter] }, pagination: { per_page: 150 } },
      { query: { operator: 'AND', value: [filter] }, pagination: { per_page: 150, starting_after: 'cursor-2' } },
    ]);
    expect(
      pages.map((page) => [page.ratings.map((r) => [r.ticketId, r.rating.value]), page.skipped, page.resume]),
    ).toEqual([
      [[['11', 5]], 2, { stream: 'search', at: 'cursor-2' }],
      [[['14', 2]], 0, null],
    ]);
    expect(pages[0]!.endpoint).toBe('POST /conversations/search');
  });

  it('resumes at a saved cursor', async () => {
    const { api: client, fetch } = api([['/conversations/search', { body: searchPage([]) }]]);
    await readAllPages(client.readCsat(csatRequest({ resume: { stream: 'search', at: 'saved' } })));
    expect(bodyOf(fetch.calls[0]!).pagination).toEqual({ per_page: 150, starting_after: 'saved' });
  });

  it('agent path: the same search, narrowed to conversations assigned to the token’s teammate', async () => {
    const { api: client, fetch } = api([
      ['/me', { body: me() }],
      ['/conversations/search', { body: searchPage([['21', rating(4)]]) }],
    ]);
    const pages = await readAllPages(client.readCsat(csatRequest({ path: 'agent' })));
    expect(pages[0]!.ratings[0]).toMatchObject({ ticketId: '21', agentId: '1a2b3c' });
    expect((bodyOf(fetch.calls[1]!).query as { value: unknown[] }).value).toEqual([
      { field: 'conversation_rating.replied_at', operator: '>', value: '0' },
      { field: 'admin_assignee_id', operator: '=', value: '991267459' },
    ]);
  });

  it('a page that breaks the schema fails naming the endpoint and the field', async () => {
    const broken = searchPage([
      ['31', rating(5)],
      ['32', rating(4)],
    ]);
    broken.conversations[1]!.conversation_rating = { ...rating(4), rating: 'four' };
    const { api: client } = api([['/conversations/search', { body: broken }]]);
    await expect(readAllPages(client.readCsat(csatRequest()))).rejects.toMatchObject({
      code: 'schema',
      message: expect.stringMatching(
        /^POST \/conversations\/search: conversations\[1\]\.conversation_rating\.rating: expected number/,
      ),
    });
  });

  it('a 429 names the wait until X-RateLimit-Reset', async () => {
    const now = Date.now();
    const fetch = fakeFetch([
      [
        '/conversations/search',
        {
          status: 429,
          body: {
            type: 'error.list',
            errors: [{ code: 'rate_limit_exceeded', message: 'Exceeded rate limit of 167 in 10_seconds' }],
          },
          headers: {
            'X-RateLimit-Limit': '167',
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': String(Math.floor(now / 1000) + 6),
          },
        },
      ],
    ]);
    const client = intercomApiProvider.createApi(UI_ORIGIN, TOKEN, { fetch, now: () => Math.floor(now / 1000) * 1000 });
    await expect(readAllPages(client.readCsat(csatRequest()))).rejects.toMatchObject({
      code: 'rate-limited',
      details: { retryAfterMs: 6000 },
    });
  });
});

describe('Intercom conversation states', () => {
  it('ticketStates: GET /conversations/{id} each; closed is done; missing ones are left out', async () => {
    const conversation = clone(
      fixture<{ conversations: Record<string, unknown>[] }>('intercom', 'intercom-conversations-list-spec-example.json')
        .conversations[0]!,
    );
    const { api: client, fetch } = api([
      ['/conversations/471', { body: conversation }],
      ['/conversations/472', { body: { ...conversation, id: '472', state: 'snoozed', title: 'Refund' } }],
      ['/conversations/9', { status: 404, body: { type: 'error.list', errors: [{ code: 'not_found' }] } }],
    ]);
    expect(await client.ticketStates(['471', '472', '9', '471'])).toEqual([
      {
        ticketId: '471',
        status: 'closed',
        done: true,
        assigneeId: '991267715',
        subject: null,
        updatedAt: '2024-12-18T15:57:40.000Z',
      },
      {
        ticketId: '472',
        status: 'snoozed',
        done: false,
        assigneeId: '991267715',
        subject: 'Refund',
        updatedAt: '2024-12-18T15:57:40.000Z',
      },
    ]);
    expect(fetch.calls.map((call) => call.url)).toEqual([
      `${API}/conversations/471`,
      `${API}/conversations/472`,
      `${API}/conversations/9`,
    ]);
  });

  it('solvedTickets: closed, assigned to me, updated since, newest first', async () => {
    const page = searchPage([
      ['41', null],
      ['42', null],
    ]);
    page.conversations[1]!.updated_at = 1734537999;
    const { api: client, fetch } = api([
      ['/me', { body: me() }],
      ['/conversations/search', { body: page }],
    ]);
    const states = await client.solvedTickets('2026-11-20T08:00:00.000Z');
    expect(states.map((state) => state.ticketId)).toEqual(['42', '41']);
    expect((bodyOf(fetch.calls[1]!).query as { value: unknown[] }).value).toEqual([
      { field: 'state', operator: '=', value: 'closed' },
      { field: 'admin_assignee_id', operator: '=', value: '991267459' },
      { field: 'updated_at', operator: '>', value: String(Date.parse('2026-11-20T08:00:00Z') / 1000 - 1) },
    ]);
  });
});
