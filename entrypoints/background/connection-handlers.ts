import type { Handlers } from '../../lib/messaging/router';

/**
 * The connection messages. They are answered by lib/connections and lib/sync, which are being
 * written alongside; until then each says so instead of failing silently.
 */
const notYet = (what: string) => () => Promise.reject(new Error(`${what} is not available in this build yet.`));

export const connectionHandlers: Pick<Handlers, 'testConnection' | 'saveConnection' | 'removeConnection' | 'syncNow'> =
  {
    testConnection: notYet('Testing a connection'),
    saveConnection: notYet('Saving a connection'),
    removeConnection: notYet('Removing a connection'),
    syncNow: notYet('Syncing'),
  };
