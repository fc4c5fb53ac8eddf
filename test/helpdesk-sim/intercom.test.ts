import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './index';
import type { SimCredential } from './model';
import { authHeader, first } from './test-support';

interface Conversation {
  id: string;
  state: string;
  admin_assignee_id: number | null;
  updated_at: number;
  conversation_rating: {
    rating: number;
    remark: string;
    created_at: number;
    updated_at: number;
    teammate: { id: string } | null;
  } | null;
  ai_agent: { rating: number | null } | null;
}
interface SearchPage {
  type: string;
  total_count: number;
  pages: { per_page: number; next?: { starting_after: string } };
  conversations: Conversation[];
}

describe('Intercom simulator', () => {
  let sim: Simulator;
  let admin: SimCredential;
  let base: string;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 4, ticketsPerAgent: 200 });
    admin = sim.intercom.credentials.admin;
    base = sim.intercom.origin;
  });
  afterAll(() => sim.close());

  const call = (
    path: string,
    init: { body?: unknown; credential?: SimCredential | null; version?: string | null } = {},
  ) =>
    fetch(`${base}${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: {
        ...(init.credential === null ? {} : { authorization: authHeader(init.credential ?? admin) }),
        ...(init.version === null ? {} : { 'intercom-version': init.version ?? '2.14' }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const search = async (query: unknown, pagination: unknown = { per_page: 150 }) => {
    const response = await call('/conversations/search', { body: { query, pagination } });
    expect(response.status).toBe(200);
    return (await response.json()) as SearchPage;
  };
  const rated = { field: 'conversation_rating.replied_at', operator: '>', value: '0' };

  it('hands out bearer access tokens and answers /me like the spec example, with the workspace', async () => {
    expect(admin.auth.type).toBe('oauth-token');
    const response = await call('/me');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      type: 'admin',
      id: admin.agentId,
      name: admin.name,
      app: { id_code: 'sim0app1' },
    });
    expect(response.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(
      Date.parse('2026-11-20T12:00:00Z') / 1000,
    );
  });

  it('refuses a missing or unknown token (401 error.list) and a request without Intercom-Version', async () => {
    const anonymous = await call('/me', { credential: null });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ type: 'error.list', errors: [{ code: 'unauthorized' }] });
    expect((await call('/me', { version: null })).status).toBe(400);
    expect((await call('/me', { version: '1.0' })).status).toBe(400);
  });

  it('searches rated conversations across the workspace, every page through starting_after, each once', async () => {
    const answered = sim.intercom.data.tickets.filter((ticket) => ticket.rating !== null);
    expect(answered.length).toBeGreaterThan(100);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(
        { operator: 'AND', value: [rated] },
        cursor ? { per_page: 150, starting_after: cursor } : { per_page: 150 },
      );
      expect(page.total_count).toBe(answered.length);
      seen.push(...page.conversations.map((c) => c.id));
      for (const conversation of page.conversations)
        expect(conversation.conversation_rating?.rating).toBeGreaterThanOrEqual(1);
      cursor = page.pages.next?.starting_after;
    } while (cursor);
    expect(seen).toEqual(answered.map((ticket) => String(ticket.id)));
  });

  it('filters on replied_at (the latest answer, strict >), the assignee and the state', async () => {
    const ticket = first(sim.intercom.data.tickets.filter((t) => t.rating !== null));
    const at = Math.floor(ticket.rating!.updatedAt / 1000);
    const after = await search({ operator: 'AND', value: [{ ...rated, value: String(at - 1) }] });
    const strictly = await search({ operator: 'AND', value: [{ ...rated, value: at }] });
    expect(after.conversations.map((c) => c.id)).toContain(String(ticket.id));
    expect(strictly.conversations.map((c) => c.id)).not.toContain(String(ticket.id));

    const agent = first(sim.intercom.credentials.agents);
    const mine = await search({
      operator: 'AND',
      value: [
        { field: 'state', operator: '=', value: 'closed' },
        { field: 'admin_assignee_id', operator: '=', value: agent.agentId },
      ],
    });
    expect(mine.total_count).toBeGreaterThan(0);
    for (const conversation of mine.conversations)
      expect(conversation).toMatchObject({ state: 'closed', admin_assignee_id: Number(agent.agentId) });
  });

  it('prints ratings as the spec does, and Fin’s own ratings on some conversations', async () => {
    const page = await search({ operator: 'AND', value: [rated] });
    const sample = first(page.conversations);
    expect(sample.conversation_rating).toMatchObject({
      remark: expect.any(String),
      teammate: { id: expect.stringMatching(/^\d+$/) },
    });
    const all = await search({ operator: 'AND', value: [{ field: 'created_at', operator: '>', value: 0 }] });
    expect(all.conversations.some((c) => c.ai_agent?.rating != null)).toBe(true);
    expect(all.conversations.some((c) => c.conversation_rating === null)).toBe(true);
  });

  it('refuses what Intercom refuses: per_page over 150, unknown fields, a value of the wrong type, a bad cursor', async () => {
    const bad = (query: unknown, pagination: unknown = {}) =>
      call('/conversations/search', { body: { query, pagination } });
    expect((await bad(rated, { per_page: 151 })).status).toBe(400);
    expect((await bad({ field: 'nonsense', operator: '=', value: 1 })).status).toBe(400);
    expect((await bad({ field: 'updated_at', operator: '>', value: 'yesterday' })).status).toBe(400);
    const response = await bad(rated, { starting_after: 'not-a-cursor' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'error.list' });
  });

  it('retrieves one conversation; an unknown id is a 404', async () => {
    const ticket = first(sim.intercom.data.tickets);
    const response = await call(`/conversations/${ticket.id}`);
    expect(((await response.json()) as Conversation).id).toBe(String(ticket.id));
    expect((await call('/conversations/1')).status).toBe(404);
  });

  it('re-rating changes the rating in place and moves replied_at', async () => {
    const ticket = first(sim.intercom.data.tickets.filter((t) => t.rating !== null && t.rating.score !== 1));
    sim.intercom.rerate(String(ticket.id), 1);
    const conversation = (await (await call(`/conversations/${ticket.id}`)).json()) as Conversation;
    expect(conversation.conversation_rating?.rating).toBe(1);
    expect(() => sim.intercom.rerate(String(ticket.id), 6)).toThrow(/1–5/);
  });

  it('serves the inbox conversation page on the same origin, with the state control', async () => {
    const ticket = first(sim.intercom.data.tickets);
    const response = await fetch(`${base}/a/inbox/sim0app1/inbox/shared/all/conversation/${ticket.id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-test-id="conversation-state-select"');
    expect(html).toContain('Intercom');
    sim.intercom.setTicketStatus(String(ticket.id), 'closed');
    expect(sim.intercom.data.tickets[0]!.status).toBe('closed');
  });
});
