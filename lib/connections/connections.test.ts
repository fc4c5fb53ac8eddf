import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../test/helpdesk-sim';
import { getDb } from '../db/db';
import { getSyncState, patchSyncState } from '../db/sync-state';
import type { Credentials } from '../model';
import { syncConnection } from '../sync/sync-connection';
import { fakeClock, freshDatabase, recordingFetch } from '../sync/test-harness';
import { listConnectionsWithStatus, removeConnection, saveConnection, testConnection } from './index';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ agents: 2, ticketsPerAgent: 60, responseRate: 0.5 });
});
afterAll(() => sim.close());
beforeEach(() => {
  fakeBrowser.reset();
  freshDatabase();
  sim.zendesk.faults.clear();
});

const zendeskAdmin = () => sim.zendesk.credentials.admin.auth as Credentials;
const secretOf = (credentials: Credentials) =>
  credentials.type === 'api-key'
    ? credentials.apiKey
    : credentials.type === 'oauth-client'
      ? credentials.clientSecret
      : credentials.token;

describe('testConnection', () => {
  it('answers who the credentials belong to and which CSAT path they allow', async () => {
    expect(await testConnection({ kind: 'zendesk', origin: sim.zendesk.origin, credentials: zendeskAdmin() })).toEqual({
      ok: true,
      agent: {
        id: sim.zendesk.credentials.admin.agentId,
        name: sim.zendesk.credentials.admin.name,
        email: sim.zendesk.credentials.admin.email,
        role: 'admin',
      },
      csatPath: 'list',
    });
    const agent = sim.zendesk.credentials.agents[0]!;
    expect(
      await testConnection({ kind: 'zendesk', origin: sim.zendesk.origin, credentials: agent.auth }),
    ).toMatchObject({ ok: true, agent: { id: agent.agentId, role: 'agent' }, csatPath: 'agent' });
    expect(
      await testConnection({
        kind: 'freshdesk',
        origin: sim.freshdesk.origin,
        credentials: sim.freshdesk.credentials.admin.auth,
      }),
    ).toMatchObject({ ok: true, csatPath: 'list' });
    expect(
      await testConnection({
        kind: 'freshdesk',
        origin: sim.freshdesk.origin,
        credentials: sim.freshdesk.credentials.agents[0]!.auth,
      }),
    ).toMatchObject({ ok: true, csatPath: 'agent' });
  });

  it.each([
    [
      'a URL with a path',
      () => ({ kind: 'zendesk', origin: `${sim.zendesk.origin}/agent/tickets/1`, credentials: zendeskAdmin() }),
      'bad-url',
      /without a path/,
    ],
    [
      'plain http on a remote host',
      () => ({ kind: 'zendesk', origin: 'http://acme.zendesk.com', credentials: zendeskAdmin() }),
      'bad-url',
      /only allowed for localhost/,
    ],
    [
      'an unknown helpdesk',
      () => ({ kind: 'zoho', origin: sim.zendesk.origin, credentials: zendeskAdmin() }),
      'bad-url',
      /does not know/,
    ],
    [
      'a wrong token',
      () => ({ kind: 'zendesk', origin: sim.zendesk.origin, credentials: { ...zendeskAdmin(), token: 'nope' } }),
      'unauthorized',
      /token invalid or revoked/,
    ],
    [
      'credentials of the wrong kind',
      () => ({ kind: 'zendesk', origin: sim.zendesk.origin, credentials: { type: 'api-key', apiKey: 'k' } }),
      'invalid-input',
      /api-token or oauth-token/,
    ],
    [
      'a Zendesk token sent to the Freshdesk',
      () => ({ kind: 'zendesk', origin: sim.freshdesk.origin, credentials: zendeskAdmin() }),
      'unauthorized',
      /did not accept/,
    ],
    [
      'nothing listening there',
      () => ({ kind: 'zendesk', origin: 'http://127.0.0.1:9', credentials: zendeskAdmin() }),
      'network',
      /could not reach/,
    ],
    ['a malformed form', () => ({ kind: 'zendesk', origin: sim.zendesk.origin }), 'invalid-input', /credentials/],
  ] as const)('names %s', async (_label, input, code, message) => {
    const result = await testConnection(input());
    expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
  });

  it.each([
    ['404', 404, '<html>Not Found</html>'],
    ['JSON of another shape', 200, '{"status":"ok"}'],
  ])('calls a server that answers “who am I” with %s not a helpdesk', async (_label, status, body) => {
    const server = createServer((_request, response) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(body),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await testConnection({ kind: 'zendesk', origin, credentials: zendeskAdmin() })).toMatchObject({
        ok: false,
        error: {
          code: 'not-a-helpdesk',
          message: expect.stringMatching(/does not answer like the Zendesk API; check the URL/),
        },
      });
    } finally {
      server.close();
    }
  });

  it('calls a login page in front of the API a wrong URL', async () => {
    sim.zendesk.faults.set({ type: 'html-login', count: 1, pathPrefix: '/api/v2/users/me' });
    expect(
      await testConnection({ kind: 'zendesk', origin: sim.zendesk.origin, credentials: zendeskAdmin() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-json', message: expect.stringMatching(/login page.*Check the URL/) },
    });
  });
});

describe('saveConnection', () => {
  it('verifies, stores the connection and its secret apart, schedules a first sync, and returns no secret', async () => {
    const result = await saveConnection({
      kind: 'zendesk',
      label: ' Acme support ',
      origin: `${sim.zendesk.origin}/`,
      credentials: zendeskAdmin(),
    });
    if (!result.ok) throw new Error(result.error.message);
    const { connection } = result;
    expect(connection).toMatchObject({
      kind: 'zendesk',
      label: 'Acme support',
      origin: sim.zendesk.origin,
      authType: 'api-token',
      csatPath: 'list',
      enabled: true,
    });
    expect(connection.agent).toEqual({
      id: sim.zendesk.credentials.admin.agentId,
      name: sim.zendesk.credentials.admin.name,
      email: sim.zendesk.credentials.admin.email,
    });
    expect(JSON.stringify(result)).not.toContain(secretOf(zendeskAdmin()));
    expect(await getDb().connections.get(connection.id)).toEqual(connection);
    expect((await getDb().credentials.get(connection.id))?.credentials).toEqual(zendeskAdmin());
    expect(await browser.alarms.get(`gaplens-sync:${connection.id}`)).toMatchObject({ periodInMinutes: 15 });
  });

  it('stores nothing when the helpdesk refuses the credentials', async () => {
    const result = await saveConnection({
      kind: 'zendesk',
      label: 'Acme',
      origin: sim.zendesk.origin,
      credentials: { ...zendeskAdmin(), token: 'wrong' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await getDb().connections.count()).toBe(0);
    expect(await getDb().credentials.count()).toBe(0);
    expect(await browser.alarms.getAll()).toEqual([]);
  });

  it('renames without calling the helpdesk, and refuses to change the helpdesk type', async () => {
    const created = await saveConnection({
      kind: 'zendesk',
      label: 'Acme',
      origin: sim.zendesk.origin,
      credentials: zendeskAdmin(),
    });
    if (!created.ok) throw new Error(created.error.message);
    const fetch = recordingFetch();
    const renamed = await saveConnection(
      { id: created.connection.id, kind: 'zendesk', label: 'Acme EU', origin: sim.zendesk.origin },
      { fetch },
    );
    expect(renamed).toMatchObject({
      ok: true,
      connection: {
        id: created.connection.id,
        label: 'Acme EU',
        csatPath: 'list',
        createdAt: created.connection.createdAt,
      },
    });
    expect(fetch.urls).toEqual([]);
    expect(
      await saveConnection({ id: created.connection.id, kind: 'freshdesk', label: 'x', origin: sim.zendesk.origin }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await saveConnection({ id: 'nope', kind: 'zendesk', label: 'x', origin: sim.zendesk.origin })).toMatchObject(
      { ok: false, error: { code: 'not-found' } },
    );
  });

  it('new credentials end a pause and re-detect the CSAT path', async () => {
    const agent = sim.zendesk.credentials.agents[1]!;
    const created = await saveConnection({
      kind: 'zendesk',
      label: 'Acme',
      origin: sim.zendesk.origin,
      credentials: agent.auth,
    });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.connection.csatPath).toBe('agent');
    await patchSyncState(created.connection.id, {
      status: 'paused',
      lastError: { code: 'unauthorized', message: 'token invalid or revoked', at: '2026-11-20T12:00:00.000Z' },
    });

    const updated = await saveConnection({
      id: created.connection.id,
      kind: 'zendesk',
      label: 'Acme',
      origin: sim.zendesk.origin,
      credentials: zendeskAdmin(),
    });
    expect(updated).toMatchObject({
      ok: true,
      connection: { csatPath: 'list', agent: { id: sim.zendesk.credentials.admin.agentId } },
    });
    expect(await getSyncState(created.connection.id)).toMatchObject({ status: 'idle', lastError: null });
    expect((await getDb().credentials.get(created.connection.id))?.credentials).toEqual(zendeskAdmin());
  });
});

describe('removeConnection and listConnectionsWithStatus', () => {
  async function syncedConnection(label: string) {
    const saved = await saveConnection({
      kind: 'zendesk',
      label,
      origin: sim.zendesk.origin,
      credentials: zendeskAdmin(),
    });
    if (!saved.ok) throw new Error(saved.error.message);
    await syncConnection(saved.connection.id, {
      clock: fakeClock(),
      settings: { intervalMinutes: 15, trailingWindowDays: 14 },
    });
    return saved.connection;
  }

  it('lists every connection with its status and never a secret', async () => {
    const connection = await syncedConnection('Acme');
    const list = await listConnectionsWithStatus();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      connection,
      status: {
        status: 'idle',
        interrupted: false,
        hasCredentials: true,
        lastError: null,
        lastSuccessAt: '2026-11-20T12:00:00.000Z',
      },
    });
    expect(list[0]?.status.ratingsStored).toBeGreaterThan(0);
    expect(list[0]?.status.nextRunAt).not.toBeNull();
    expect(list[0]?.status).not.toHaveProperty('checkpoint');
    expect(JSON.stringify(list)).not.toContain(secretOf(zendeskAdmin()));
  });

  it('shows a sync whose service worker died as idle and interrupted, not running forever', async () => {
    const connection = await syncedConnection('Acme');
    await patchSyncState(connection.id, {
      status: 'running',
      checkpoint: {
        version: 1,
        pass: {
          path: 'list',
          startedAt: '2026-11-20T13:00:00.000Z',
          since: null,
          resume: { stream: 'x', at: 'y' },
          pages: 2,
          ratings: 200,
        },
        lease: { owner: 'dead', expiresAt: '2026-11-20T13:02:00.000Z' },
      },
    });
    const at = (iso: string) => () => Date.parse(iso);
    expect((await listConnectionsWithStatus(at('2026-11-20T13:01:00.000Z')))[0]?.status).toMatchObject({
      status: 'running',
      interrupted: false,
    });
    expect((await listConnectionsWithStatus(at('2026-11-20T13:03:00.000Z')))[0]?.status).toMatchObject({
      status: 'idle',
      interrupted: true,
    });
  });

  it('removes the connection, its secret, sync state, ratings and alarm, and nothing of another connection', async () => {
    const gone = await syncedConnection('Acme');
    const kept = await syncedConnection('Acme again');
    const keptRatings = await getDb().csatRatings.where('connectionId').equals(kept.id).count();
    expect(keptRatings).toBeGreaterThan(0);

    const result = await removeConnection(gone.id);
    expect(result).toEqual({ removed: true, ratingsRemoved: keptRatings });
    expect(await getDb().connections.get(gone.id)).toBeUndefined();
    expect(await getDb().credentials.get(gone.id)).toBeUndefined();
    expect(await getDb().syncState.get(gone.id)).toBeUndefined();
    expect(await getDb().csatRatings.where('connectionId').equals(gone.id).count()).toBe(0);
    expect(await browser.alarms.get(`gaplens-sync:${gone.id}`)).toBeUndefined();
    expect(await getDb().csatRatings.where('connectionId').equals(kept.id).count()).toBe(keptRatings);
    expect((await listConnectionsWithStatus()).map((entry) => entry.connection.id)).toEqual([kept.id]);
  });
});
