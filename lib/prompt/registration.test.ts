import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestHostAccess } from '../../entrypoints/options/host-access';
import { getDb } from '../db/db';
import type { Connection } from '../model';
import { freshDatabase } from '../sync/test-harness';
import {
  HELPDESK_SCRIPT_FILE,
  HELPDESK_SCRIPT_ID,
  matchPatternsFor,
  syncHelpdeskScript,
  type ScriptingApi,
} from './registration';
import { syncRegistration } from './service';

/** `chrome.scripting`'s registration rules as Chrome applies them (WXT's fake browser has none). */
class FakeScripting implements ScriptingApi {
  scripts = new Map<string, { id: string; js: string[]; matches: string[] }>();
  calls: string[] = [];
  async getRegisteredContentScripts(filter?: { ids?: string[] }) {
    return [...this.scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map((s) => ({ ...s }));
  }
  async registerContentScripts(scripts: { id: string; js: string[]; matches: string[] }[]) {
    this.calls.push('register');
    await Promise.resolve();
    for (const script of scripts) {
      if (this.scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      this.scripts.set(script.id, script);
    }
  }
  async updateContentScripts(scripts: { id?: string; matches?: string[] }[]) {
    this.calls.push('update');
    for (const { id, matches } of scripts) {
      const existing = this.scripts.get(id!);
      if (!existing) throw new Error(`No script with ID '${id}'`);
      this.scripts.set(id!, { ...existing, matches: matches ?? existing.matches });
    }
  }
  async unregisterContentScripts(filter?: { ids?: string[] }) {
    this.calls.push('unregister');
    for (const id of filter?.ids ?? [...this.scripts.keys()]) this.scripts.delete(id);
  }
}

describe('syncHelpdeskScript', () => {
  it('registers the page script for exactly the connected origins, with no broad pattern', async () => {
    const scripting = new FakeScripting();
    expect(await syncHelpdeskScript(['https://acme.zendesk.com', 'http://127.0.0.1:4000'], scripting)).toBe(
      'registered',
    );
    expect([...scripting.scripts.values()]).toEqual([
      expect.objectContaining({
        id: HELPDESK_SCRIPT_ID,
        js: [HELPDESK_SCRIPT_FILE],
        matches: ['http://127.0.0.1:4000/*', 'https://acme.zendesk.com/*'],
      }),
    ]);
  });

  it('is idempotent: install, update and start-up may all run it', async () => {
    const scripting = new FakeScripting();
    await syncHelpdeskScript(['https://acme.zendesk.com'], scripting);
    expect(await syncHelpdeskScript(['https://acme.zendesk.com'], scripting)).toBe('unchanged');
    expect(scripting.calls).toEqual(['register']);
  });

  it('overlapping calls never hit “Duplicate script ID”', async () => {
    const scripting = new FakeScripting();
    const results = await Promise.all([
      syncHelpdeskScript(['https://a.zendesk.com'], scripting),
      syncHelpdeskScript(['https://a.zendesk.com'], scripting),
    ]);
    expect(results).toEqual(['registered', 'unchanged']);
  });

  it('follows connections added and removed, and unregisters when none is left', async () => {
    const scripting = new FakeScripting();
    await syncHelpdeskScript(['https://a.zendesk.com'], scripting);
    expect(await syncHelpdeskScript(['https://a.zendesk.com', 'https://b.freshdesk.com'], scripting)).toBe('updated');
    expect(scripting.scripts.get(HELPDESK_SCRIPT_ID)?.matches).toEqual([
      'https://a.zendesk.com/*',
      'https://b.freshdesk.com/*',
    ]);
    expect(await syncHelpdeskScript([], scripting)).toBe('unregistered');
    expect(scripting.scripts.size).toBe(0);
    expect(await syncHelpdeskScript([], scripting)).toBe('unchanged');
  });
});

describe('syncRegistration with the browser', () => {
  let scripting: FakeScripting;
  beforeEach(() => {
    fakeBrowser.reset();
    freshDatabase();
    scripting = new FakeScripting();
    Object.assign(browser, { scripting });
  });

  const connection = (id: string, origin: string, enabled = true): Connection => ({
    id,
    kind: 'zendesk',
    label: id,
    origin,
    authType: 'api-token',
    agent: { id: '1', name: 'A', email: null },
    csatPath: 'agent',
    enabled,
    createdAt: '2026-11-20T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
  });

  it('matches exactly the host access the options page asks for when connecting, nothing broader', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    await requestHostAccess(['http://127.0.0.1:4010']);
    await getDb().connections.put(connection('a', 'http://127.0.0.1:4010'));
    await syncRegistration();
    expect(scripting.scripts.get(HELPDESK_SCRIPT_ID)?.matches).toEqual(request.mock.calls[0]![0].origins);
  });

  it('registers enabled connections only, and again after a restart lost the registration', async () => {
    await getDb().connections.bulkPut([
      connection('a', 'https://a.zendesk.com'),
      connection('b', 'https://b.zendesk.com', false),
    ]);
    await syncRegistration();
    expect(scripting.scripts.get(HELPDESK_SCRIPT_ID)?.matches).toEqual(['https://a.zendesk.com/*']);
    scripting.scripts.clear(); // a browser restart with --load-extension
    await syncRegistration();
    expect(scripting.scripts.get(HELPDESK_SCRIPT_ID)?.matches).toEqual(['https://a.zendesk.com/*']);
    await getDb().connections.delete('a');
    await syncRegistration();
    expect(scripting.scripts.size).toBe(0);
  });
});

describe('matchPatternsFor', () => {
  const origins = ['https://acme.zendesk.com', 'http://127.0.0.1:4000', 'http://127.0.0.1:4001'];

  it('keeps each port in Chrome', () => {
    expect(matchPatternsFor(origins, true)).toEqual([
      'http://127.0.0.1:4000/*',
      'http://127.0.0.1:4001/*',
      'https://acme.zendesk.com/*',
    ]);
  });

  it('drops ports in Firefox and registers a host once, whatever its ports', () => {
    expect(matchPatternsFor(origins, false)).toEqual(['http://127.0.0.1/*', 'https://acme.zendesk.com/*']);
  });
});
