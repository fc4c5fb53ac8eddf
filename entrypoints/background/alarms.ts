import { browser } from 'wxt/browser';
import { handleSyncAlarm, reconcileSyncAlarms } from '../../lib/sync';
import { readSettings, watchSettings } from '../../lib/settings/settings-store';

const logFailure = (what: string) => (error: unknown) => console.error(`GapLens: ${what} failed`, error);

/**
 * Periodic sync runs on `browser.alarms`, one alarm per connection (lib/sync/schedule.ts): an alarm
 * wakes a stopped service worker. Chrome may drop alarms across restarts, and an extension loaded
 * unpacked is reinstalled on each launch, so the alarms are reconciled on startup and install, and
 * again when the sync interval changes.
 */
export function registerAlarms(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    handleSyncAlarm(alarm).catch(logFailure(`sync alarm ${alarm.name}`));
  });
  const reconcile = () => reconcileSyncAlarms().catch(logFailure('scheduling syncs'));
  browser.runtime.onStartup.addListener(reconcile);
  browser.runtime.onInstalled.addListener(reconcile);
  let interval: number | undefined;
  void readSettings().then(({ settings }) => (interval ??= settings.sync.intervalMinutes));
  watchSettings(({ settings }) => {
    if (interval !== settings.sync.intervalMinutes) void reconcile();
    interval = settings.sync.intervalMinutes;
  });
}
