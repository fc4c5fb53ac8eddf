import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { corruptOneItem } from './faults';
import { startSimulator, type Simulator } from './index';
import type { SimCredential } from './model';
import { authHeader, helpscoutAuthHeader } from './test-support';

describe('faults', () => {
  let sim: Simulator;
  let zendeskAdmin: SimCredential;
  let freshdeskAdmin: SimCredential;
  const ratingsPath = '/api/v2/satisfaction_ratings';

  beforeAll(async () => {
    sim = await startSimulator({ seed: 2 });
    zendeskAdmin = sim.zendesk.credentials.admin;
    freshdeskAdmin = sim.freshdesk.credentials.admin;
  });
  afterEach(() => {
    sim.zendesk.faults.clear();
    sim.freshdesk.faults.clear();
    sim.gorgias.faults.clear();
    sim.helpscout.faults.clear();
    sim.intercom.faults.clear();
  });
  afterAll(() => sim.close());

  const zendesk = (path = `${ratingsPath}?page[size]=10`) => fetch(`${sim.zendesk.origin}${path}`, { headers: { authorization: authHeader(zendeskAdmin) } });
  const freshdesk = (path = '/api/v2/surveys/satisfaction_ratings?per_page=10') =>
    fetch(`${sim.freshdesk.origin}${path}`, { headers: { authorization: authHeader(freshdeskAdmin) } });
  const gorgias = (path = '/api/satisfaction-surveys?limit=10') =>
    fetch(`${sim.gorgias.origin}${path}`, { headers: { authorization: authHeader(sim.gorgias.credentials.admin, 'gorgias') } });

  it('rate-limit: count × 429 with Retry-After and Zendesk’s text/plain body, then normal again', async () => {
    sim.zendesk.faults.set({ type: 'rate-limit', count: 2, retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i++) {
      const response = await zendesk();
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('7');
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(response.headers.get('x-rate-limit-remaining')).toBe('0');
      expect(await response.text()).not.toMatch(/^\s*[{[]/);
    }
    expect((await zendesk()).status).toBe(200);
    expect(sim.zendesk.faults.active).toEqual([]);
  });

  it('rate-limit on Freshdesk: 429 with Retry-After', async () => {
    sim.freshdesk.faults.set({ type: 'rate-limit', count: 1, retryAfterSeconds: 30 });
    const response = await freshdesk();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect((await freshdesk()).status).toBe(200);
  });

  it('rate-limit on Gorgias: 429 with Retry-After and a full `used/limit` bucket', async () => {
    sim.gorgias.faults.set({ type: 'rate-limit', count: 1, retryAfterSeconds: 20 });
    const response = await gorgias();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('20');
    expect(response.headers.get('x-gorgias-account-api-call-limit')).toBe('400/400');
    expect((await gorgias()).status).toBe(200);
  });

  it('skip: the first matching requests go through, so a fault can hit the second page of a list', async () => {
    sim.gorgias.faults.set({ type: 'server-error', count: 1, pathPrefix: '/api/satisfaction-surveys', skip: 1 });
    expect((await gorgias()).status).toBe(200);
    expect((await gorgias()).status).toBe(500);
    expect((await gorgias()).status).toBe(200);
  });

  it('rate-limit on Help Scout: 429 with X-RateLimit-Retry-After (its name for the wait), no Retry-After', async () => {
    const authorization = await helpscoutAuthHeader(sim.helpscout.origin, sim.helpscout.credentials.admin);
    const me = () => fetch(`${sim.helpscout.origin}/v2/users/me`, { headers: { authorization } });
    sim.helpscout.faults.set({ type: 'rate-limit', count: 1, retryAfterSeconds: 9 });
    const response = await me();
    expect(response.status).toBe(429);
    expect(response.headers.get('x-ratelimit-retry-after')).toBe('9');
    expect(response.headers.get('retry-after')).toBeNull();
    expect(response.headers.get('x-ratelimit-remaining-minute')).toBe('0');
    expect((await me()).status).toBe(200);
  });

  /** Intercom's search: a POST with Intercom-Version, on the API paths that share the origin with the inbox pages. */
  const intercomSearch = () =>
    fetch(`${sim.intercom.origin}/conversations/search`, {
      method: 'POST',
      headers: { authorization: authHeader(sim.intercom.credentials.admin), 'intercom-version': '2.14', 'content-type': 'application/json' },
      body: JSON.stringify({ query: { field: 'conversation_rating.replied_at', operator: '>', value: '0' }, pagination: { per_page: 10 } }),
    });

  it('rate-limit on Intercom: 429 error.list with the reset as unix time and no Retry-After (none is documented)', async () => {
    sim.intercom.faults.set({ type: 'rate-limit', count: 1, retryAfterSeconds: 7, pathPrefix: '/conversations/search' });
    const started = Math.floor(Date.parse(((await (await fetch(`${sim.intercom.origin}/__sim/state`)).json()) as { now: string }).now) / 1000);
    const response = await intercomSearch();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(response.headers.get('x-ratelimit-reset')) - started).toBeGreaterThanOrEqual(7);
    expect(await response.json()).toMatchObject({ type: 'error.list', errors: [{ code: 'rate_limit_exceeded' }] });
    expect((await intercomSearch()).status).toBe(200);
  });

  it('server-error and schema-invalid on Intercom: an error.list 500; a conversation id that is not digits', async () => {
    sim.intercom.faults.set({ type: 'server-error', count: 1 });
    const failed = await intercomSearch();
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ type: 'error.list', errors: [{ code: 'server_error' }] });
    sim.intercom.faults.set({ type: 'schema-invalid', count: 1 });
    const broken = (await (await intercomSearch()).json()) as { conversations: { id: string }[] };
    expect(broken.conversations.filter((c) => c.id === 'abc')).toHaveLength(1);
    // Inbox pages on the same origin are never hit.
    sim.intercom.faults.set({ type: 'server-error', count: 1 });
    expect((await fetch(`${sim.intercom.origin}/a/inbox/sim0app1/inbox/shared/all/conversation/${sim.intercom.data.tickets[0]!.id}`)).status).toBe(200);
    expect((await intercomSearch()).status).toBe(500);
  });

  it('server-error: 500 JSON by default, 502/503 as a proxy’s HTML page', async () => {
    sim.zendesk.faults.set({ type: 'server-error', count: 1 });
    sim.zendesk.faults.set({ type: 'server-error', count: 1, status: 503 });
    const first = await zendesk();
    expect(first.status).toBe(500);
    expect(await first.json()).toHaveProperty('error');
    const second = await zendesk();
    expect(second.status).toBe(503);
    expect(second.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await zendesk()).status).toBe(200);
  });

  it('slow: delays matching requests, all of them without a count', async () => {
    sim.freshdesk.faults.set({ type: 'slow', delayMs: 250 });
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      expect((await freshdesk()).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    }
    expect(sim.freshdesk.faults.active).toHaveLength(1);
    sim.freshdesk.faults.clear();
    const started = performance.now();
    await freshdesk();
    expect(performance.now() - started).toBeLessThan(240);
  });

  it('slow: a request whose client gave up uses up no fault armed meanwhile', async () => {
    sim.gorgias.faults.set({ type: 'slow', delayMs: 300, count: 1 });
    const headers = { authorization: authHeader(sim.gorgias.credentials.admin, 'gorgias') };
    await expect(fetch(`${sim.gorgias.origin}/api/satisfaction-surveys`, { headers, signal: AbortSignal.timeout(50) })).rejects.toThrow();
    sim.gorgias.faults.set({ type: 'malformed-json', count: 1 });
    // Let the abandoned request's delay run out before the next request.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sim.gorgias.faults.active).toEqual([{ type: 'malformed-json', count: 1 }]);
    const body = await (await gorgias()).text();
    expect(() => JSON.parse(body) as unknown).toThrow();
  });

  it('malformed-json: 200 with a truncated body that JSON.parse rejects', async () => {
    sim.zendesk.faults.set({ type: 'malformed-json', count: 1 });
    const response = await zendesk();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = await response.text();
    expect(body.startsWith('{"satisfaction_ratings":[')).toBe(true);
    expect(() => JSON.parse(body) as unknown).toThrow();
    expect(await (await zendesk()).json()).toHaveProperty('satisfaction_ratings');
  });

  it('schema-invalid: valid JSON, one item with a wrong-typed field', async () => {
    sim.zendesk.faults.set({ type: 'schema-invalid', count: 1 });
    const broken = (await (await zendesk()).json()) as { satisfaction_ratings: { ticket_id: unknown }[] };
    const types = broken.satisfaction_ratings.map((r) => typeof r.ticket_id);
    expect(types.filter((t) => t === 'string')).toHaveLength(1);
    expect(types.filter((t) => t === 'number')).toHaveLength(broken.satisfaction_ratings.length - 1);

    sim.freshdesk.faults.set({ type: 'schema-invalid', count: 1 });
    const fresh = (await (await freshdesk()).json()) as { ticket_id: unknown }[];
    expect(fresh.filter((r) => r.ticket_id === 'abc')).toHaveLength(1);

    sim.gorgias.faults.set({ type: 'schema-invalid', count: 1 });
    const surveys = (await (await gorgias()).json()) as { data: { ticket_id: unknown }[] };
    expect(surveys.data.filter((r) => r.ticket_id === 'abc')).toHaveLength(1);
  });

  it('schema-invalid reaches nested and new-CSAT shapes too', () => {
    expect(corruptOneItem({ user: { id: 1, name: 'x' } })).toEqual({ user: { id: 'abc', name: 'x' } });
    expect(corruptOneItem({ survey_responses: [{ id: 'a', answers: [{ rating: 4 }] }] })).toEqual({ survey_responses: [{ id: 'a', answers: [{ rating: 'abc' }] }] });
    expect(corruptOneItem([{ score: 'good' }])).toEqual([{ score: 42 }]);
    // Help Scout's report rows: the conversation id.
    expect(corruptOneItem({ facets: {}, results: [{ id: 1, ratingId: 2 }], page: 1, pages: 1 })).toMatchObject({ results: [{ id: 'abc', ratingId: 2 }] });
  });

  it('html-login: a 200 text/html sign-in page instead of the API', async () => {
    sim.freshdesk.faults.set({ type: 'html-login', count: 1 });
    const response = await freshdesk();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/<form[^>]*>[\s\S]*password/i);
  });

  it('pathPrefix: only matching API requests are hit and counted, ticket pages never', async () => {
    sim.zendesk.faults.set({ type: 'server-error', count: 1, status: 502, pathPrefix: ratingsPath });
    expect((await fetch(`${sim.zendesk.origin}/agent/tickets/1001`)).status).toBe(200);
    expect((await zendesk('/api/v2/users/me')).status).toBe(200);
    expect((await zendesk(`${ratingsPath}.json?page[size]=1`)).status).toBe(502);
    expect((await zendesk()).status).toBe(200);
  });

  it('can be armed, listed and cleared over HTTP, and validates what it is sent', async () => {
    const post = (body: unknown) => fetch(`${sim.zendesk.origin}/__sim/faults`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ type: 'rate-limit', count: 1, retryAfterSeconds: 1 })).status).toBe(200);
    expect((await post({ type: 'meteor-strike', count: 1 })).status).toBe(400);
    const listed = (await (await fetch(`${sim.zendesk.origin}/__sim/state`)).json()) as { faults: unknown[] };
    expect(listed.faults).toHaveLength(1);
    expect((await fetch(`${sim.zendesk.origin}/__sim/faults`, { method: 'DELETE' })).status).toBe(200);
    expect((await zendesk()).status).toBe(200);
  });

  it('revokes a token over HTTP', async () => {
    const victim = sim.zendesk.credentials.agents[3];
    if (!victim || victim.auth.type !== 'api-token') throw new Error('need an agent with a token');
    const me = () => fetch(`${sim.zendesk.origin}/api/v2/users/me`, { headers: { authorization: authHeader(victim) } });
    expect((await me()).status).toBe(200);
    await fetch(`${sim.zendesk.origin}/__sim/revoke`, { method: 'POST', body: JSON.stringify({ secret: victim.auth.token }) });
    expect((await me()).status).toBe(401);
  });
});
