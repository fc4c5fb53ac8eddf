/// <reference types="chrome" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startSimulator } from '../helpdesk-sim';
import { EXTENSION_DIR, launchExtensionBrowser, preApproveHostPermission, removeProfile } from '../e2e/launch';
import { percentile, round } from './stats';

export interface ContentScriptResult {
  rawBytes: number;
  gzipBytes: number;
  solves: number;
  /** Long tasks (≥ 50 ms, PerformanceObserver `longtask`) from page load until the card was up. */
  longTasks: number;
  longestTaskMs: number;
  /** Submit click → card visible: the API check included (settle 1.5 s is the page script's wait). */
  timeToCardP50Ms: number;
  timeToCardMaxMs: number;
}

/** Polls `check` (an async condition; waitForFunction would take its promise for a truthy answer). */
async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The helpdesk page script as built, raw and gzipped (level 9, as a store would serve it). */
export function contentScriptSize(): { rawBytes: number; gzipBytes: number } {
  const file = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'helpdesk.js'));
  return { rawBytes: file.length, gzipBytes: gzipSync(file, { level: 9 }).length };
}

/**
 * The page script's cost in a helpdesk page: its size, and long tasks seen by a PerformanceObserver
 * installed before any script runs, over loading a ticket, solving it and showing the card.
 * Connected the way the options page does it (the background's `saveConnection` message), with
 * host access pre-approved as in the e2e tests.
 */
export async function measureContentScript(solves = 5): Promise<ContentScriptResult> {
  const sim = await startSimulator({ now: new Date() });
  const browser = await launchExtensionBrowser();
  try {
    const origin = sim.zendesk.origin;
    const agent = sim.zendesk.credentials.agents[0]!;
    await preApproveHostPermission(browser, 'http://127.0.0.1/*');
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    const reply = await page.evaluate(
      async ({ origin, auth }) => {
        await chrome.permissions.request({ origins: [`${origin}/*`] });
        // @webext-core/messaging's envelope, as the options page sends it.
        return chrome.runtime.sendMessage({
          id: 1,
          timestamp: Date.now(),
          type: 'saveConnection',
          data: { connectionId: null, kind: 'zendesk', label: 'Bench', origin, credentials: auth },
        });
      },
      { origin, auth: agent.auth },
    );
    if (!reply || (reply as { err?: unknown }).err) throw new Error(`connect failed: ${JSON.stringify(reply)}`);
    await until(() =>
      page.evaluate(
        async (o) => (await chrome.scripting.getRegisteredContentScripts()).some((s) => s.matches?.includes(`${o}/*`)),
        origin,
      ),
    );

    const tickets = sim.zendesk.data.tickets.slice(10, 10 + solves);
    const timesMs: number[] = [];
    const longTasks: number[] = [];
    for (const ticket of tickets) {
      ticket.assigneeId = Number(agent.agentId);
      ticket.status = 'open';
      const tab = await browser.context.newPage();
      await tab.addInitScript(() => {
        const seen: number[] = [];
        (window as unknown as { __longTasks: number[] }).__longTasks = seen;
        new PerformanceObserver((list) => list.getEntries().forEach((entry) => seen.push(entry.duration))).observe({
          type: 'longtask',
          buffered: true,
        });
      });
      await tab.goto(`${origin}/agent/tickets/${ticket.id}`);
      // The page script reports its health check once the ticket is in view: it is running.
      await until(() =>
        page.evaluate(async (id) => {
          const { pageHealth } = await chrome.storage.local.get('pageHealth');
          return Object.values((pageHealth ?? {}) as Record<string, { ticketId: string }>).some(
            (h) => h.ticketId === id,
          );
        }, String(ticket.id)),
      );
      await tab.selectOption('[data-test-id="ticket-fields-status-select"]', 'solved');
      const started = Date.now();
      await tab.click('[data-test-id="submit_button-button"]');
      await tab.waitForSelector('gaplens-card', { timeout: 20_000 });
      timesMs.push(Date.now() - started);
      longTasks.push(...(await tab.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)));
      await tab.close();
    }
    return {
      ...contentScriptSize(),
      solves,
      longTasks: longTasks.length,
      longestTaskMs: round(Math.max(0, ...longTasks)),
      timeToCardP50Ms: round(percentile(timesMs, 50)),
      timeToCardMaxMs: round(Math.max(...timesMs)),
    };
  } finally {
    await browser.close();
    removeProfile(browser.userDataDir);
    await sim.close();
  }
}

export function summarizeContentScript(r: ContentScriptResult): string {
  return (
    `${(r.rawBytes / 1024).toFixed(1)} KB raw, ${(r.gzipBytes / 1024).toFixed(1)} KB gzipped; ` +
    `${r.longTasks} long tasks over ${r.solves} load-solve-card runs (longest ${r.longestTaskMs} ms); ` +
    `submit → card p50 ${r.timeToCardP50Ms} ms, max ${r.timeToCardMaxMs} ms`
  );
}
