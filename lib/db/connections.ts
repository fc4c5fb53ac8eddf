import type { Connection, Credentials } from '../model';
import { getDb } from './db';

/*
 * Queries of the `connections` and `credentials` tables. Secrets are read only through
 * `readCredentials`, which only the background's sync and connection code call; nothing that lists
 * connections for a page touches the `credentials` table.
 */

export async function getConnection(id: string): Promise<Connection | undefined> {
  return getDb().connections.get(id);
}

/** Every connection, oldest first (the order the options page lists them in). */
export async function listConnections(): Promise<Connection[]> {
  const connections = await getDb().connections.toArray();
  return connections.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Background only: the secret of a connection, for building its API client. */
export async function readCredentials(connectionId: string): Promise<Credentials | undefined> {
  return (await getDb().credentials.get(connectionId))?.credentials;
}

export async function hasCredentials(connectionId: string): Promise<boolean> {
  return (await getDb().credentials.where('connectionId').equals(connectionId).count()) > 0;
}

/** Records what the helpdesk said about the credentials (who they belong to, which CSAT path they allow). */
export async function updateConnection(
  id: string,
  change: Partial<Pick<Connection, 'agent' | 'csatPath' | 'enabled' | 'updatedAt'>>,
): Promise<void> {
  await getDb().connections.update(id, change);
}
