import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { getDb } from '../../lib/db/db';
import { revealNotification } from '../../lib/gap-store/reveal-text';
import { lastNotifiedRevealItem, revealNotificationsItem } from '../../lib/gap-store/reveal-notifications-setting';
import type { GapReveal } from '../../lib/gap-store/schema';
import { getAdapter } from '../../lib/helpdesks/registry';

const NOTIFICATION_PREFIX = 'gaplens-reveal:';

/** Whether the agent opted in and the browser granted `notifications` (it is optional: asked for when opting in). */
async function mayNotify(): Promise<boolean> {
  if (!(await revealNotificationsItem.getValue())) return false;
  try {
    return await browser.permissions.contains({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}

/**
 * Handles the newest reveal id: notifies about every reveal after the last one notified, if the
 * agent opted in. The first time (nothing recorded) it only records, so installing or opting in
 * never replays history. Exported for the unit test; {@link registerRevealNotifications} drives it.
 */
export async function notifyNewReveals(newestId: number | undefined): Promise<void> {
  const last = await lastNotifiedRevealItem.getValue();
  // An empty log is a position too (ids start at 1): the first verdict after it is news.
  const newest = newestId ?? 0;
  if (last !== null && newest <= last) return;
  await lastNotifiedRevealItem.setValue(newest);
  if (last === null || !(await mayNotify())) return;
  const fresh: GapReveal[] = await getDb()
    .gapReveals.where(':id')
    .between(last, newest, false, true)
    .reverse()
    .toArray();
  if (fresh.length === 0) return;
  const { title, message } = revealNotification(fresh);
  // One ticket: a click opens it in the helpdesk, while it is still fresh in the agent's mind.
  const single = fresh.length === 1 ? fresh[0]! : null;
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${single ? single.ticketKey : 'many'}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/notification-icon.png'),
    title,
    message,
  });
}

function openNotifiedTicket(notificationId: string): void {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  const ticketKey = notificationId.slice(NOTIFICATION_PREFIX.length);
  void getDb()
    .gapReveals.orderBy(':id')
    .reverse()
    .filter((reveal) => reveal.ticketKey === ticketKey)
    .first()
    .then((reveal) => {
      const adapter = reveal && getAdapter(reveal.ticket.kind);
      if (reveal && adapter)
        return browser.tabs.create({ url: adapter.ticketUrl(reveal.ticket.origin, reveal.ticket.ticketId) });
    });
}

/**
 * Watches the reveal log with a Dexie live query: the sync that stores a verdict runs in this
 * service worker, so its writes wake the query and the notification follows within moments.
 */
export function registerRevealNotifications(): void {
  let queue = Promise.resolve();
  liveQuery(() => getDb().gapReveals.orderBy(':id').lastKey()).subscribe({
    next: (newestId) => {
      queue = queue
        .then(() => notifyNewReveals(newestId as number | undefined))
        .catch((error: unknown) => console.error('GapLens: a reveal notification failed', error));
    },
    error: (error: unknown) => console.error('GapLens: watching reveals failed', error),
  });
  listenToNotificationClicks();
  // `notifications` is optional and Chrome adds its API to a running worker only once it is granted:
  // an agent who opts in after this worker started gets the click handler at that moment.
  browser.permissions.onAdded.addListener((added) => onPermissionsAdded(added));
}

type ClickHandler = (notificationId: string) => void;
interface NotificationsApi {
  onClicked: { hasListener(listener: ClickHandler): boolean; addListener(listener: ClickHandler): void };
}

/** `permissions.onAdded`: a newly granted `notifications` permission brings the click handler. */
export function onPermissionsAdded(
  added: { permissions?: string[] },
  api: { notifications?: NotificationsApi } = browser,
): boolean {
  return added.permissions?.includes('notifications') === true && listenToNotificationClicks(api);
}

/**
 * Attaches the click handler (a click opens the ticket) when the notifications API is there; safe
 * to call again. Exported for the unit test, which passes the API object in.
 */
export function listenToNotificationClicks(api: { notifications?: NotificationsApi } = browser): boolean {
  const onClicked = api.notifications?.onClicked;
  if (!onClicked) return false;
  if (!onClicked.hasListener(openNotifiedTicket)) onClicked.addListener(openNotifiedTicket);
  return true;
}
