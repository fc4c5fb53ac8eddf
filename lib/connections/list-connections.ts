import { hasCredentials, listConnections } from '../db/connections';
import { getSyncState } from '../db/sync-state';
import type { Connection, SyncState } from '../model';

/** A connection's sync status as a page shows it; the checkpoint's internals stay in the background. */
export type ConnectionStatus = Omit<SyncState, 'checkpoint' | 'connectionId'> & {
  /** Whether a secret is stored; the secret itself is never returned. */
  hasCredentials: boolean;
};

/** One row of the options page's connection list. */
export interface ConnectionWithStatus {
  connection: Connection;
  status: ConnectionStatus;
}

/** Every connection with its status (last success, ratings stored, last error, next run, progress). */
export async function listConnectionsWithStatus(): Promise<ConnectionWithStatus[]> {
  const connections = await listConnections();
  return Promise.all(
    connections.map(async (connection) => {
      const { checkpoint: _checkpoint, connectionId: _id, ...state } = await getSyncState(connection.id);
      return { connection, status: { ...state, hasCredentials: await hasCredentials(connection.id) } };
    }),
  );
}
