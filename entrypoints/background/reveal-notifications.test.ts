import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { upsertRatings } from '../../lib/db/csat-ratings';
import { DB_NAME, getDb, resetDbInstance } from '../../lib/db/db';
import { assessment, BAD, GOOD, rating } from '../../lib/gap/test-support';
import { ensureGapStore } from '../../lib/gap-store/rebuild';
import { lastNotifiedRevealItem, revealNotificationsItem } from '../../lib/gap-store/reveal-notifications-setting';
import { listenToNotificationClicks, notifyNewReveals, onPermissionsAdded } from './reveal-notifications';

const newestRevealId = async () => (await getDb().gapReveals.orderBy(':id').lastKey()) as number | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  resetDbInstance();
  await Dexie.delete(DB_NAME);
  await ensureGapStore('UTC');
  await getDb().assessments.bulkPut([assessment('1234', { predicted: GOOD }), assessment('2', { predicted: GOOD })]);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
});

async function notificationsAfterReveal(ticketId: string, verdict = BAD) {
  const create = vi.spyOn(fakeBrowser.notifications, 'create');
  await upsertRatings([{ ...rating(ticketId, verdict), comment: 'Nobody called back.' }]);
  await notifyNewReveals(await newestRevealId());
  return create.mock.calls;
}

describe('reveal notifications', () => {
  it('notify an agent who opted in: the verdict against the prediction, and the comment', async () => {
    await revealNotificationsItem.setValue(true);
    await notifyNewReveals(await newestRevealId()); // first run: records where the log stands
    const calls = await notificationsAfterReveal('1234');
    expect(calls).toHaveLength(1);
    expect((calls[0] as unknown[])[1]).toMatchObject({
      title: '#1234: the customer said bad — you predicted good',
      message: '“Nobody called back.”',
    });
  });

  it('stay silent for an agent who did not opt in, and do not replay later', async () => {
    await notifyNewReveals(await newestRevealId());
    expect(await notificationsAfterReveal('1234')).toHaveLength(0);
    await revealNotificationsItem.setValue(true);
    await notifyNewReveals(await newestRevealId());
    expect(vi.mocked(fakeBrowser.notifications.create)).not.toHaveBeenCalled();
  });

  it('stay silent without the notifications permission', async () => {
    await revealNotificationsItem.setValue(true);
    vi.mocked(fakeBrowser.permissions.contains).mockResolvedValue(false);
    await notifyNewReveals(await newestRevealId());
    expect(await notificationsAfterReveal('1234')).toHaveLength(0);
  });

  it('never notify about history: the first run only records the newest reveal', async () => {
    await revealNotificationsItem.setValue(true);
    await upsertRatings([rating('2', BAD)]);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await notifyNewReveals(await newestRevealId());
    expect(create).not.toHaveBeenCalled();
    expect(await lastNotifiedRevealItem.getValue()).toBe(await newestRevealId());
  });
});

describe('notification clicks', () => {
  it('are listened to once the notifications API appears (granted after start), and only once', () => {
    const api: { notifications?: typeof fakeBrowser.notifications } = {};
    // Before the grant Chrome has no notifications API in the worker: nothing to attach to.
    expect(listenToNotificationClicks(api)).toBe(false);
    api.notifications = fakeBrowser.notifications;
    const add = vi.spyOn(fakeBrowser.notifications.onClicked, 'addListener');
    expect(listenToNotificationClicks(api)).toBe(true);
    expect(listenToNotificationClicks(api)).toBe(true);
    expect(add).toHaveBeenCalledTimes(1);
  });

  it('attach when the notifications permission is granted while the worker runs, not for other grants', () => {
    const api: { notifications?: typeof fakeBrowser.notifications } = {};
    expect(onPermissionsAdded({ permissions: ['notifications'] }, api)).toBe(false);
    api.notifications = fakeBrowser.notifications;
    const add = vi.spyOn(fakeBrowser.notifications.onClicked, 'addListener');
    expect(onPermissionsAdded({ permissions: [] }, api)).toBe(false);
    expect(add).not.toHaveBeenCalled();
    expect(onPermissionsAdded({ permissions: ['notifications'] }, api)).toBe(true);
    expect(add).toHaveBeenCalledTimes(1);
  });
});
