import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../model';
import { HelpdeskError } from '../shared/errors';
import { csatRequest, fakeFetch, fixture, readAllPages } from '../shared/test-fixtures';
import { freshdeskApiProvider } from './client';

const ORIGIN = 'https://acme.freshdesk.com';
const KEY: Credentials = { type: 'api-key', apiKey: 'abcdefghij' };
const list = () => fixture<unknown[]>('freshdesk', 'freshdesk-satisfaction_ratings-list-docs-example.json');

function api(routes: Parameters<typeof fakeFetch>[0]) {
  const fetch = fakeFetch(routes);
  return { api: freshdeskApiProvider.createApi(ORIGIN, KEY, { fetch }), fetch };
}

describe('Freshdesk who am I', () => {
  it('reads agents/me with the key as Basic user name and X as password', async () => {
    const { api: client, fetch } = api([
      ['/api/v2/agents/me', { body: fixture('freshdesk', 'freshdesk-agents-me-docs-example.json') }],
    ]);
    expect(await client.whoAmI()).toEqual({
      id: '432',
      name: 'Clark Kent',
      email: '[email protected]',
      role: 'support_agent',
    });
    expect(new Headers(fetch.calls[0]!.init.headers).get('authorization')).toBe(`Basic ${btoa('abcdefghij:X')}`);
    expect(fetch.calls[0]!.init.credentials).toBe('omit');
  });

  it('reads an agent without a type as a plain agent', async () => {
    const { api: client } = api([
      ['/api/v2/agents/me', { body: fixture('freshdesk', 'freshdesk-agent-python-freshdesk-fixture.json') }],
    ]);
    expect(await client.whoAmI()).toEqual({ id: '1', name: 'Rachel', email: 'rachel@freshdesk.com', role: 'agent' });
  });

  it('refuses token credentials', () => {
    expect(() => freshdeskApiProvider.createApi(ORIGIN, { type: 'oauth-token', token: 't' })).toThrow(HelpdeskError);
  });
});

describe('Freshdesk admin path', () => {
  it('asks from the beginning of history on a first pass (the list defaults to 30 days), following Link', async () => {
    const { api: client, fetch } = api([
      [/[?&]page=2(&|$)/, { body: list() }],
      [
        '/api/v2/surveys/satisfaction_ratings',
        {
          body: list(),
          headers: { link: `< ${ORIGIN}/api/v2/surveys/satisfaction_ratings?page=2&per_page=100>;rel="next"` },
        },
      ],
    ]);
    const pages = await readAllPages(client.readCsat(csatRequest()));
    expect(fetch.calls.map((call) => call.url)).toEqual([
      `${ORIGIN}/api/v2/surveys/satisfaction_ratings?created_since=2000-01-01T00%3A00%3A00Z&page=1&per_page=100`,
      `${ORIGIN}/api/v2/surveys/satisfaction_ratings?page=2&per_page=100`,
    ]);
    expect(pages.map((page) => page.resume)).toEqual([
      { stream: 'satisfaction_ratings', at: `${ORIGIN}/api/v2/surveys/satisfaction_ratings?page=2&per_page=100` },
      null,
    ]);
    expect(pages[0]?.ratings.map((rating) => rating.rating.value)).toEqual([103, 101]);
  });

  it('asks from `since` on later passes, in whole seconds', async () => {
    const { api: client, fetch } = api([['/api/v2/surveys/satisfaction_ratings', { body: [] }]]);
    await readAllPages(client.readCsat(csatRequest({ since: '2026-11-06T12:00:00.123Z' })));
    expect(new URL(fetch.calls[0]!.url).searchParams.get('created_since')).toBe('2026-11-06T12:00:00Z');
  });

  it('detects the agent path from a 403 on the list', async () => {
    expect(
      await api([
        ['/api/v2/surveys/satisfaction_ratings', { status: 403, body: { code: 'access_denied' } }],
      ]).api.detectCsatPath(),
    ).toBe('agent');
  });
});

describe('Freshdesk agent path', () => {
  it('reads each assessed ticket’s ratings, skipping deleted and reassigned tickets, 20 tickets a page', async () => {
    const ids = Array.from({ length: 45 }, (_, index) => String(100 + index));
    const { api: client, fetch } = api([
      ['/api/v2/tickets/101/', { status: 404, body: { code: 'not_found' } }],
      ['/api/v2/tickets/102/', { status: 403, body: { code: 'access_denied' } }],
      ['/api/v2/tickets/100/', { body: list() }],
      [/\/api\/v2\/tickets\/\d+\/satisfaction_ratings/, { body: [] }],
    ]);
    const pages = await readAllPages(client.readCsat(csatRequest({ path: 'agent', assessedTicketIds: ids })));
    expect(fetch.calls).toHaveLength(45);
    expect(pages.map((page) => page.resume)).toEqual([
      { stream: 'ticket_ratings', at: '119' },
      { stream: 'ticket_ratings', at: '139' },
      { stream: 'ticket_ratings', at: '144' },
    ]);
    expect(pages[0]?.ratings).toHaveLength(2);
  });

  it('stops on a revoked key', async () => {
    const { api: client } = api([[/satisfaction_ratings/, { status: 401 }]]);
    await expect(
      readAllPages(client.readCsat(csatRequest({ path: 'agent', assessedTicketIds: ['1'] }))),
    ).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
