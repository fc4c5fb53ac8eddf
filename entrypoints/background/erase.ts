import { getDb } from '../../lib/db/db';
import { seedDefaultStandardSet } from '../../lib/db/standard-sets';
import { settingsItem } from '../../lib/settings/settings-store';
import { reconcileSyncAlarms } from '../../lib/sync';

/**
 * “Erase all my data”: every table (assessments, ratings, connections, credentials, sync state,
 * standard sets) and the settings. The built-in standard set is seeded again afterwards, so the
 * extension is exactly as after a fresh install, with no sync scheduled.
 */
export async function eraseAllData(): Promise<{ erased: true }> {
  const db = getDb();
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
  await settingsItem.removeValue();
  await seedDefaultStandardSet();
  await reconcileSyncAlarms(); // no connections are left, so no sync alarms either
  return { erased: true };
}
