import { storage } from 'wxt/utils/storage';

/**
 * Whether the agent opted in to a browser notification when a customer's verdict arrives for a
 * ticket they assessed (issue 5, item 4). Off by default: a notification interrupts, so it is the
 * agent's choice, made in the side panel together with the `notifications` permission it needs.
 */
export const revealNotificationsItem = storage.defineItem<boolean>('local:revealNotifications', {
  fallback: false,
  version: 1,
});

/** The highest reveal id already notified about, so a restart never notifies twice or about history. */
export const lastNotifiedRevealItem = storage.defineItem<number | null>('local:lastNotifiedReveal', {
  fallback: null,
  version: 1,
});
