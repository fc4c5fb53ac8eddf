import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME, getDb, resetDbInstance } from '../../lib/db/db';
import { parseRequest } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, type Connection } from '../../lib/model';
import { readSettings, writeSettings } from '../../lib/settings/settings-store';

// The helpdesk side (network, probing, storage of connections) is lib/connections' job and tested
// there; here we check what the background adds: stored-secret lookup, settings, import rules.
const lib = vi.hoisted(() => ({ testConnection: vi.fn(), saveConnection: vi.fn(), removeConnection: vi.fn() }));
vi.mock('../../lib/connections', () => lib);

const { handlers } = await import('./handlers');

const T = '2026-11-23T10:00:00.000Z';
const acme: Connection = {
  id: 'c1',
  kind: 'zendesk',
  label: 'Acme',
  origin: 'https://acme.zendesk.com',
  authType: 'api-token',
  agent: { id: '7', name: 'Ana', email: 'ana@acme.example' },
  csatPath: 'agent',
  enabled: true,
  createdAt: T,
  updatedAt: T,
};
const secret = { type: 'api-token' as const, email: 'ana@acme.example', token: 'tok' };
const whoAmI = {
  ok: true,
  agent: { id: '7', name: 'Ana', email: 'ana@acme.example', role: 'agent' },
  csatPath: 'agent',
};

beforeEach(async () => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  resetDbInstance();
  await Dexie.delete(DB_NAME);
});

describe('testConnection', () => {
  it('tests a saved connection with its stored secret, and answers without it', async () => {
    await getDb().credentials.put({ connectionId: 'c1', credentials: secret });
    lib.testConnection.mockResolvedValue(whoAmI);
    const request = parseRequest('testConnection', {
      connectionId: 'c1',
      kind: 'zendesk',
      origin: acme.origin,
      credentials: null,
    });
    const answer = await handlers.testConnection(request);
    expect(lib.testConnection).toHaveBeenCalledWith({ kind: 'zendesk', origin: acme.origin, credentials: secret });
    expect(answer).toEqual({ ok: true, agent: { id: '7', name: 'Ana', email: 'ana@acme.example' } });
    expect(JSON.stringify(answer)).not.toContain('tok');
  });

  it('passes on the specific error', async () => {
    lib.testConnection.mockResolvedValue({
      ok: false,
      error: { code: 'unauthorized', message: 'Zendesk did not accept the credentials' },
    });
    const request = parseRequest('testConnection', {
      connectionId: null,
      kind: 'zendesk',
      origin: acme.origin,
      credentials: secret,
    });
    expect(await handlers.testConnection(request)).toEqual({
      ok: false,
      error: 'Zendesk did not accept the credentials',
    });
  });
});

describe('saveConnection', () => {
  it('adds the connected origin to the recognised ticket origins, once', async () => {
    lib.saveConnection.mockResolvedValue({ ok: true, connection: acme });
    const request = parseRequest('saveConnection', {
      connectionId: null,
      kind: 'zendesk',
      label: 'Acme',
      origin: acme.origin,
      credentials: secret,
    });
    expect(await handlers.saveConnection(request)).toEqual({ connection: acme });
    await handlers.saveConnection(request);
    expect((await readSettings()).settings.helpdeskOrigins).toEqual([{ kind: 'zendesk', origin: acme.origin }]);
  });

  it('rejects with the helpdesk’s reason and leaves the settings alone', async () => {
    lib.saveConnection.mockResolvedValue({
      ok: false,
      error: { code: 'network', message: 'acme.zendesk.com did not answer' },
    });
    const request = parseRequest('saveConnection', {
      connectionId: null,
      kind: 'zendesk',
      label: 'Acme',
      origin: acme.origin,
      credentials: secret,
    });
    await expect(handlers.saveConnection(request)).rejects.toThrow('acme.zendesk.com did not answer');
    expect((await readSettings()).settings.helpdeskOrigins).toEqual([]);
  });
});

describe('importSettings with connections', () => {
  const file = parseRequest('importSettings', {
    format: 'gaplens-settings',
    version: 1,
    settings: { ...DEFAULT_SETTINGS, sync: { intervalMinutes: 30, trailingWindowDays: 7 } },
    connections: [
      { kind: 'zendesk', label: 'Acme', origin: acme.origin, credentials: secret },
      {
        kind: 'freshdesk',
        label: 'Beta',
        origin: 'https://beta.freshdesk.com',
        credentials: { type: 'api-key', apiKey: 'k' },
      },
    ],
  });

  it('changes nothing when any connection fails its test', async () => {
    lib.testConnection
      .mockResolvedValueOnce(whoAmI)
      .mockResolvedValueOnce({ ok: false, error: { code: 'unauthorized', message: 'bad key' } });
    await expect(handlers.importSettings(file)).rejects.toThrow(
      'Nothing was imported. These connections failed:\nBeta (https://beta.freshdesk.com): bad key',
    );
    expect(lib.saveConnection).not.toHaveBeenCalled();
    expect((await readSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('saves every connection, updating one already connected, then the settings', async () => {
    await getDb().connections.put(acme);
    await writeSettings(DEFAULT_SETTINGS);
    lib.testConnection.mockResolvedValue(whoAmI);
    lib.saveConnection.mockImplementation(async (input: { id?: string; kind: string; origin: string }) => ({
      ok: true,
      connection: { ...acme, id: input.id ?? 'new', kind: input.kind, origin: input.origin },
    }));
    const { connectionsSaved, settings } = await handlers.importSettings(file);
    expect(connectionsSaved).toBe(2);
    expect(lib.saveConnection.mock.calls.map(([input]) => input.id)).toEqual(['c1', undefined]);
    expect(settings.sync.intervalMinutes).toBe(30);
    expect(settings.helpdeskOrigins).toEqual([
      { kind: 'zendesk', origin: acme.origin },
      { kind: 'freshdesk', origin: 'https://beta.freshdesk.com' },
    ]);
  });
});
