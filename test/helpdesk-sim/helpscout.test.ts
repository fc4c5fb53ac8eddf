import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELPSCOUT_STATUS, conversationNumber } from './helpscout-json';
import { startSimulator, type Simulator } from './index';
import type { SimCredential } from './model';
import { first, helpscoutAuthHeader } from './test-support';

describe('Help Scout simulator', () => {
  let sim: Simulator;
  let owner: SimCredential;
  let agent: SimCredential;
  let ownerAuth: string;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 3 });
    owner = sim.helpscout.credentials.admin;
    agent = first(sim.helpscout.credentials.agents);
    ownerAuth = await helpscoutAuthHeader(sim.helpscout.origin, owner);
  });
  afterAll(() => sim.close());

  const get = async (path: string, authorization: string | null = ownerAuth) => {
    const response = await fetch(`${sim.helpscout.origin}${path}`, { headers: authorization ? { authorization } : {} });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      // JSON read loosely: the assertions below are the shape check.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      body: (text.startsWith('{') ? JSON.parse(text) : text) as any,
    };
  };
  const token = (fields: Record<string, string>) =>
    fetch(`${sim.helpscout.origin}/v2/oauth2/token`, { method: 'POST', body: new URLSearchParams(fields) });
  const window = 'start=2026-01-01T00:00:00Z&end=2026-12-31T00:00:00Z';

  it('issues a bearer token for an app’s id and secret, and refuses a wrong client or grant', async () => {
    if (agent.auth.type !== 'oauth-client') throw new Error('Help Scout credentials are App ID + secret');
    const ok = await token({
      grant_type: 'client_credentials',
      client_id: agent.auth.clientId,
      client_secret: agent.auth.clientSecret,
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      token_type: 'bearer',
      access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
      expires_in: 172800,
    });
    const wrongId = await token({
      grant_type: 'client_credentials',
      client_id: 'nope',
      client_secret: agent.auth.clientSecret,
    });
    expect(wrongId.status).toBe(401);
    expect(await wrongId.json()).toMatchObject({ error: 'invalid_client' });
    expect(
      (await token({ grant_type: 'password', client_id: agent.auth.clientId, client_secret: agent.auth.clientSecret }))
        .status,
    ).toBe(400);
  });

  it('answers users/me with the token’s user; no token, 401 with WWW-Authenticate: Bearer', async () => {
    const me = await get('/v2/users/me');
    expect(me.body).toMatchObject({ id: Number(owner.agentId), email: owner.email, role: 'owner', type: 'user' });
    expect(me.headers.get('x-ratelimit-limit-minute')).toBe('2000');
    expect(me.headers.get('x-ratelimit-remaining-minute')).toMatch(/^\d+$/);
    const anonymous = await get('/v2/users/me', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('pages the company report 10 rows a page, per rating value, page/pages/count in the body', async () => {
    const all = sim.helpscout.data.ratings;
    const great = all.filter((rating) => rating.score === 'great');
    const pageOne = await get(`/v2/reports/happiness/ratings?${window}&rating=great&page=1`);
    expect(pageOne.body).toMatchObject({
      facets: {},
      page: 1,
      count: great.length,
      pages: Math.ceil(great.length / 10),
    });
    expect(pageOne.body.results).toHaveLength(10);
    expect(Object.keys(pageOne.body.results[0]).sort()).toEqual(
      [
        'id',
        'number',
        'ratingComments',
        'ratingCreatedAt',
        'ratingCustomerId',
        'ratingCustomerName',
        'ratingId',
        'ratingUserId',
        'ratingUserName',
        'threadCreatedAt',
        'threadid',
        'type',
      ].sort(),
    );
    const ids = new Set<number>();
    for (let page = 1; page <= pageOne.body.pages; page++) {
      for (const row of (await get(`/v2/reports/happiness/ratings?${window}&rating=great&page=${page}`)).body.results)
        ids.add(row.ratingId);
    }
    expect(ids).toEqual(new Set(great.map((rating) => rating.id)));
    const counts = await Promise.all(
      ['great', 'ok', 'not-good'].map(
        async (rating) => (await get(`/v2/reports/happiness/ratings?${window}&rating=${rating}`)).body.count as number,
      ),
    );
    expect(counts.reduce((a, b) => a + b)).toBe(all.length);
    expect(counts.every((count) => count > 0)).toBe(true);
  });

  it('needs start and end, and keeps the company report from users (403)', async () => {
    expect((await get('/v2/reports/happiness/ratings?rating=great')).status).toBe(400);
    const agentAuth = await helpscoutAuthHeader(sim.helpscout.origin, agent);
    expect((await get(`/v2/reports/happiness/ratings?${window}`, agentAuth)).status).toBe(403);
    const mine = await get(`/v2/reports/user/ratings?user=${agent.agentId}&${window}&rating=ok`, agentAuth);
    expect(mine.status).toBe(200);
    expect(mine.body.results.every((row: { ratingUserId: number }) => String(row.ratingUserId) === agent.agentId)).toBe(
      true,
    );
    expect((await get(`/v2/reports/user/ratings?user=${owner.agentId}&${window}`, agentAuth)).status).toBe(403);
  });

  it('serves conversations: one by id, and the closed ones of a user as HAL pages without _embedded when empty', async () => {
    const ticket = sim.helpscout.data.tickets.find((t) => t.status === 'closed')!;
    const one = await get(`/v2/conversations/${ticket.id}`);
    expect(one.body).toMatchObject({
      id: ticket.id,
      number: conversationNumber(ticket),
      status: 'closed',
      assignee: { id: ticket.assigneeId },
    });
    const list = await get(
      `/v2/conversations?status=closed&assigned_to=${agent.agentId}&sortField=modifiedAt&sortOrder=desc`,
    );
    const closed = sim.helpscout.data.tickets.filter(
      (t) => HELPSCOUT_STATUS[t.status] === 'closed' && String(t.assigneeId) === agent.agentId,
    );
    expect(list.body.page).toMatchObject({ size: 25, totalElements: closed.length, number: 1 });
    expect(list.body._embedded.conversations).toHaveLength(25);
    expect(list.body._links.next.href).toContain('page=2');
    const none = await get(`/v2/conversations?status=closed&modifiedSince=2099-01-01T00:00:00Z`);
    expect(none.body._embedded).toBeUndefined();
    expect(none.body._links.next).toBeUndefined();
  });

  it('expired and revoked: tokens stop working; a revoked app gets no new token', async () => {
    const agentAuth = await helpscoutAuthHeader(sim.helpscout.origin, agent);
    sim.helpscout.expireAccessTokens();
    expect((await get('/v2/users/me', agentAuth)).status).toBe(401);
    expect((await get('/v2/users/me', ownerAuth)).status).toBe(401);
    ownerAuth = await helpscoutAuthHeader(sim.helpscout.origin, owner);
    const fresh = await helpscoutAuthHeader(sim.helpscout.origin, agent);
    expect((await get('/v2/users/me', fresh)).status).toBe(200);
    if (agent.auth.type !== 'oauth-client') throw new Error('unreachable');
    sim.helpscout.revokeToken(agent.auth.clientSecret);
    expect((await get('/v2/users/me', fresh)).status).toBe(401);
    await expect(helpscoutAuthHeader(sim.helpscout.origin, agent)).rejects.toThrow('401');
  });

  it('renders the conversation page at /conversation/{id}/{number} with a status control that saves', async () => {
    const ticket = sim.helpscout.data.tickets.find((t) => HELPSCOUT_STATUS[t.status] === 'active')!;
    const page = await get(`/conversation/${ticket.id}/${conversationNumber(ticket)}`, null);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Help Scout · simulated agent workspace');
    expect(page.body).toContain('data-test-id="conversation-status"');
    expect(page.body).toContain('<option value="active" selected>Active</option>');
    const saved = await fetch(`${sim.helpscout.origin}/__sim/tickets/${ticket.id}/status`, {
      method: 'POST',
      body: JSON.stringify({ status: 'closed' }),
    });
    expect(await saved.json()).toMatchObject({
      id: ticket.id,
      status: 'closed',
      path: `/conversation/${ticket.id}/${conversationNumber(ticket)}`,
    });
    expect((await get(`/v2/conversations/${ticket.id}`)).body.status).toBe('closed');
  });
});
