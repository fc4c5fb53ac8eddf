import { ensureGapStore } from '../../lib/gap-store/rebuild';
import { effectiveTimeZone } from '../../lib/gap-store/time-window';
import { readSettings, watchSettings } from '../../lib/settings/settings-store';
import { browser } from 'wxt/browser';

const logFailure = (error: unknown) => console.error('GapLens: building the gap store failed', error);

/** Builds the gap store in the time zone the settings name (or the browser's), unless it already is. */
export async function ensureGapStoreForSettings(): Promise<void> {
  const { settings } = await readSettings();
  await ensureGapStore(effectiveTimeZone(settings.timeZone));
}

/**
 * The gap store is built here, ahead of the side panel, so the panel usually finds it ready: after
 * install or update (schema v2 starts unbuilt), on browser start (the browser's own zone may have
 * changed, e.g. after travel), and whenever the time-zone setting changes. Every write keeps it
 * current from then on (lib/gap-store/middleware.ts).
 */
export function registerGapStore(): void {
  const ensure = () => void ensureGapStoreForSettings().catch(logFailure);
  browser.runtime.onInstalled.addListener(ensure);
  browser.runtime.onStartup.addListener(ensure);
  let timeZone: string | null | undefined;
  watchSettings(({ settings }) => {
    if (timeZone !== undefined && timeZone !== settings.timeZone) ensure();
    timeZone = settings.timeZone;
  });
  void readSettings().then(({ settings }) => (timeZone ??= settings.timeZone));
}
