import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../model';
import { HelpdeskError } from '../shared/errors';
import { clone, csatRequest, fakeApi, type fakeFetch, fixture, readAllPages } from '../shared/test-fixtures';
import { gorgiasApiProvider } from './client';

const ORIGIN = 'https://acme.gorgias.com';
const KEY: Credentials = { type: 'api-token', email: 'lead@acme.test', token: 'gorgias-api-key' };
const SURVEYS = '/api/satisfaction-surveys';

type Survey = Record<string, unknown>;
type Page = { data: Survey[]; meta: { next_cursor: string | null; prev_cursor: string | null } };
/** The reconstructed list page: the documented survey object in the documented cursor envelope. */
const listPage = () => fixture<Page>('gorgias', 'gorgias-satisfaction-surveys-list-page1-reconstructed.json');

/** A list page of surveys made from the documented one: `[id, ticket_id, score, created_datetime]`. */
function surveysPage(rows: [number, number, number | null, string][], nextCursor: string | null): Page {
  const template = listPage().data[0]!;
  const data = rows.map(([id, ticket_id, score, created]) => ({
    ...clone(template),
    id,
    ticket_id,
    score,
    created_datetime: created,
    scored_datetime: score === null ? null : created,
  }));
  return { data, meta: { next_cursor: nextCursor, prev_cursor: null } };
}

const ticketsPage = (tickets: { id: number; status?: string; assignee?: number | null; updated?: string }[]) => ({
  data: tickets.map((t) => ({
    id: t.id,
    status: t.status ?? 'closed',
    subject: `Ticket ${t.id}`,
    assignee_user: t.assignee === null ? null : { id: t.assignee ?? 501, email: 'a@acme.test', name: 'Agent' },
    updated_datetime: t.updated ?? '2026-11-20T10:00:00.000000',
  })),
  meta: { next_cursor: null, prev_cursor: null },
});

const api = (routes: Parameters<typeof fakeFetch>[0]) => fakeApi(gorgiasApiProvider, ORIGIN, KEY, routes);

describe('Gorgias who am I', () => {
  it('reads GET /api/users/0 (the current user) with Basic email:api_key, never sending cookies', async () => {
    const { api: client, fetch } = api([
      ['/api/users/0', { body: { id: 42, email: 'lead@acme.test', name: 'Lee Lead', role: { name: 'admin' } } }],
    ]);
    expect(await client.whoAmI()).toEqual({ id: '42', name: 'Lee Lead', email: 'lead@acme.test', role: 'admin' });
    const headers = new Headers(fetch.calls[0]!.init.headers);
    expect(headers.get('authorization')).toBe(`Basic ${btoa('lead@acme.test:gorgias-api-key')}`);
    expect(fetch.calls[0]!.init.credentials).toBe('omit');
  });

  it('names a user without a name by first and last name, and reads a string role', async () => {
    const { api: client } = api([
      ['/api/users/0', { body: { id: 7, email: null, firstname: 'Ada', lastname: 'Agent', role: 'agent' } }],
    ]);
    expect(await client.whoAmI()).toEqual({ id: '7', name: 'Ada Agent', email: null, role: 'agent' });
  });

  it('refuses API-key-only and OAuth credentials: Gorgias needs the user’s e-mail with the key', () => {
    expect(() => gorgiasApiProvider.createApi(ORIGIN, { type: 'api-key', apiKey: 'k' })).toThrow(HelpdeskError);
    expect(() => gorgiasApiProvider.createApi(ORIGIN, { type: 'oauth-token', token: 't' })).toThrow(HelpdeskError);
  });
});

describe('Gorgias admin path: satisfaction surveys, newest first, cursor-paged', () => {
  it('reads the documented list page, follows meta.next_cursor, and joins each rating to its ticket’s assignee', async () => {
    const second = surveysPage(
      [
        [11, 21, 5, '2026-11-10T09:00:00.5'],
        [10, 20, null, '2026-11-09T09:00:00'],
      ],
      null,
    );
    const { api: client, fetch } = api([
      [/[?&]cursor=/, { body: second }],
      [SURVEYS, { body: listPage() }],
      [
        /\/api\/tickets\?/,
        (url) => ({
          body: ticketsPage(
            new URL(url).searchParams
              .getAll('ticket_ids')
              .map((id) => ({ id: Number(id), assignee: Number(id) + 500 })),
          ),
        }),
      ],
    ]);
    const pages = await readAllPages(client.readCsat(csatRequest()));
    const first = `${ORIGIN}${SURVEYS}?limit=100&order_by=created_datetime%3Adesc`;
    const cursor = listPage().meta.next_cursor!;
    expect(fetch.calls.map((call) => call.url)).toEqual([
      first,
      `${ORIGIN}/api/tickets?limit=100&ticket_ids=12`,
      `${first}&cursor=${cursor}`,
      `${ORIGIN}/api/tickets?limit=100&ticket_ids=21`,
    ]);
    expect(pages.map((page) => page.resume)).toEqual([
      { stream: 'satisfaction-surveys', at: `${first}&cursor=${cursor}` },
      null,
    ]);
    expect(pages.map((page) => page.ratings.map((r) => [r.sourceId, r.ticketId, r.rating.value, r.agentId]))).toEqual([
      [['1234', '12', 2, '512']],
      [['11', '21', 5, '521']],
    ]);
    // The unanswered survey is counted, never stored, and needs no assignee lookup.
    expect(pages.map((page) => page.skipped)).toEqual([0, 1]);
    expect(pages[1]!.endpoint).toBe('GET /api/satisfaction-surveys');
  });

  it('stops at the persisted watermark: surveys created before `since` end the walk', async () => {
    const page = surveysPage(
      [
        [3, 33, 4, '2026-11-19T08:00:00'],
        [2, 32, 1, '2026-11-05T08:00:00'],
      ],
      'more-older-pages',
    );
    const { api: client, fetch } = api([
      [SURVEYS, { body: page }],
      [/\/api\/tickets\?/, { body: ticketsPage([{ id: 33 }]) }],
    ]);
    const pages = await readAllPages(client.readCsat(csatRequest({ since: '2026-11-06T00:00:00.000Z' })));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.resume).toBeNull();
    expect(pages[0]!.ratings.map((r) => r.sourceId)).toEqual(['3']);
    expect(fetch.calls.filter((call) => call.url.includes('cursor='))).toEqual([]);
  });

  it('keeps ratings without an agent when the tickets lookup is refused', async () => {
    const { api: client } = api([
      [SURVEYS, { body: listPage() }],
      ['/api/tickets', { status: 403, body: { error: { msg: 'Forbidden' } } }],
    ]);
    const [page] = await readAllPages(client.readCsat(csatRequest()));
    expect(page!.ratings.map((r) => r.agentId)).toEqual([null]);
  });

  it('detects the agent path from a 403 on the list, and the list path from a 200', async () => {
    expect(await api([[SURVEYS, { status: 403, body: {} }]]).api.detectCsatPath()).toBe('agent');
    expect(await api([[SURVEYS, { body: listPage() }]]).api.detectCsatPath()).toBe('list');
  });

  it('names the endpoint and the field when a page breaks the documented shape', async () => {
    const broken = surveysPage(
      [
        [1, 1, 5, '2026-11-10T09:00:00'],
        [2, 2, 5, '2026-11-10T08:00:00'],
      ],
      null,
    );
    broken.data[1]!.ticket_id = 'abc';
    const { api: client } = api([[SURVEYS, { body: broken }]]);
    await expect(readAllPages(client.readCsat(csatRequest()))).rejects.toMatchObject({
      code: 'schema',
      message: 'GET /api/satisfaction-surveys: data[1].ticket_id: expected number, received string',
    });
    const noTime = listPage();
    delete noTime.data[0]!.created_datetime;
    await expect(readAllPages(api([[SURVEYS, { body: noTime }]]).api.readCsat(csatRequest()))).rejects.toThrow(
      /^GET \/api\/satisfaction-surveys: data\[0\]\.created_datetime: /,
    );
  });

  it('reads the rate-limit bucket and Retry-after of a 429', async () => {
    const { api: client } = api([
      [
        SURVEYS,
        {
          status: 429,
          text: 'Too many requests',
          headers: { 'Retry-after': '12', 'X-Gorgias-Account-Api-Call-Limit': '40/40' },
        },
      ],
    ]);
    await expect(readAllPages(client.readCsat(csatRequest()))).rejects.toMatchObject({
      code: 'rate-limited',
      details: { retryAfterMs: 12_000, status: 429 },
    });
  });
});

describe('Gorgias agent path: the survey of each assessed ticket', () => {
  it('asks with ticket_id per ticket, 20 tickets a page, skipping deleted and hidden tickets', async () => {
    const ids = Array.from({ length: 25 }, (_, index) => String(100 + index));
    const { api: client, fetch } = api([
      [/ticket_id=101&/, { status: 404, body: {} }],
      [/ticket_id=102&/, { status: 403, body: {} }],
      [/ticket_id=100&/, { body: surveysPage([[9, 100, 4, '2026-11-10T09:00:00']], null) }],
      [/ticket_id=103&/, { body: surveysPage([[8, 103, null, '2026-11-10T09:00:00']], null) }],
      [SURVEYS, { body: surveysPage([], null) }],
      [/\/api\/tickets\?/, { body: ticketsPage([{ id: 100, assignee: 7 }]) }],
    ]);
    const pages = await readAllPages(client.readCsat(csatRequest({ path: 'agent', assessedTicketIds: ids })));
    expect(fetch.calls.filter((call) => call.url.includes(SURVEYS))).toHaveLength(25);
    expect(fetch.calls[0]!.url).toBe(`${ORIGIN}${SURVEYS}?ticket_id=100&limit=100`);
    expect(pages.map((page) => page.resume)).toEqual([
      { stream: 'ticket-surveys', at: '119' },
      { stream: 'ticket-surveys', at: '124' },
    ]);
    expect(pages[0]!.ratings.map((r) => [r.ticketId, r.agentId])).toEqual([['100', '7']]);
    expect(pages[0]!.skipped).toBe(1);
  });

  it('stops on a revoked key', async () => {
    const { api: client } = api([[SURVEYS, { status: 401, body: {} }]]);
    await expect(
      readAllPages(client.readCsat(csatRequest({ path: 'agent', assessedTicketIds: ['1'] }))),
    ).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('Gorgias tickets: states and done tickets', () => {
  it('reads states 100 ids a request with ticket_ids; closed is done, open is not', async () => {
    const ids = Array.from({ length: 150 }, (_, index) => String(index + 1));
    const { api: client, fetch } = api([
      [
        '/api/tickets',
        (url) => ({
          body: ticketsPage(
            new URL(url).searchParams.getAll('ticket_ids').map((id) => ({
              id: Number(id),
              status: Number(id) % 2 ? 'closed' : 'open',
              assignee: Number(id) === 3 ? null : 9,
            })),
          ),
        }),
      ],
    ]);
    const states = await client.ticketStates([...ids, '1']);
    expect(fetch.calls.map((call) => new URL(call.url).searchParams.getAll('ticket_ids').length)).toEqual([100, 50]);
    expect(states).toHaveLength(150);
    expect(states.slice(0, 3)).toEqual([
      {
        ticketId: '1',
        status: 'closed',
        done: true,
        assigneeId: '9',
        subject: 'Ticket 1',
        updatedAt: '2026-11-20T10:00:00.000Z',
      },
      {
        ticketId: '2',
        status: 'open',
        done: false,
        assigneeId: '9',
        subject: 'Ticket 2',
        updatedAt: '2026-11-20T10:00:00.000Z',
      },
      {
        ticketId: '3',
        status: 'closed',
        done: true,
        assigneeId: null,
        subject: 'Ticket 3',
        updatedAt: '2026-11-20T10:00:00.000Z',
      },
    ]);
  });

  it('lists closed tickets updated since a time, newest first, stopping at the first older one', async () => {
    const { api: client, fetch } = api([
      [
        '/api/tickets',
        {
          body: {
            ...ticketsPage([
              { id: 5, status: 'closed', updated: '2026-11-20T11:00:00' },
              { id: 4, status: 'open', updated: '2026-11-20T10:30:00' },
              { id: 3, status: 'closed', updated: '2026-11-19T10:00:00' },
            ]),
            meta: { next_cursor: 'older', prev_cursor: null },
          },
        },
      ],
    ]);
    const states = await client.solvedTickets('2026-11-20T10:00:00.000Z');
    expect(states.map((state) => state.ticketId)).toEqual(['5']);
    expect(fetch.calls.map((call) => call.url)).toEqual([
      `${ORIGIN}/api/tickets?limit=100&order_by=updated_datetime%3Adesc`,
    ]);
  });
});
