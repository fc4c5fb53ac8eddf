import { browser } from 'wxt/browser';
import { getDb } from '../../lib/db/db';
import { seedDefaultStandardSet } from '../../lib/db/standard-sets';
import { settingsItem } from '../../lib/settings/settings-store';
import { reconcileSyncAlarms } from '../../lib/sync';

/**
 * “Erase all my data”: every table (assessments, ratings, connections, credentials, sync state,
 * standard sets, gap store, team bundles) and everything in storage.local, settings included. The
 * built-in standard set is seeded again afterwards, so the extension is exactly as after a fresh
 * install, with no sync scheduled.
 */
export async function eraseAllData(): Promise<{ erased: true }> {
  const db = getDb();
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
  await settingsItem.removeValue();
  // The rest of storage.local too: the unrated-ticket queue (it holds ticket subjects), per-connection
  // prompt settings, page health and the notification opt-in (README, Privacy).
  await browser.storage.local.clear();
  await seedDefaultStandardSet();
  await reconcileSyncAlarms(); // no connections are left, so no sync alarms either
  return { erased: true };
}
