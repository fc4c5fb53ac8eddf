/*
 * The sync engine, run by the background. Pure of UI: pages read `syncState` and `csatRatings` with
 * live queries; the background calls these functions.
 */
export {
  DEFAULT_LEASE_MS,
  syncConnection,
  toCsatRating,
  type SyncError,
  type SyncOptions,
  type SyncOutcome,
  type SyncProgress,
} from './sync-connection';
export {
  SYNC_ALARM_PREFIX,
  connectionIdOfAlarm,
  handleSyncAlarm,
  reconcileSyncAlarms,
  scheduleConnectionSync,
  scheduleFirstSync,
  syncAlarmName,
  unscheduleConnectionSync,
  type AlarmsApi,
} from './schedule';
export { DEFAULT_RETRY_POLICY, type Clock, type RetryPolicy } from './request-runner';
