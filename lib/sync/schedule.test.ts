import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../test/helpdesk-sim';
import { getDb } from '../db/db';
import { getSyncState, patchSyncState } from '../db/sync-state';
import {
  connectionIdOfAlarm,
  handleSyncAlarm,
  reconcileSyncAlarms,
  scheduleConnectionSync,
  syncAlarmName,
} from './schedule';
import { fakeClock, freshDatabase, storeConnection } from './test-harness';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ agents: 2, ticketsPerAgent: 60, responseRate: 0.5 });
});
afterAll(() => sim.close());
beforeEach(() => {
  fakeBrowser.reset();
  freshDatabase();
});

const connect = (id: string) =>
  storeConnection({
    id,
    kind: 'zendesk',
    origin: sim.zendesk.origin,
    credentials: sim.zendesk.credentials.admin.auth,
    csatPath: 'list',
  });

describe('sync alarms', () => {
  it('names one alarm per connection and reads the connection back from it', () => {
    expect(syncAlarmName('abc')).toBe('gaplens-sync:abc');
    expect(connectionIdOfAlarm('gaplens-sync:abc')).toBe('abc');
    expect(connectionIdOfAlarm('something-else')).toBeNull();
  });

  it('schedules a connection every interval (default from settings: 15 min) and records the next run', async () => {
    await connect('a');
    await scheduleConnectionSync('a');
    const alarm = await browser.alarms.get('gaplens-sync:a');
    expect(alarm?.periodInMinutes).toBe(15);
    expect((await getSyncState('a')).nextRunAt).toBe(new Date(alarm!.scheduledTime).toISOString());
  });

  it('reconciles: adds missing alarms, removes those of removed or disabled connections, keeps good ones', async () => {
    await connect('keep');
    await connect('add');
    const disabled = await connect('disabled');
    await getDb().connections.update(disabled.id, { enabled: false });
    await browser.alarms.create('gaplens-sync:keep', { periodInMinutes: 15, when: 123_456 });
    await browser.alarms.create('gaplens-sync:removed', { periodInMinutes: 15 });
    await browser.alarms.create('gaplens-sync:disabled', { periodInMinutes: 15 });
    await browser.alarms.create('someone-elses-alarm', { periodInMinutes: 1 });

    await reconcileSyncAlarms({ intervalMinutes: 15 });
    const names = (await browser.alarms.getAll()).map((alarm) => alarm.name).sort();
    expect(names).toEqual(['gaplens-sync:add', 'gaplens-sync:keep', 'someone-elses-alarm']);
    // Left alone, so a service-worker restart does not keep postponing the next run.
    expect((await browser.alarms.get('gaplens-sync:keep'))?.scheduledTime).toBe(123_456);

    await reconcileSyncAlarms({ intervalMinutes: 30 });
    expect((await browser.alarms.get('gaplens-sync:keep'))?.periodInMinutes).toBe(30);
  });
});

describe('handleSyncAlarm', () => {
  const alarm = (id: string) => ({
    name: syncAlarmName(id),
    scheduledTime: Date.parse('2026-11-20T12:00:00Z'),
    periodInMinutes: 15,
  });
  const options = { clock: fakeClock(), settings: { intervalMinutes: 15, trailingWindowDays: 14 } };

  it('ignores alarms that are not sync alarms', async () => {
    expect(await handleSyncAlarm({ name: 'other', scheduledTime: 0 }, options)).toBeNull();
  });

  it('syncs the connection and moves nextRunAt one period on', async () => {
    await connect('a');
    const outcome = await handleSyncAlarm(alarm('a'), options);
    expect(outcome?.status).toBe('done');
    const state = await getSyncState('a');
    expect(state.nextRunAt).toBe('2026-11-20T12:15:00.000Z');
    expect(state.ratingsStored).toBeGreaterThan(0);
  });

  it('leaves a paused connection alone until it has new credentials', async () => {
    await connect('a');
    await patchSyncState('a', {
      status: 'paused',
      lastError: { code: 'unauthorized', message: 'token invalid or revoked', at: '2026-11-20T11:00:00.000Z' },
    });
    expect(await handleSyncAlarm(alarm('a'), options)).toEqual({ status: 'skipped', reason: 'connection paused' });
    expect(await getDb().csatRatings.count()).toBe(0);
  });

  it('skips removed and disabled connections', async () => {
    expect(await handleSyncAlarm(alarm('gone'), options)).toEqual({ status: 'skipped', reason: 'no such connection' });
    await connect('off');
    await getDb().connections.update('off', { enabled: false });
    expect(await handleSyncAlarm(alarm('off'), options)).toEqual({ status: 'skipped', reason: 'connection disabled' });
  });
});
