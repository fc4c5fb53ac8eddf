import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../model';
import { HelpdeskError } from '../shared/errors';
import { clone, csatRequest, fakeFetch, fixture, readAllPages, type FakeAnswer } from '../shared/test-fixtures';
import { ratedTicketsQuery } from './api';
import { zendeskApiProvider } from './client';

const ORIGIN = 'https://acme.zendesk.com';
const TOKEN: Credentials = { type: 'api-token', email: 'lead@acme.test', token: 'tok' };
const me = () => fixture<{ user: Record<string, unknown> }>('zendesk', 'zendesk-users-me-zenpy-fixture.json');

function api(routes: Parameters<typeof fakeFetch>[0], credentials: Credentials = TOKEN) {
  const fetch = fakeFetch(routes);
  return { api: zendeskApiProvider.createApi(ORIGIN, credentials, { fetch }), fetch };
}

describe('Zendesk who am I', () => {
  it('reads the recorded users/me', async () => {
    const { api: client, fetch } = api([['/api/v2/users/me', { body: me() }]]);
    expect(await client.whoAmI()).toEqual({
      id: '6130907993114',
      name: '09cace',
      email: 'automationsqa@z3nmail.com',
      role: 'admin',
    });
    expect(new Headers(fetch.calls[0]!.init.headers).get('authorization')).toBe(
      `Basic ${btoa('lead@acme.test/token:tok')}`,
    );
  });

  it('sends an OAuth token as a bearer token', async () => {
    const { api: client, fetch } = api([['/api/v2/users/me', { body: me() }]], {
      type: 'oauth-token',
      token: 'oauth123',
    });
    await client.whoAmI();
    expect(new Headers(fetch.calls[0]!.init.headers).get('authorization')).toBe('Bearer oauth123');
  });

  it('refuses an API key, which Zendesk does not take', () => {
    expect(() => zendeskApiProvider.createApi(ORIGIN, { type: 'api-key', apiKey: 'k' })).toThrow(HelpdeskError);
  });

  it('treats the anonymous user as bad credentials and an end user as lacking permission', async () => {
    const anonymous = clone(me());
    anonymous.user.id = null;
    await expect(api([['/api/v2/users/me', { body: anonymous }]]).api.whoAmI()).rejects.toMatchObject({
      code: 'unauthorized',
    });
    const endUser = clone(me());
    endUser.user.role = 'end-user';
    await expect(api([['/api/v2/users/me', { body: endUser }]]).api.whoAmI()).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('Zendesk CSAT path detection', () => {
  it.each([
    [
      'a page of ratings',
      'list',
      { body: fixture('zendesk', 'zendesk-satisfaction_ratings-cursor-page1-reconstructed.json') },
    ],
    ['403', 'agent', { status: 403, body: { error: 'Forbidden' } }],
  ] as [string, string, FakeAnswer][])('takes %s on the list for the %s path', async (_label, path, answer) => {
    const { api: client, fetch } = api([['/api/v2/satisfaction_ratings', answer]]);
    expect(await client.detectCsatPath()).toBe(path);
    expect(fetch.calls[0]!.url).toBe(`${ORIGIN}/api/v2/satisfaction_ratings?score=received&page%5Bsize%5D=1`);
  });

  it('does not take a 401 for an answer', async () => {
    await expect(api([['/api/v2/satisfaction_ratings', { status: 401 }]]).api.detectCsatPath()).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });
});

describe('Zendesk admin path', () => {
  const page1 = () =>
    fixture<Record<string, unknown>>('zendesk', 'zendesk-satisfaction_ratings-cursor-page1-reconstructed.json');
  const lastPage = () => ({
    satisfaction_ratings: [],
    meta: { has_more: false, after_cursor: null },
    links: { next: null },
  });

  it('reads legacy ratings from start_time on, then survey_responses (skipped when the account has none)', async () => {
    const { api: client, fetch } = api([
      ['page%5Bafter%5D=xxx', { body: lastPage() }],
      ['/api/v2/satisfaction_ratings', { body: page1() }],
      ['/api/v2/guide/survey_responses', { status: 404, body: { error: 'InvalidEndpoint' } }],
    ]);
    const pages = await readAllPages(client.readCsat(csatRequest({ since: '2026-11-06T12:00:00.000Z' })));
    expect(fetch.calls.map((call) => call.url)).toEqual([
      `${ORIGIN}/api/v2/satisfaction_ratings?score=received&page%5Bsize%5D=100&start_time=1793966400`,
      // links.next from the fixture names example.zendesk.com: same path and query, our origin.
      `${ORIGIN}/api/v2/satisfaction_ratings.json?page%5Bafter%5D=xxx&page%5Bsize%5D=2&score=received`,
      `${ORIGIN}/api/v2/guide/survey_responses?page%5Bsize%5D=100&filter%5Bcreated_at_start%5D=1793966400000`,
    ]);
    expect(pages.map((page) => page.ratings.map((rating) => rating.sourceId))).toEqual([['35436', '120447'], []]);
    expect(pages.map((page) => page.resume)).toEqual([
      {
        stream: 'satisfaction_ratings',
        at: 'https://example.zendesk.com/api/v2/satisfaction_ratings.json?page%5Bafter%5D=xxx&page%5Bsize%5D=2&score=received',
      },
      { stream: 'survey_responses', at: null },
    ]);
  });

  it('resumes at a saved position instead of the start', async () => {
    const { api: client, fetch } = api([
      ['page%5Bafter%5D=xxx', { body: lastPage() }],
      ['/api/v2/guide/survey_responses', { status: 403 }],
    ]);
    const resume = {
      stream: 'satisfaction_ratings',
      at: `${ORIGIN}/api/v2/satisfaction_ratings.json?page%5Bafter%5D=xxx&page%5Bsize%5D=100`,
    };
    await readAllPages(client.readCsat(csatRequest({ resume })));
    expect(fetch.calls.map((call) => call.url)[0]).toBe(resume.at);
    expect(fetch.calls).toHaveLength(2);
  });

  it('attributes new-CSAT ratings to the ticket’s assignee, found with one show_many', async () => {
    const ticket = {
      ...fixture<Record<string, unknown>>('zendesk', 'zendesk-ticket-object-docs-example.json'),
      id: 99,
      assignee_id: 4242,
    };
    const { api: client, fetch } = api([
      ['/api/v2/satisfaction_ratings', { body: lastPage() }],
      [
        '/api/v2/guide/survey_responses',
        { body: fixture('zendesk', 'zendesk-csat-survey_responses-list-docs-example.json') },
      ],
      ['/api/v2/tickets/show_many?ids=99', { body: { tickets: [ticket] } }],
    ]);
    const pages = await readAllPages(client.readCsat(csatRequest()));
    expect(pages[1]?.ratings).toMatchObject([
      { sourceId: '01J1WB51MG6HXTYWE6Q0C93RNW', ticketId: '99', agentId: '4242', rating: { normalized: 0 } },
    ]);
    expect(fetch.calls).toHaveLength(3);
  });
});

describe('Zendesk agent path', () => {
  it('reads assessed tickets ≤ 100 a request, then searches rated tickets assigned to the agent', async () => {
    const ids = Array.from({ length: 230 }, (_, index) => String(5000 + index));
    const { api: client, fetch } = api([
      [
        '/api/v2/tickets/show_many',
        { body: fixture('zendesk', 'zendesk-tickets-offset-show_many-zenpy-fixture.json') },
      ],
      ['/api/v2/search', { body: { results: [], next_page: null, count: 0 } }],
    ]);
    const pages = await readAllPages(
      client.readCsat(csatRequest({ path: 'agent', assessedTicketIds: ids, since: '2026-11-06T12:00:00.000Z' })),
    );
    const urls = fetch.calls.map((call) => new URL(call.url));
    expect(
      urls
        .filter((url) => url.pathname.endsWith('show_many'))
        .map((url) => url.searchParams.get('ids')!.split(',').length),
    ).toEqual([100, 100, 30]);
    expect(urls.filter((url) => url.pathname === '/api/v2/search').map((url) => url.searchParams.get('query'))).toEqual(
      [
        'type:ticket assignee:me satisfaction:good updated>2026-11-05',
        'type:ticket assignee:me satisfaction:bad updated>2026-11-05',
      ],
    );
    expect(pages.map((page) => page.resume)).toEqual([
      { stream: 'show_many', at: '5099' },
      { stream: 'show_many', at: '5199' },
      // No look-ahead: the last batch still names its last id; resuming there finds no more ids.
      { stream: 'show_many', at: '5229' },
      { stream: 'search_bad', at: null },
      null,
    ]);
  });

  it('ends a search quietly at the 1,000-result limit (422), but not when the first page fails', async () => {
    const ticket = fixture<Record<string, unknown>>('zendesk', 'zendesk-ticket-object-docs-example.json');
    const { api: client } = api([
      [
        'page=11',
        {
          status: 422,
          body: { error: 'Invalid search: Requested response size was greater than Search Response Limits' },
        },
      ],
      [
        'satisfaction%3Agood',
        { body: { results: [ticket], next_page: `${ORIGIN}/api/v2/search.json?page=11&query=x` } },
      ],
      ['satisfaction%3Abad', { status: 422, body: { error: 'InvalidSearchQuery' } }],
    ]);
    const pages: unknown[] = [];
    const reading = (async () => {
      for await (const page of client.readCsat(csatRequest({ path: 'agent' }))) pages.push(page);
    })();
    await expect(reading).rejects.toMatchObject({ code: 'bad-request', message: /^GET \/api\/v2\/search: 422/ });
    // The good search read its first page and stopped at the limit; the bad search failed on its first.
    expect(pages).toHaveLength(1);
  });

  it('asks search for all time on a first pass', () => {
    expect(ratedTicketsQuery('bad', { since: null })).toBe('type:ticket assignee:me satisfaction:bad');
  });
});
