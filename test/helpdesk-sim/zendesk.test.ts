import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAnswered } from './generator';
import { startSimulator, type Simulator } from './index';
import type { SimCredential } from './model';
import { first, getJson, secretOf } from './test-support';

interface RatingsPage {
  satisfaction_ratings: { id: number; score: string; ticket_id: number; created_at: string; updated_at: string }[];
  meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
  links: { next: string | null; prev: string | null };
}
interface SearchPage {
  results: { id: number; assignee_id: number; satisfaction_rating: { score: string } | null; result_type: string }[];
  next_page: string | null;
  count: number;
}

/** Follows links.next exactly as given while meta.has_more, as Zendesk's pagination guide says. */
async function walkCursor(startUrl: string, credential: SimCredential) {
  const seen: RatingsPage['satisfaction_ratings'] = [];
  let url: string | null = startUrl;
  let requests = 0;
  while (url) {
    const { status, body }: { status: number; body: RatingsPage } = await getJson<RatingsPage>(url, credential);
    expect(status).toBe(200);
    requests++;
    seen.push(...body.satisfaction_ratings);
    if (body.meta.has_more) expect(body.links.next).toMatch(/page%5Bafter%5D=[^&]+/);
    url = body.meta.has_more ? body.links.next : null;
  }
  return { seen, requests };
}

describe('Zendesk simulator (legacy CSAT)', () => {
  let sim: Simulator;
  let admin: SimCredential;
  let agent: SimCredential;
  let base: string;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 11, ticketsPerAgent: 300 });
    ({ admin } = sim.zendesk.credentials);
    agent = first(sim.zendesk.credentials.agents);
    base = sim.zendesk.origin;
  });
  afterAll(() => sim.close());

  it('answers users/me for the lead and for an agent, with .json or without', async () => {
    const me = await getJson<{ user: { id: number; role: string; email: string } }>(`${base}/api/v2/users/me.json`, admin);
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: Number(admin.agentId), role: 'admin', email: admin.email });
    const agentMe = await getJson<{ user: { role: string } }>(`${base}/api/v2/users/me`, agent);
    expect(agentMe.body.user.role).toBe('agent');
  });

  it('accepts the same token as an OAuth bearer token', async () => {
    const response = await fetch(`${base}/api/v2/users/me`, { headers: { authorization: `Bearer ${secretOf(admin)}` } });
    expect(response.status).toBe(200);
  });

  it('refuses a wrong e-mail, a wrong token and a missing header with Zendesk’s 401', async () => {
    const token = secretOf(admin);
    const wrongEmail = `Basic ${Buffer.from(`${agent.email}/token:${token}`).toString('base64')}`;
    for (const headers of [{ authorization: wrongEmail }, { authorization: 'Bearer nope' }, {}] as Record<string, string>[]) {
      const response = await fetch(`${base}/api/v2/users/me`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="Web Password"');
      expect(await response.json()).toEqual({ error: "Couldn't authenticate you" });
    }
  });

  it('lets only admins list satisfaction ratings; agents get a JSON 403', async () => {
    const forbidden = await getJson<{ error: string; description: string }>(`${base}/api/v2/satisfaction_ratings`, agent);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toBe('Forbidden');
    expect(forbidden.body.description).toMatch(/You do not have access to this page/);
  });

  it('sends lower-case rate-limit headers that count down', async () => {
    const a = await getJson(`${base}/api/v2/users/me`, admin);
    const b = await getJson(`${base}/api/v2/users/me`, admin);
    expect(a.headers.get('x-rate-limit')).toBe('2500');
    const remaining = [a, b].map((r) => Number(r.headers.get('x-rate-limit-remaining')));
    expect(remaining[1]).toBeLessThan(remaining[0] ?? 0);
  });

  it('walks every received rating exactly once with page[size] and links.next, oldest first', async () => {
    const { seen, requests } = await walkCursor(`${base}/api/v2/satisfaction_ratings?score=received&page[size]=100`, admin);
    const expected = sim.zendesk.data.ratings.filter(isAnswered).map((r) => r.id);
    expect(seen.map((r) => r.id)).toEqual(expected);
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    expect(requests).toBe(Math.ceil(expected.length / 100));
    // score=received leaves the non-answers out.
    expect(seen.every((r) => r.score === 'good' || r.score === 'bad')).toBe(true);
  });

  it('walks newest first with sort=-created_at, and back again with page[before]', async () => {
    const { seen } = await walkCursor(`${base}/api/v2/satisfaction_ratings?page[size]=37&sort=-created_at`, admin);
    const all = sim.zendesk.data.ratings.map((r) => r.id);
    expect(seen.map((r) => r.id)).toEqual([...all].reverse());

    const page1 = await getJson<RatingsPage>(`${base}/api/v2/satisfaction_ratings?page[size]=5`, admin);
    expect(page1.body.meta.before_cursor).toBeNull();
    expect(page1.body.links.prev).toBeNull();
    const page2 = await getJson<RatingsPage>(page1.body.links.next ?? '', admin);
    const back = await getJson<RatingsPage>(page2.body.links.prev ?? '', admin);
    expect(back.body.satisfaction_ratings.map((r) => r.id)).toEqual(page1.body.satisfaction_ratings.map((r) => r.id));
  });

  it('keeps links.next on the last page but says has_more: false', async () => {
    const total = sim.zendesk.data.ratings.filter((r) => r.score === 'bad').length;
    const page = await getJson<RatingsPage>(`${base}/api/v2/satisfaction_ratings?score=bad&page[size]=100`, admin);
    expect(page.body.satisfaction_ratings).toHaveLength(total);
    expect(page.body.meta.has_more).toBe(false);
    expect(page.body.links.next).not.toBeNull();
    const beyond = await getJson<RatingsPage>(page.body.links.next ?? '', admin);
    expect(beyond.body.satisfaction_ratings).toEqual([]);
  });

  it('filters by score, and start_time/end_time on created_at (epoch seconds, inclusive)', async () => {
    const ratings = sim.zendesk.data.ratings;
    for (const score of ['offered', 'unoffered', 'good', 'bad_with_comment']) {
      const { seen } = await walkCursor(`${base}/api/v2/satisfaction_ratings?score=${score}&page[size]=100`, admin);
      expect(seen.length).toBeGreaterThan(0);
      const [value, comment] = score.split('_with');
      expect(seen.every((r) => r.score === value)).toBe(true);
      if (comment) expect(seen.map((r) => r.id)).toEqual(ratings.filter((r) => r.score === value && r.comment !== null).map((r) => r.id));
    }
    const middle = ratings[Math.floor(ratings.length / 2)];
    const last = ratings[ratings.length - 10];
    if (!middle || !last) throw new Error('too few ratings');
    const [start, end] = [middle.createdAt / 1000, last.createdAt / 1000];
    const { seen } = await walkCursor(`${base}/api/v2/satisfaction_ratings?page[size]=100&start_time=${start}&end_time=${end}`, admin);
    expect(seen.map((r) => r.id)).toEqual(ratings.filter((r) => r.createdAt >= start * 1000 && r.createdAt <= end * 1000).map((r) => r.id));
    expect((await getJson(`${base}/api/v2/satisfaction_ratings?score=recieved`, admin)).status).toBe(400);
    expect((await getJson(`${base}/api/v2/satisfaction_ratings?page[size]=101`, admin)).status).toBe(400);
  });

  it('also pages by offset: next_page URLs and count, 400 past 10,000 records', async () => {
    const received = sim.zendesk.data.ratings.filter(isAnswered).length;
    const page = await getJson<{ satisfaction_ratings: unknown[]; next_page: string | null; count: number }>(
      `${base}/api/v2/satisfaction_ratings.json?score=received&per_page=50`,
      admin,
    );
    expect(page.body.count).toBe(received);
    expect(page.body.satisfaction_ratings).toHaveLength(50);
    expect(page.body.next_page).toMatch(/page=2/);
    expect((await getJson(`${base}/api/v2/satisfaction_ratings?per_page=100&page=101`, admin)).status).toBe(400);
  });

  it('shows a re-rating with the same id, the new score and a later updated_at', async () => {
    const rating = sim.zendesk.data.ratings.find((r) => r.score === 'bad');
    if (!rating) throw new Error('no bad rating');
    const before = rating.updatedAt;
    sim.zendesk.rerate(String(rating.ticketId), 'good');
    const { seen } = await walkCursor(`${base}/api/v2/satisfaction_ratings?score=good&page[size]=100`, admin);
    const changed = seen.find((r) => r.id === rating.id);
    expect(changed?.score).toBe('good');
    expect(Date.parse(changed?.updated_at ?? '')).toBeGreaterThan(before);
    expect(changed?.created_at).toBe(new Date(rating.createdAt).toISOString().replace('.000', ''));
  });

  it('shows up to 100 tickets with their satisfaction_rating, 400 beyond', async () => {
    const tickets = sim.zendesk.data.tickets;
    const rated = tickets.find((t) => t.rating && isAnswered(t.rating));
    const offered = tickets.find((t) => t.rating?.score === 'offered');
    const none = tickets.find((t) => t.rating === null);
    if (!rated || !offered || !none) throw new Error('dataset lacks a case');
    const ids = [rated.id, offered.id, none.id, 999_999];
    const page = await getJson<{ tickets: { id: number; status: string; satisfaction_rating: Record<string, unknown> }[]; count: number }>(
      `${base}/api/v2/tickets/show_many.json?ids=${ids.join(',')}`,
      agent,
    );
    expect(page.status).toBe(200);
    expect(page.body.tickets.map((t) => t.id)).toEqual([rated.id, offered.id, none.id]);
    expect(page.body.tickets[0]?.satisfaction_rating).toEqual({ id: rated.rating?.id, score: rated.rating?.score, comment: rated.rating?.comment });
    expect(page.body.tickets[1]?.satisfaction_rating).toEqual({ score: 'offered' });
    expect(page.body.tickets[2]?.satisfaction_rating).toEqual({ score: 'unoffered' });
    const hundred = tickets.slice(0, 100).map((t) => t.id).join(',');
    expect((await getJson(`${base}/api/v2/tickets/show_many?ids=${hundred}`, agent)).status).toBe(200);
    const tooMany = tickets.slice(0, 101).map((t) => t.id).join(',');
    expect((await getJson(`${base}/api/v2/tickets/show_many?ids=${tooMany}`, agent)).status).toBe(400);
  });

  it('searches an agent’s rated tickets and pages with next_page', async () => {
    const me = Number(agent.agentId);
    const expected = sim.zendesk.data.tickets.filter((t) => t.assigneeId === me && t.rating?.score === 'good').map((t) => t.id);
    let url: string | null = `${base}/api/v2/search.json?query=${encodeURIComponent('type:ticket assignee:me satisfaction:good')}&per_page=7`;
    const found: number[] = [];
    while (url) {
      const page: { status: number; body: SearchPage } = await getJson<SearchPage>(url, agent);
      expect(page.status).toBe(200);
      expect(page.body.count).toBe(expected.length);
      for (const result of page.body.results) {
        expect(result).toMatchObject({ assignee_id: me, result_type: 'ticket', satisfaction_rating: { score: 'good' } });
        found.push(result.id);
      }
      url = page.body.next_page;
    }
    expect(found.sort()).toEqual([...expected].sort());
  });

  it('reads updated>DATE as "after that whole UTC day"', async () => {
    const ticket = sim.zendesk.data.tickets[200];
    if (!ticket) throw new Error('no ticket');
    const day = new Date(ticket.updatedAt).toISOString().slice(0, 10);
    const query = (q: string) => getJson<SearchPage>(`${base}/api/v2/search?query=${encodeURIComponent(q)}`, admin);
    const onDay = await query(`type:ticket updated:${day}`);
    const afterDay = await query(`type:ticket updated>${day}`);
    expect(onDay.body.results.map((r) => r.id)).toContain(ticket.id);
    expect(afterDay.body.results.map((r) => r.id)).not.toContain(ticket.id);
    expect((await query('type:ticket brand:acme')).status).toBe(400);
  });

  it('caps search at 1,000 results with a 422', async () => {
    const all = await getJson<SearchPage>(`${base}/api/v2/search?query=type:ticket&per_page=100&page=10`, admin);
    expect(all.body.count).toBe(sim.zendesk.data.tickets.length);
    expect(all.status).toBe(200);
    expect(all.body.next_page).toBeNull();
    expect((await getJson(`${base}/api/v2/search?query=type:ticket&per_page=100&page=11`, admin)).status).toBe(422);
  });

  it('gets 401 after a token is revoked', async () => {
    const victim = sim.zendesk.credentials.agents[1];
    if (!victim) throw new Error('need a second agent');
    expect((await getJson(`${base}/api/v2/users/me`, victim)).status).toBe(200);
    sim.zendesk.revokeToken(secretOf(victim));
    expect((await getJson(`${base}/api/v2/users/me`, victim)).status).toBe(401);
    const bearer = await fetch(`${base}/api/v2/users/me`, { headers: { authorization: `Bearer ${secretOf(victim)}` } });
    expect(bearer.status).toBe(401);
  });
});

describe('Zendesk simulator (new CSAT)', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 5, zendeskCsat: 'new' });
  });
  afterAll(() => sim.close());

  interface SurveyPage {
    survey_responses: { id: string; subject_zrns: string[]; answers: { rating?: number; rating_category?: string; created_at: string }[] }[];
    meta: { has_more: boolean; after_cursor: string | null };
    links: { next: string | null };
  }

  it('writes nothing to satisfaction_ratings and nulls ticket.satisfaction_rating', async () => {
    const { admin } = sim.zendesk.credentials;
    const legacy = await getJson<RatingsPage>(`${sim.zendesk.origin}/api/v2/satisfaction_ratings?page[size]=100`, admin);
    expect(legacy.body.satisfaction_ratings).toEqual([]);
    expect(legacy.body.meta.has_more).toBe(false);
    const id = first(sim.zendesk.data.ratings).ticketId;
    const tickets = await getJson<{ tickets: { satisfaction_rating: unknown }[] }>(`${sim.zendesk.origin}/api/v2/tickets/show_many?ids=${id}`, admin);
    expect(tickets.body.tickets[0]?.satisfaction_rating).toBeNull();
  });

  it('walks survey_responses with a ms time filter and links.next', async () => {
    const { admin } = sim.zendesk.credentials;
    const ratings = sim.zendesk.data.ratings;
    const start = ratings[Math.floor(ratings.length / 3)]?.createdAt ?? 0;
    let url: string | null = `${sim.zendesk.origin}/api/v2/guide/survey_responses?page[size]=25&filter[created_at_start]=${start}`;
    const seen: SurveyPage['survey_responses'] = [];
    while (url) {
      const page: { body: SurveyPage } = await getJson<SurveyPage>(url, admin);
      seen.push(...page.body.survey_responses);
      url = page.body.meta.has_more ? page.body.links.next : null;
    }
    const expected = ratings.filter((r) => r.createdAt >= start);
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    expect(seen.map((s) => s.subject_zrns[0])).toEqual(expected.map((r) => `zen:ticket:${r.ticketId}`));
    for (const response of seen) {
      expect(response.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      const answer = response.answers[0];
      expect(answer?.rating).toBeGreaterThanOrEqual(1);
      expect(answer?.rating_category).toBe(answer && (answer.rating ?? 0) <= 2 ? 'bad' : answer?.rating === 3 ? 'neutral' : 'good');
    }
  });

  it('filters survey_responses by ticket zrn', async () => {
    const { admin } = sim.zendesk.credentials;
    const [a, b] = sim.zendesk.data.ratings;
    if (!a || !b) throw new Error('too few ratings');
    const zrns = `zen:ticket:${a.ticketId},zen:ticket:${b.ticketId}`;
    const page = await getJson<SurveyPage>(`${sim.zendesk.origin}/api/v2/guide/survey_responses?filter[subject_zrns]=${zrns}`, admin);
    expect(page.body.survey_responses.map((s) => s.subject_zrns[0])).toEqual([`zen:ticket:${a.ticketId}`, `zen:ticket:${b.ticketId}`]);
  });
});
