import { browser } from 'wxt/browser';
import { listConnections, getConnection } from '../db/connections';
import { getSyncState, patchSyncState } from '../db/sync-state';
import { readSettings } from '../settings/settings-store';
import { syncConnection, type SyncOptions, type SyncOutcome } from './sync-connection';

/*
 * Periodic sync with the `alarms` API: one alarm per connection, named `gaplens-sync:<id>`. An
 * alarm wakes a terminated service worker, and a sync interrupted by termination resumes from its
 * checkpoint at the next alarm. Chrome may drop alarms across a browser restart
 * (developer.chrome.com/docs/extensions/reference/api/alarms), so the background calls
 * `reconcileSyncAlarms` on startup and install.
 */

export const SYNC_ALARM_PREFIX = 'gaplens-sync:';

/** The part of `browser.alarms` used here; tests pass WXT's fake browser or their own. */
export interface AlarmsApi {
  create(
    name: string,
    info: { delayInMinutes?: number; periodInMinutes?: number; when?: number },
  ): Promise<void> | void;
  get(name: string): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number } | undefined | null>;
  getAll(): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number }[]>;
  clear(name: string): Promise<boolean>;
}

const realAlarms = (): AlarmsApi => browser.alarms as unknown as AlarmsApi;

export function syncAlarmName(connectionId: string): string {
  return `${SYNC_ALARM_PREFIX}${connectionId}`;
}

/** The connection an alarm is for, or null for alarms that are not sync alarms. */
export function connectionIdOfAlarm(alarmName: string): string | null {
  return alarmName.startsWith(SYNC_ALARM_PREFIX) ? alarmName.slice(SYNC_ALARM_PREFIX.length) || null : null;
}

/** Delay of the first run after a connection is saved: soon, but after the options page settled. */
const FIRST_RUN_DELAY_MINUTES = 0.5;

/**
 * (Re)creates a connection's alarm: every `intervalMinutes` (Settings.sync.intervalMinutes), the
 * first run after `firstRunInMinutes` (default: one interval). Writes `nextRunAt` for the UI.
 */
export async function scheduleConnectionSync(
  connectionId: string,
  options: { intervalMinutes?: number; firstRunInMinutes?: number; alarms?: AlarmsApi; now?: () => number } = {},
): Promise<void> {
  const alarms = options.alarms ?? realAlarms();
  const interval = options.intervalMinutes ?? (await readSettings()).settings.sync.intervalMinutes;
  const delay = options.firstRunInMinutes ?? interval;
  await alarms.create(syncAlarmName(connectionId), { delayInMinutes: delay, periodInMinutes: interval });
  const alarm = await alarms.get(syncAlarmName(connectionId));
  const nextRun = alarm?.scheduledTime ?? (options.now ?? Date.now)() + delay * 60_000;
  await patchSyncState(connectionId, { nextRunAt: new Date(nextRun).toISOString() });
}

/** Schedules a newly saved connection's first sync to start soon. */
export function scheduleFirstSync(connectionId: string, options: { alarms?: AlarmsApi } = {}): Promise<void> {
  return scheduleConnectionSync(connectionId, { ...options, firstRunInMinutes: FIRST_RUN_DELAY_MINUTES });
}

export async function unscheduleConnectionSync(
  connectionId: string,
  options: { alarms?: AlarmsApi } = {},
): Promise<void> {
  await (options.alarms ?? realAlarms()).clear(syncAlarmName(connectionId));
}

/**
 * Makes the alarms match the connections: one per enabled connection at the current interval,
 * none for removed or disabled ones. An alarm that already has the right period is left alone, so
 * calling this on every service-worker start does not keep pushing the next run back. Call it on
 * `runtime.onStartup`, `runtime.onInstalled`, and when Settings.sync.intervalMinutes changes.
 */
export async function reconcileSyncAlarms(
  options: { alarms?: AlarmsApi; intervalMinutes?: number } = {},
): Promise<void> {
  const alarms = options.alarms ?? realAlarms();
  const interval = options.intervalMinutes ?? (await readSettings()).settings.sync.intervalMinutes;
  const connections = await listConnections();
  const wanted = new Set(
    connections.filter((connection) => connection.enabled).map((connection) => syncAlarmName(connection.id)),
  );
  const existing = [...(await alarms.getAll())];
  for (const alarm of existing) {
    if (connectionIdOfAlarm(alarm.name) !== null && !wanted.has(alarm.name)) await alarms.clear(alarm.name);
  }
  for (const connection of connections) {
    if (!connection.enabled) continue;
    const alarm = existing.find((candidate) => candidate.name === syncAlarmName(connection.id));
    if (alarm && alarm.periodInMinutes === interval) continue;
    await scheduleConnectionSync(connection.id, { alarms, intervalMinutes: interval });
  }
}

/**
 * Handles `alarms.onAlarm`. Returns null for alarms that are not sync alarms, so the background can
 * chain handlers. A disabled or paused connection is not synced (a paused one waits for new
 * credentials); `nextRunAt` is updated either way.
 */
export async function handleSyncAlarm(
  alarm: { name: string; scheduledTime: number; periodInMinutes?: number },
  options: SyncOptions = {},
): Promise<SyncOutcome | null> {
  const connectionId = connectionIdOfAlarm(alarm.name);
  if (connectionId === null) return null;
  const connection = await getConnection(connectionId);
  if (!connection) return { status: 'skipped', reason: 'no such connection' };
  if (alarm.periodInMinutes) {
    await patchSyncState(connectionId, {
      nextRunAt: new Date(alarm.scheduledTime + alarm.periodInMinutes * 60_000).toISOString(),
    });
  }
  if (!connection.enabled) return { status: 'skipped', reason: 'connection disabled' };
  if ((await getSyncState(connectionId)).status === 'paused') return { status: 'skipped', reason: 'connection paused' };
  return syncConnection(connectionId, options);
}
