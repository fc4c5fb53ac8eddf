import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './index';
import type { SimCredential } from './model';
import { first, getJson, secretOf } from './test-support';

interface FreshdeskRating {
  id: number;
  agent_id: number | null;
  ticket_id: number;
  ratings: { default_question: number };
  created_at: string;
  updated_at: string;
}

/** The next page's URL from a Link header, parsed leniently (Freshdesk writes `< url>;rel="next"`). */
function nextLink(header: string | null): string | null {
  const match = /<\s*([^>]+?)\s*>\s*;\s*rel="?next"?/.exec(header ?? '');
  return match?.[1] ?? null;
}

describe('Freshdesk simulator', () => {
  let sim: Simulator;
  let admin: SimCredential;
  let agent: SimCredential;
  let base: string;
  const longAgo = '2000-01-01T00:00:00Z';

  beforeAll(async () => {
    sim = await startSimulator({ seed: 3, ticketsPerAgent: 400 });
    ({ admin } = sim.freshdesk.credentials);
    agent = first(sim.freshdesk.credentials.agents);
    base = sim.freshdesk.origin;
  });
  afterAll(() => sim.close());

  it('answers agents/me in the documented shape', async () => {
    const me = await getJson<{ id: number; type: string; contact: { name: string; email: string } }>(`${base}/api/v2/agents/me`, agent);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: Number(agent.agentId), type: 'support_agent', contact: { name: agent.name, email: agent.email } });
  });

  it('walks every rating exactly once by the Link header, which is absent on the last page', async () => {
    let url: string | null = `${base}/api/v2/surveys/satisfaction_ratings?created_since=${longAgo}&per_page=100`;
    const seen: FreshdeskRating[] = [];
    let lastHeaders: Headers | null = null;
    while (url) {
      const page: { status: number; headers: Headers; body: FreshdeskRating[] } = await getJson<FreshdeskRating[]>(url, admin);
      expect(page.status).toBe(200);
      expect(Array.isArray(page.body)).toBe(true);
      seen.push(...page.body);
      lastHeaders = page.headers;
      url = nextLink(page.headers.get('link'));
    }
    expect(lastHeaders?.get('link')).toBeNull();
    expect(seen.map((r) => r.id)).toEqual(sim.freshdesk.data.ratings.map((r) => r.id));
    expect(seen.length).toBeGreaterThan(300);
    for (const rating of seen) expect([103, 102, 101, 100, -101, -102, -103]).toContain(rating.ratings.default_question);
    expect(seen.some((r) => r.agent_id === null)).toBe(true);
  });

  it('writes the Link header the way Freshdesk documents it', async () => {
    const page = await getJson(`${base}/api/v2/surveys/satisfaction_ratings?created_since=${longAgo}&per_page=2&page=3`, admin);
    expect(page.headers.get('link')).toBe(
      `< ${base}/api/v2/surveys/satisfaction_ratings?created_since=2000-01-01T00%3A00%3A00Z&page=4&per_page=2>;rel="next"`,
    );
  });

  it('filters on created_at with created_since, and defaults to the last 30 days', async () => {
    const ratings = sim.freshdesk.data.ratings;
    const pivot = ratings[ratings.length - 40];
    if (!pivot) throw new Error('too few ratings');
    const since = new Date(pivot.createdAt).toISOString();
    const page = await getJson<FreshdeskRating[]>(`${base}/api/v2/surveys/satisfaction_ratings?created_since=${since}&per_page=100`, admin);
    expect(page.body.map((r) => r.id)).toEqual(ratings.filter((r) => r.createdAt >= pivot.createdAt).map((r) => r.id));
    const recent = await getJson<FreshdeskRating[]>(`${base}/api/v2/surveys/satisfaction_ratings?per_page=100`, admin);
    const monthAgo = sim.freshdesk.data.now - 30 * 24 * 3600 * 1000;
    expect(recent.body.length).toBeGreaterThan(0);
    expect(recent.body.every((r) => Date.parse(r.created_at) >= monthAgo)).toBe(true);
  });

  it('validates per_page and created_since with Freshdesk’s error envelope', async () => {
    const tooBig = await getJson<{ description: string; errors: { field: string }[] }>(`${base}/api/v2/surveys/satisfaction_ratings?per_page=101`, admin);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toMatchObject({ description: 'Validation failed', errors: [{ field: 'per_page' }] });
    expect((await getJson(`${base}/api/v2/surveys/satisfaction_ratings?created_since=yesterday`, admin)).status).toBe(400);
  });

  it('sends X-RateLimit headers', async () => {
    const page = await getJson(`${base}/api/v2/agents/me`, admin);
    expect(page.headers.get('x-ratelimit-total')).toBe('700');
    expect(Number(page.headers.get('x-ratelimit-remaining'))).toBeLessThan(700);
    expect(page.headers.get('x-ratelimit-used-currentrequest')).toBe('1');
  });

  it('refuses the list to agents with 403 access_denied', async () => {
    const page = await getJson(`${base}/api/v2/surveys/satisfaction_ratings`, agent);
    expect(page.status).toBe(403);
    expect(page.body).toEqual({ code: 'access_denied', message: 'You are not authorized to perform this action.' });
  });

  it('lets an agent read the ticket and its ratings only when the ticket is theirs', async () => {
    const mine = sim.freshdesk.data.tickets.find((t) => t.assigneeId === Number(agent.agentId) && t.rating);
    const theirs = sim.freshdesk.data.tickets.find((t) => t.assigneeId !== Number(agent.agentId));
    if (!mine?.rating || !theirs) throw new Error('dataset lacks a case');
    const ratings = await getJson<FreshdeskRating[]>(`${base}/api/v2/tickets/${mine.id}/satisfaction_ratings`, agent);
    expect(ratings.status).toBe(200);
    expect(ratings.body.map((r) => r.id)).toEqual([mine.rating.id]);
    const ticket = await getJson<{ id: number; status: number; responder_id: number; updated_at: string }>(`${base}/api/v2/tickets/${mine.id}`, agent);
    expect(ticket.body).toMatchObject({ id: mine.id, responder_id: mine.assigneeId });
    expect([2, 3, 4, 5]).toContain(ticket.body.status);
    expect((await getJson(`${base}/api/v2/tickets/${theirs.id}/satisfaction_ratings`, agent)).status).toBe(403);
    expect((await getJson(`${base}/api/v2/tickets/${theirs.id}`, agent)).status).toBe(403);
    const unrated = sim.freshdesk.data.tickets.find((t) => t.rating === null);
    expect((await getJson(`${base}/api/v2/tickets/${unrated?.id}/satisfaction_ratings`, admin)).body).toEqual([]);
    expect((await getJson(`${base}/api/v2/tickets/99999999`, admin)).status).toBe(404);
  });

  it('maps ticket status changes to Freshdesk codes', async () => {
    const ticket = first(sim.freshdesk.data.tickets);
    sim.freshdesk.setTicketStatus(String(ticket.id), '3');
    expect((await getJson<{ status: number }>(`${base}/api/v2/tickets/${ticket.id}`, admin)).body.status).toBe(3);
    sim.freshdesk.setTicketStatus(String(ticket.id), 'resolved');
    expect((await getJson<{ status: number }>(`${base}/api/v2/tickets/${ticket.id}`, admin)).body.status).toBe(4);
    expect(() => sim.freshdesk.setTicketStatus(String(ticket.id), 'solved')).toThrow(/Unknown freshdesk ticket status/);
  });

  it('re-rates in place: same id, new default_question, later updated_at', async () => {
    const rating = first(sim.freshdesk.data.ratings);
    sim.freshdesk.rerate(String(rating.ticketId), -103);
    const page = await getJson<FreshdeskRating[]>(`${base}/api/v2/tickets/${rating.ticketId}/satisfaction_ratings`, admin);
    expect(page.body).toHaveLength(1);
    expect(page.body[0]).toMatchObject({ id: rating.id, ratings: { default_question: -103 } });
    expect(Date.parse(page.body[0]?.updated_at ?? '')).toBeGreaterThan(Date.parse(page.body[0]?.created_at ?? ''));
  });

  it('answers 401 invalid_credentials for a bad or revoked key', async () => {
    const bad = await fetch(`${base}/api/v2/agents/me`, { headers: { authorization: `Basic ${Buffer.from('nope:X').toString('base64')}` } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(await bad.json()).toEqual({ code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' });
    const victim = sim.freshdesk.credentials.agents[2];
    if (!victim) throw new Error('need a third agent');
    sim.freshdesk.revokeToken(secretOf(victim));
    expect((await getJson(`${base}/api/v2/agents/me`, victim)).status).toBe(401);
  });
});
