import type { SyncState } from '../model';
import { getDb } from './db';

/** The state of a connection that has never synced. */
export function initialSyncState(connectionId: string): SyncState {
  return {
    connectionId,
    status: 'idle',
    checkpoint: null,
    lastSuccessAt: null,
    lastAttemptAt: null,
    nextRunAt: null,
    lastError: null,
    ratingsStored: 0,
    progress: null,
  };
}

/** The stored state, or the initial one; safe inside and outside a transaction on `syncState`. */
export async function getSyncState(connectionId: string): Promise<SyncState> {
  return (await getDb().syncState.get(connectionId)) ?? initialSyncState(connectionId);
}

/** Applies `change` to the stored (or initial) state and writes it back, atomically. */
export async function patchSyncState(
  connectionId: string,
  change: Partial<Omit<SyncState, 'connectionId'>>,
): Promise<SyncState> {
  const db = getDb();
  return db.transaction('rw', db.syncState, async () => {
    const next = { ...(await getSyncState(connectionId)), ...change, connectionId };
    await db.syncState.put(next);
    return next;
  });
}
