import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { CONTENT_CHANNEL } from '../../lib/content/channel';
import { DB_NAME } from '../../lib/db/db';
import { createContentRouter, type ContentSender } from '../../lib/messaging/router';
import {
  checkSolvedTickets,
  connectionForOrigin,
  contentHandlers,
  refreshBadge,
  syncRegistration,
} from '../../lib/prompt/service';

/** The unrated-queue check: the helpdesk's search for tickets the agent solved since the last one. */
export const UNRATED_ALARM = 'gaplens-unrated';
const UNRATED_CHECK_MINUTES = 10;

const logFailure = (what: string) => (error: unknown) => console.error(`GapLens: ${what} failed`, error);

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

/**
 * Wires “prompt after every ticket” (lib/prompt): the page script's message channel, its run-time
 * registration, the unrated-queue check and the badge. Listeners are added synchronously so a
 * worker woken by one of these events sees them.
 */
export function registerPrompt(): void {
  const route = createContentRouter(contentHandlers, {
    id: browser.runtime.id,
    isConnectedOrigin: async (origin) => (await connectionForOrigin(origin)) !== undefined,
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Not ours (an extension page's message for the other router): leave it to that listener.
    if ((message as { channel?: unknown } | null)?.channel !== CONTENT_CHANNEL) return undefined;
    return route(message, sender as ContentSender).catch((error: unknown) => {
      console.warn('GapLens: a helpdesk page message failed', error);
      return null;
    });
  });

  const setUp = () => {
    syncRegistration().catch(logFailure('registering the helpdesk page script'));
    void browser.alarms.create(UNRATED_ALARM, { periodInMinutes: UNRATED_CHECK_MINUTES, delayInMinutes: 0.1 });
    refreshBadge().catch(logFailure('updating the badge'));
  };
  browser.runtime.onInstalled.addListener(setUp);
  browser.runtime.onStartup.addListener(setUp);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UNRATED_ALARM) checkSolvedTickets().catch(logFailure('checking solved tickets'));
  });

  // Every route that changes connections (options, settings import, erase) or assessments (popup,
  // card, import) writes through Dexie in this worker: follow the writes rather than each route.
  const connectionsChanged = debounce(() => {
    syncRegistration().catch(logFailure('registering the helpdesk page script'));
    checkSolvedTickets().catch(logFailure('checking solved tickets'));
  }, 300);
  const assessmentsChanged = debounce(() => void refreshBadge().catch(logFailure('updating the badge')), 300);
  Dexie.on('storagemutated', (parts) => {
    const keys = Object.keys(parts);
    if (keys.some((key) => key.startsWith(`idb://${DB_NAME}/connections/`))) connectionsChanged();
    if (keys.some((key) => key.startsWith(`idb://${DB_NAME}/assessments/`))) assessmentsChanged();
  });
}
