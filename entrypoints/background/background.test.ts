import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME, getDb, resetDbInstance } from '../../lib/db/db';
import { sampleDraft } from '../../lib/db/test-drafts';
import { removeAllListeners, sendMessage } from '../../lib/messaging/messenger';
import { DEFAULT_SETTINGS, DEFAULT_STANDARD_SET, standardSetKey } from '../../lib/model';
import { readSettings, writeSettings } from '../../lib/settings/settings-store';
import { registerInstallHandler } from './install';
import { registerMessageHandlers } from './messages';

/** Messages as the popup sends them: the fake browser reports no sender, so give it the popup's. */
const popupSender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };

beforeEach(async () => {
  fakeBrowser.reset();
  resetDbInstance();
  await Dexie.delete(DB_NAME);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const replies = await fakeBrowser.runtime.onMessage.trigger(message, popupSender);
    return replies.find((reply: unknown) => !!reply);
  });
  registerMessageHandlers();
});

afterEach(() => {
  removeAllListeners();
  vi.restoreAllMocks();
});

describe('saveAssessment message', () => {
  it('validates, stamps and stores the assessment', async () => {
    const { assessment, created } = await sendMessage('saveAssessment', sampleDraft());
    expect(created).toBe(true);
    expect(assessment.createdAt).toBe(assessment.updatedAt);
    expect(await getDb().assessments.get(assessment.ticketKey)).toEqual(assessment);
  });

  it('keeps createdAt of the stored record and moves updatedAt', async () => {
    const first = await sendMessage('saveAssessment', sampleDraft());
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await sendMessage('saveAssessment', {
      ...sampleDraft(),
      notes: { gotInTheWay: 'Waited on billing', worked: '' },
    });
    expect(second.created).toBe(false);
    expect(second.assessment.createdAt).toBe(first.assessment.createdAt);
    expect(second.assessment.updatedAt > first.assessment.updatedAt).toBe(true);
    expect(second.assessment.notes.gotInTheWay).toBe('Waited on billing');
  });

  it('rejects an invalid draft with the path, and writes nothing', async () => {
    const bad = { ...sampleDraft(), scores: { ...sampleDraft().scores, timely: 9 } };
    await expect(sendMessage('saveAssessment', bad as never)).rejects.toThrow(
      /saveAssessment was rejected:\nscores\.timely/,
    );
    expect(await getDb().assessments.count()).toBe(0);
  });
});

describe('importSettings message', () => {
  const file = {
    format: 'gaplens-settings' as const,
    version: 1 as const,
    settings: { ...DEFAULT_SETTINGS, helpdeskOrigins: [{ kind: 'freshdesk', origin: 'https://help.acme.example' }] },
  };

  it('writes valid settings', async () => {
    const { settings, connectionsSaved } = await sendMessage('importSettings', file);
    expect(connectionsSaved).toBe(0);
    expect(settings.helpdeskOrigins).toEqual(file.settings.helpdeskOrigins);
    expect((await readSettings()).settings).toEqual(settings);
  });

  it('refuses a plain-http origin outside this machine and changes nothing', async () => {
    const before = await writeSettings({
      ...DEFAULT_SETTINGS,
      helpdeskOrigins: [{ kind: 'zendesk', origin: 'http://127.0.0.1:8123' }],
    });
    const bad = {
      ...file,
      settings: { ...file.settings, helpdeskOrigins: [{ kind: 'zendesk', origin: 'http://help.acme.example' }] },
    };
    await expect(sendMessage('importSettings', bad)).rejects.toThrow(
      'settings.helpdeskOrigins[0].origin: Plain http is only allowed for localhost and 127.0.0.1',
    );
    expect((await readSettings()).settings).toEqual(before);
  });
});

describe('eraseAllData message', () => {
  it('needs the typed confirmation', async () => {
    await sendMessage('saveAssessment', sampleDraft());
    await expect(sendMessage('eraseAllData', { confirm: 'erase' } as never)).rejects.toThrow('confirm');
    expect(await getDb().assessments.count()).toBe(1);
  });

  it('clears every table and the settings, then re-seeds the built-in standard set', async () => {
    await sendMessage('saveAssessment', sampleDraft());
    await writeSettings({
      ...DEFAULT_SETTINGS,
      helpdeskOrigins: [{ kind: 'zendesk', origin: 'http://127.0.0.1:8123' }],
    });
    await getDb().credentials.put({ connectionId: 'c1', credentials: { type: 'api-key', apiKey: 'secret' } });
    await fakeBrowser.storage.local.set({ unratedQueue: { tickets: [{ subject: 'Refund for order 1234' }] } });
    await sendMessage('eraseAllData', { confirm: 'ERASE' });
    const db = getDb();
    expect(await db.assessments.count()).toBe(0);
    expect(await db.credentials.count()).toBe(0);
    expect(await db.standardSets.toCollection().primaryKeys()).toEqual([standardSetKey(DEFAULT_STANDARD_SET.id, 1)]);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('install', () => {
  it('seeds the default standard set on install', async () => {
    registerInstallHandler();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(async () => expect(await getDb().standardSets.count()).toBe(1));
  });
});
