import { getDb } from '../db/db';
import { deleteRatingsOf } from '../db/csat-ratings';
import { unscheduleConnectionSync, type AlarmsApi } from '../sync/schedule';

/**
 * Removes a connection with its credentials, its sync state and its CSAT ratings, in one
 * transaction, and stops its alarm.
 *
 * Why the ratings go too: they are the helpdesk's data, fetched with credentials the user just
 * withdrew, and a rating without its connection could never be refreshed or re-rated, so gaps
 * would silently rest on stale data. The agent's self-assessments are their own data and stay;
 * connecting the helpdesk again fetches the ratings again and the gaps reappear. A sync running at
 * that moment notices the connection is gone at its next page and writes nothing.
 */
export async function removeConnection(
  id: string,
  deps: { alarms?: AlarmsApi; schedule?: boolean } = {},
): Promise<{ removed: boolean; ratingsRemoved: number }> {
  const db = getDb();
  const result = await db.transaction(
    'rw',
    [db.connections, db.credentials, db.syncState, db.csatRatings],
    async () => {
      const removed = (await db.connections.get(id)) !== undefined;
      await db.connections.delete(id);
      await db.credentials.delete(id);
      await db.syncState.delete(id);
      return { removed, ratingsRemoved: await deleteRatingsOf(id) };
    },
  );
  if (deps.schedule !== false) await unscheduleConnectionSync(id, { alarms: deps.alarms });
  return result;
}
