import { hasCredentials, listConnections } from '../db/connections';
import { getSyncState } from '../db/sync-state';
import type { Connection, SyncState } from '../model';
import { readCheckpoint } from '../sync/checkpoint';

/** A connection's sync status as a page shows it; the checkpoint's internals stay in the background. */
export type ConnectionStatus = Omit<SyncState, 'checkpoint' | 'connectionId'> & {
  /** Whether a secret is stored; the secret itself is never returned. */
  hasCredentials: boolean;
  /** A pass was interrupted (stopped, failed, or its service worker died) and the next run resumes it. */
  interrupted: boolean;
};

/** One row of the options page's connection list. */
export interface ConnectionWithStatus {
  connection: Connection;
  status: ConnectionStatus;
}

/**
 * Every connection with its status (last success, ratings stored, last error, next run, progress).
 * A `running` status whose lock lapsed is what a terminated service worker leaves behind; it is
 * shown as `idle` and `interrupted`, since nothing is running and the next run will resume.
 */
export async function listConnectionsWithStatus(now: () => number = Date.now): Promise<ConnectionWithStatus[]> {
  const connections = await listConnections();
  return Promise.all(
    connections.map(async (connection) => {
      const { checkpoint: raw, connectionId: _id, ...state } = await getSyncState(connection.id);
      const checkpoint = readCheckpoint(raw);
      const lease = checkpoint.lease;
      const alive = state.status === 'running' && lease !== null && Date.parse(lease.expiresAt) > now();
      const status = state.status === 'running' && !alive ? 'idle' : state.status;
      return {
        connection,
        status: {
          ...state,
          status,
          interrupted: checkpoint.pass !== null && status !== 'running',
          hasCredentials: await hasCredentials(connection.id),
        },
      };
    }),
  );
}
