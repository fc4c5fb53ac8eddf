import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './index';
import { authHeader, first } from './test-support';

const portOf = (origin: string) => Number(new URL(origin).port);

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('simulator lifecycle', () => {
  it('binds 127.0.0.1 only, on two ports, and close() frees both even with keep-alive clients', async () => {
    const sim = await startSimulator({ seed: 1 });
    const origins = [sim.zendesk.origin, sim.freshdesk.origin];
    for (const origin of origins) expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(portOf(origins[0] ?? '')).not.toBe(portOf(origins[1] ?? ''));
    // Not on the IPv6 loopback (nor anything else but 127.0.0.1).
    await expect(fetch(`http://[::1]:${portOf(sim.zendesk.origin)}/agent/tickets/1001`)).rejects.toThrow();
    // A pooled keep-alive connection must not hold the port open.
    expect((await fetch(`${sim.zendesk.origin}/agent/tickets/1001`)).status).toBe(200);
    for (const port of origins.map(portOf)) expect(await canListen(port)).toBe(false);

    await sim.close();
    await sim.closed;
    for (const port of origins.map(portOf)) expect(await canListen(port)).toBe(true);
    await expect(fetch(`${sim.zendesk.origin}/agent/tickets/1001`)).rejects.toThrow();
    await sim.close(); // idempotent

    // The freed ports can be taken again on purpose (the CLI's --zendesk-port).
    const again = await startSimulator({ seed: 1 }, { zendeskPort: portOf(origins[0] ?? ''), freshdeskPort: portOf(origins[1] ?? '') });
    expect([again.zendesk.origin, again.freshdesk.origin]).toEqual(origins);
    await again.close();
  });

  it('closes by itself after idleShutdownMs without requests', async () => {
    const sim = await startSimulator({ seed: 1, ticketsPerAgent: 5, idleShutdownMs: 150 });
    const port = portOf(sim.zendesk.origin);
    await sim.closed;
    expect(await canListen(port)).toBe(true);
  });
});

describe('control surface, request log and pages', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 9 });
  });
  afterAll(() => sim.close());

  it('reports state and credentials over HTTP', async () => {
    const state = (await (await fetch(`${sim.zendesk.origin}/__sim/state`)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ kind: 'zendesk', tickets: sim.zendesk.data.tickets.length, ratingRecords: sim.zendesk.data.ratings.length });
    expect(state.ratings).toBeGreaterThan(0);
    const credentials = await (await fetch(`${sim.freshdesk.origin}/__sim/credentials`)).json();
    expect(credentials).toEqual(sim.freshdesk.credentials);
    expect(sim.freshdesk.credentials.agents).toHaveLength(6);
    expect(sim.freshdesk.credentials.admin.auth.type).toBe('api-key');
  });

  it('re-rates over HTTP and rejects a score outside the scale', async () => {
    const rating = sim.zendesk.data.ratings.find((r) => r.score === 'good');
    if (!rating) throw new Error('no good rating');
    const post = (score: unknown) =>
      fetch(`${sim.zendesk.origin}/__sim/rerate`, { method: 'POST', body: JSON.stringify({ ticketId: String(rating.ticketId), score }) });
    const response = await post('bad');
    expect(await response.json()).toEqual({ ticketId: String(rating.ticketId), ratingId: rating.id, score: 'bad' });
    expect(rating.score).toBe('bad');
    expect((await post(5)).status).toBe(400);
  });

  it('logs API and page requests (not control calls) and can be cleared', async () => {
    sim.freshdesk.requestLog = [];
    const admin = sim.freshdesk.credentials.admin;
    await fetch(`${sim.freshdesk.origin}/api/v2/agents/me?x=1`, { headers: { authorization: authHeader(admin) } });
    await fetch(`${sim.freshdesk.origin}/api/v2/agents/me`);
    await fetch(`${sim.freshdesk.origin}/a/tickets/1`);
    await fetch(`${sim.freshdesk.origin}/__sim/state`);
    expect(sim.freshdesk.requestLog.map(({ method, path, status, userId }) => ({ method, path, status, userId }))).toEqual([
      { method: 'GET', path: '/api/v2/agents/me?x=1', status: 200, userId: admin.agentId },
      { method: 'GET', path: '/api/v2/agents/me', status: 401, userId: null },
      { method: 'GET', path: '/a/tickets/1', status: 200, userId: null },
    ]);
    expect((await fetch(`${sim.freshdesk.origin}/__sim/requests`, { method: 'DELETE' })).status).toBe(200);
    expect(sim.freshdesk.requestLog).toEqual([]);
    sim.freshdesk.requestLog.push({ method: 'GET', path: '/x', status: 200, time: 0, durationMs: 0, userId: null });
    sim.freshdesk.requestLog.length = 0;
    await fetch(`${sim.freshdesk.origin}/a/tickets/2`);
    expect(sim.freshdesk.requestLog).toHaveLength(1);
  });

  it('serves a Zendesk-like agent page with stable hooks and no external resources', async () => {
    const ticket = sim.zendesk.data.tickets[10];
    if (!ticket) throw new Error('no ticket');
    const response = await fetch(`${sim.zendesk.origin}/agent/tickets/${ticket.id}`);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    for (const hook of ['omni-header-subject', 'ticket-fields-status-select', 'omnicomposer-rich-text-ckeditor', 'submit_button-button', 'ticket-pager-next']) {
      expect(page).toContain(`data-test-id="${hook}"`);
    }
    expect(page).toContain(`value="${ticket.subject}"`);
    expect(page).toMatch(/<label for="ticket-status">Status<\/label>\s*<select id="ticket-status"/);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect((await fetch(`${sim.zendesk.origin}/agent/tickets/424242`)).status).toBe(404);
  });

  it('saves a status change posted by the page, in each helpdesk’s own terms', async () => {
    const ticket = first(sim.zendesk.data.tickets.filter((t) => t.status === 'open'));
    const post = (origin: string, id: number, status: string) =>
      fetch(`${origin}/__sim/tickets/${id}/status`, { method: 'POST', body: JSON.stringify({ status }) });
    const saved = (await (await post(sim.zendesk.origin, ticket.id, 'solved')).json()) as { status: string; statusLabel: string };
    expect(saved).toMatchObject({ status: 'solved', statusLabel: 'Solved' });
    expect(ticket.status).toBe('solved');
    expect(ticket.solvedAt).not.toBeNull();

    const fresh = first(sim.freshdesk.data.tickets);
    expect((await post(sim.freshdesk.origin, fresh.id, '5')).status).toBe(200);
    expect(fresh.status).toBe('closed');
    expect((await post(sim.freshdesk.origin, fresh.id, 'solved')).status).toBe(400);
    const page = await (await fetch(`${sim.freshdesk.origin}/a/tickets/${fresh.id}`)).text();
    expect(page).toMatch(/<option value="5" selected>Closed<\/option>/);
  });
});

describe('cli', () => {
  it('prints its origins as one JSON line and exits when stdin closes', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--seed', '4', '--tickets-per-agent', '20'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', () => reject(new Error('cli exited before printing')));
      });
      const origins = JSON.parse(line) as { zendesk: { origin: string }; freshdesk: { origin: string } };
      const state = (await (await fetch(`${origins.zendesk.origin}/__sim/state`)).json()) as { tickets: number };
      expect(state.tickets).toBe(120);
      expect((await fetch(`${origins.freshdesk.origin}/a/tickets/1`)).status).toBe(200);
      child.stdin.end();
      expect(await exited).toBe(0);
    } finally {
      child.kill();
    }
  }, 15_000);
});
