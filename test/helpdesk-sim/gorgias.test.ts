import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './index';
import type { SimCredential } from './model';
import { first, getJson, secretOf } from './test-support';

interface Survey {
  id: number;
  ticket_id: number;
  score: number | null;
  created_datetime: string;
  scored_datetime: string | null;
}
interface ListPage<T> {
  data: T[];
  meta: { next_cursor: string | null; prev_cursor: string | null };
  object: string;
}
interface Ticket {
  id: number;
  status: string;
  assignee_user: { id: number } | null;
  updated_datetime: string;
}

describe('Gorgias simulator', () => {
  let sim: Simulator;
  let admin: SimCredential;
  let agent: SimCredential;
  let base: string;
  const get = <T>(path: string, who: SimCredential | null = admin) => getJson<T>(`${base}${path}`, who, 'gorgias');

  beforeAll(async () => {
    sim = await startSimulator({ seed: 5, ticketsPerAgent: 300 });
    ({ admin } = sim.gorgias.credentials);
    agent = first(sim.gorgias.credentials.agents);
    base = sim.gorgias.origin;
  });
  afterAll(() => sim.close());

  it('takes Basic email:API key, answers /api/users/0 with the current user, and 401s a wrong pair', async () => {
    expect(agent.auth).toMatchObject({ type: 'api-token', email: agent.email });
    const me = await get<{ id: number; name: string; role: { name: string } }>('/api/users/0', agent);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: Number(agent.agentId), name: agent.name, role: { name: 'agent' } });
    expect(me.headers.get('x-gorgias-account-api-call-limit')).toMatch(/^\d+\/400$/);
    const wrongEmail = { ...agent, auth: { ...agent.auth, email: admin.email } } as SimCredential;
    expect((await get('/api/users/0', wrongEmail)).status).toBe(401);
    // Zendesk's `email/token:` form is not Gorgias's.
    expect((await getJson(`${base}/api/users/0`, agent, 'zendesk')).status).toBe(401);
    sim.gorgias.revokeToken(secretOf(first(sim.gorgias.credentials.agents.slice(1))));
    expect((await get('/api/users/0', first(sim.gorgias.credentials.agents.slice(1)))).status).toBe(401);
  });

  it('walks every survey exactly once, newest first, by meta.next_cursor; unanswered ones have score null', async () => {
    const seen: Survey[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=100&order_by=created_datetime:desc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await get<ListPage<Survey>>(`/api/satisfaction-surveys?${query}`);
      expect(page.status).toBe(200);
      expect(page.body.object).toBe('list');
      seen.push(...page.body.data);
      cursor = page.body.meta.next_cursor;
    } while (cursor);
    const expected = [...sim.gorgias.data.ratings].reverse().map((r) => r.id);
    expect(seen.map((s) => s.id)).toEqual(expected);
    expect(seen.length).toBeGreaterThan(300);
    const answered = seen.filter((s) => s.score !== null);
    expect(answered.length).toBeGreaterThan(50);
    expect(seen.length - answered.length).toBeGreaterThan(answered.length);
    for (const survey of answered) expect([1, 2, 3, 4, 5]).toContain(survey.score);
    for (const survey of seen) expect(survey.created_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(seen.filter((s) => s.score === null).every((s) => s.scored_datetime === null)).toBe(true);
  });

  it('keeps the whole list for the lead: an agent gets 403, except for the survey of their own ticket', async () => {
    expect((await get('/api/satisfaction-surveys?limit=1', agent)).status).toBe(403);
    const mine = sim.gorgias.data.tickets.find((t) => t.assigneeId === Number(agent.agentId) && t.rating);
    const theirs = sim.gorgias.data.tickets.find((t) => t.assigneeId !== Number(agent.agentId) && t.rating);
    const own = await get<ListPage<Survey>>(`/api/satisfaction-surveys?ticket_id=${mine!.id}`, agent);
    expect(own.status).toBe(200);
    expect(own.body.data.map((s) => s.ticket_id)).toEqual([mine!.id]);
    expect((await get(`/api/satisfaction-surveys?ticket_id=${theirs!.id}`, agent)).status).toBe(403);
  });

  it('refuses what Gorgias would refuse: limit over 100, an unknown order, a broken cursor', async () => {
    expect((await get('/api/satisfaction-surveys?limit=101')).status).toBe(400);
    expect((await get('/api/satisfaction-surveys?order_by=score:asc')).status).toBe(400);
    expect((await get('/api/satisfaction-surveys?cursor=not-a-cursor')).status).toBe(400);
  });

  it('lists tickets by repeated ticket_ids with status open/closed and the assignee, and by updated time', async () => {
    const [a, b] = sim.gorgias.data.tickets;
    const byIds = await get<ListPage<Ticket>>(`/api/tickets?ticket_ids=${a!.id}&ticket_ids=${b!.id}&ticket_ids=1`);
    expect(byIds.body.data.map((t) => t.id).sort()).toEqual([a!.id, b!.id].sort());
    for (const ticket of byIds.body.data) {
      expect(['open', 'closed']).toContain(ticket.status);
      expect(ticket.assignee_user?.id).toBe(sim.gorgias.data.tickets.find((t) => t.id === ticket.id)!.assigneeId);
    }
    const recent = await get<ListPage<Ticket>>('/api/tickets?order_by=updated_datetime:desc&limit=50');
    const times = recent.body.data.map((t) => t.updated_datetime);
    expect(times).toEqual([...times].sort().reverse());
    const next = await get<ListPage<Ticket>>(
      `/api/tickets?order_by=updated_datetime:desc&limit=50&cursor=${recent.body.meta.next_cursor}`,
    );
    expect(next.body.data[0]!.updated_datetime <= times[49]!).toBe(true);
  });

  it('serves the agent ticket page at /app/ticket/{id} with an open/closed status control that saves', async () => {
    const ticket = sim.gorgias.data.tickets.find((t) => t.status === 'open')!;
    const page = await fetch(`${base}/app/ticket/${ticket.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-test-id="ticket-status-select"');
    expect(html).toContain('<option value="closed">Closed</option>');
    const saved = await fetch(`${base}/__sim/tickets/${ticket.id}/status`, {
      method: 'POST',
      body: JSON.stringify({ status: 'closed' }),
    });
    expect(await saved.json()).toMatchObject({ status: 'closed', statusLabel: 'Closed' });
    const state = await get<Ticket>(`/api/tickets/${ticket.id}`);
    expect(state.body.status).toBe('closed');
  });

  it('re-rates: same survey id, new score, scored_datetime now', async () => {
    const ticket = sim.gorgias.data.tickets.find((t) => t.rating && t.rating.score !== 'offered')!;
    sim.gorgias.rerate(String(ticket.id), 1);
    const page = await get<ListPage<Survey>>(`/api/satisfaction-surveys?ticket_id=${ticket.id}`);
    expect(page.body.data).toEqual([expect.objectContaining({ id: ticket.rating!.id, score: 1 })]);
    expect(() => sim.gorgias.rerate(String(ticket.id), 'good')).toThrow(/Gorgias scores are 1–5/);
  });
});
