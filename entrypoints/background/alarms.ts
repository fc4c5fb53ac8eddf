/**
 * Periodic sync runs on `browser.alarms` (a service worker may be stopped between runs). The alarm
 * is scheduled by the sync engine (lib/sync) once it lands; until then there is nothing to schedule.
 */
export function registerAlarms(): void {}
