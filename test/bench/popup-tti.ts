/// <reference types="chrome" />
import { startSimulator } from '../helpdesk-sim';
import { launchExtensionBrowser, openPopup, removeProfile } from '../e2e/launch';
import { percentile, round } from './stats';

export interface PopupTtiResult {
  opens: number;
  samplesMs: number[];
  p50Ms: number;
  p95Ms: number;
}

/**
 * Popup time-to-interactive in real Chromium: the popup marks `gaplens-ready` when the rating form
 * is rendered and usable; we read that mark (ms since the popup's navigation started) over N opens
 * on a recognised ticket tab served by the simulator.
 */
export async function measurePopupTti(opens = 30): Promise<PopupTtiResult> {
  const sim = await startSimulator();
  const browser = await launchExtensionBrowser();
  try {
    const sw = await browser.serviceWorker();
    const origin = sim.zendesk.origin;
    await sw.evaluate(async (o) => {
      const { settings } = await chrome.storage.local.get('settings');
      const current = (settings ?? {}) as Record<string, unknown>;
      await chrome.storage.local.set({
        settings: {
          version: 1,
          activeStandardSetId: 'gaplens-default',
          sync: { intervalMinutes: 15, trailingWindowDays: 14 },
          timeZone: null,
          ...current,
          helpdeskOrigins: [{ kind: 'zendesk', origin: o }],
        },
      });
    }, origin);
    const tab = await browser.context.newPage();
    await tab.goto(`${origin}/agent/tickets/1`);
    const samplesMs: number[] = [];
    for (let i = 0; i < opens; i++) {
      const { popup, detach } = await openPopup(browser, tab);
      await popup.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: 10_000 });
      const ms = await popup.evaluate(
        () => performance.getEntriesByName('gaplens-ready')[0]?.startTime ?? performance.now(),
      );
      samplesMs.push(ms);
      await popup.close();
      await detach();
    }
    return { opens, samplesMs: samplesMs.map((s) => round(s)), p50Ms: round(percentile(samplesMs, 50)), p95Ms: round(percentile(samplesMs, 95)) };
  } finally {
    await browser.close();
    removeProfile(browser.userDataDir);
    await sim.close();
  }
}
