/// <reference types="chrome" />
import { expect, type Page } from '@playwright/test';
import type { SimCredential, SimHelpdesk, SimRequest } from '../helpdesk-sim';
import { launchExtensionBrowser, preApproveHostPermission, removeProfile, type ExtensionBrowser } from '../e2e/launch';
import { readAll } from '../e2e/pages/idb';
import { sampleServiceWorkerHeap, type HeapReport } from './sync-heap';

/** The simulator README's benchmark size: ~103k answered ratings per helpdesk. */
export const HUNDRED_K_RATINGS = { agents: 10, ticketsPerAgent: 11_200, responseRate: 1 } as const;
export const TRAILING_WINDOW_DAYS = 14;
/** Longest a benchmarked sync may take before the benchmark gives up. */
const SYNC_TIMEOUT_MS = 4 * 60_000;

/** The part of a stored SyncState the benchmarks read (lib/model SyncState). */
export interface StoredSyncState {
  status: string;
  lastSuccessAt: string | null;
  ratingsStored: number;
  lastError: { message: string } | null;
}

/** Chromium with the built extension, connected to one simulated helpdesk through the options page. */
export interface SyncRig {
  browser: ExtensionBrowser;
  options: Page;
  connectionId: string;
  label: string;
  close(): Promise<void>;
}

export interface SyncRun {
  /** From the "Sync now" click until the stored state says the pass finished. */
  wallMs: number;
  /** What the simulator received meanwhile, in order. */
  requests: SimRequest[];
  heap: HeapReport;
  state: StoredSyncState;
}

/**
 * Connects as a user would, in a fresh profile: Options → "Import settings file…" with a file that
 * carries one connection, then "Import these settings" (which tests the credentials and saves).
 * Host access is pre-approved the way a user's "Allow" would be (test/e2e/launch.ts).
 */
export async function openRig(helpdesk: SimHelpdesk, credential: SimCredential, label: string): Promise<SyncRig> {
  const browser = await launchExtensionBrowser();
  try {
    await preApproveHostPermission(browser, 'http://127.0.0.1/*');
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await expect(options.locator('html[data-ready="true"]')).toBeAttached();
    await options
      .getByLabel('Import settings file…')
      .setInputFiles(jsonFile('bench-settings.json', settingsFile(helpdesk, credential, label)));
    await options.getByRole('button', { name: 'Import these settings' }).click();
    await expect(options.getByTestId('settings-file-result')).toContainText('Imported', { timeout: 30_000 });
    const connection = (await readAll(options, 'connections')).find((c) => c.origin === helpdesk.origin);
    if (!connection) throw new Error('The imported connection was not stored');
    const connectionId = String(connection.id);
    await cancelScheduledSync(browser, connectionId);
    return {
      browser,
      options,
      connectionId,
      label,
      close: async () => {
        await browser.close();
        removeProfile(browser.userDataDir);
      },
    };
  } catch (error) {
    await browser.close();
    removeProfile(browser.userDataDir);
    throw error;
  }
}

function settingsFile(helpdesk: SimHelpdesk, credential: SimCredential, label: string) {
  return {
    format: 'gaplens-settings',
    version: 1,
    settings: {
      version: 1,
      helpdeskOrigins: [{ kind: 'zendesk', origin: helpdesk.origin }],
      activeStandardSetId: 'gaplens-default',
      sync: { intervalMinutes: 15, trailingWindowDays: TRAILING_WINDOW_DAYS },
      timeZone: null,
    },
    connections: [{ kind: 'zendesk', label, origin: helpdesk.origin, credentials: credential.auth }],
  };
}

export function jsonFile(name: string, content: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) };
}

/**
 * Saving a connection schedules its first sync half a minute later (lib/sync/schedule.ts). Left
 * alone, that alarm would start a second pass during or right after the measured one and add its
 * requests to the count, so the benchmark removes it; only "Sync now" starts a sync here.
 */
async function cancelScheduledSync(browser: ExtensionBrowser, connectionId: string): Promise<void> {
  const worker = await browser.serviceWorker();
  await worker.evaluate(async (id) => {
    for (const alarm of await chrome.alarms.getAll())
      if (alarm.name.includes(id)) await chrome.alarms.clear(alarm.name);
  }, connectionId);
}

/**
 * Clicks the connection's "Sync now" and waits until the stored sync state says the pass ended,
 * sampling the service worker's heap meanwhile. Throws if the sync ends in an error or a pause.
 */
export async function syncNow(rig: SyncRig, helpdesk: SimHelpdesk): Promise<SyncRun> {
  const before = await readSyncState(rig);
  helpdesk.requestLog.length = 0;
  await rig.browser.serviceWorker(); // running, so the sampler finds its target
  const heap = await sampleServiceWorkerHeap(rig.browser.debuggingPort);
  const startedAt = Date.now();
  await rig.options.getByRole('article', { name: rig.label }).getByRole('button', { name: 'Sync now' }).click();
  const { endedAt, state } = await rig.options.evaluate(waitForSyncEnd, {
    connectionId: rig.connectionId,
    previousSuccess: before?.lastSuccessAt ?? null,
    timeoutMs: SYNC_TIMEOUT_MS,
  });
  const heapReport = await heap.stop();
  if (state.status !== 'idle') throw new Error(`The sync ended ${state.status}: ${state.lastError?.message ?? '?'}`);
  return { wallMs: endedAt - startedAt, requests: [...helpdesk.requestLog], heap: heapReport, state };
}

async function readSyncState(rig: SyncRig): Promise<StoredSyncState | undefined> {
  const states = await readAll(rig.options, 'syncState');
  return states.find((s) => s.connectionId === rig.connectionId) as StoredSyncState | undefined;
}

/**
 * Runs in the options page: polls the stored sync state every 100 ms until the pass has ended
 * (idle with a new lastSuccessAt, or error/paused). Raw IndexedDB, so nothing of the product's code
 * decides when the clock stops.
 */
async function waitForSyncEnd(input: {
  connectionId: string;
  previousSuccess: string | null;
  timeoutMs: number;
}): Promise<{ endedAt: number; state: StoredSyncState }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('gaplens');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const deadline = Date.now() + input.timeoutMs;
  try {
    for (;;) {
      // Inline, not a helper: tsx names local functions with a `__name` call the page does not have.
      const state = await new Promise<StoredSyncState | undefined>((resolve, reject) => {
        const request = db.transaction('syncState').objectStore('syncState').get(input.connectionId);
        request.onsuccess = () => resolve(request.result as StoredSyncState | undefined);
        request.onerror = () => reject(request.error);
      });
      const ended =
        state &&
        (state.status === 'error' ||
          state.status === 'paused' ||
          (state.status === 'idle' && state.lastSuccessAt !== input.previousSuccess));
      if (ended) return { endedAt: Date.now(), state };
      if (Date.now() > deadline)
        throw new Error(`No end of sync within ${input.timeoutMs} ms: ${JSON.stringify(state)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    db.close();
  }
}

/** Long runs say what they did as they go, on lines under the runner's "name… ". */
export function progress(text: string): void {
  process.stderr.write(`\n  · ${text}`);
}

/** After the last progress line: the runner prints the summary next, on a line of its own. */
export function progressEnd(): void {
  process.stderr.write('\n  → ');
}

/** Every request `counted` leaves out, by path without its query: what else the extension asked meanwhile. */
export function otherRequests(
  requests: readonly SimRequest[],
  counted: (request: SimRequest) => boolean,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) {
    if (counted(r)) continue;
    const path = r.path.split('?')[0]!;
    counts[path] = (counts[path] ?? 0) + 1;
  }
  return counts;
}

/** "requests: X (expected ⌈N/100⌉ = Y)", shouted when X ≠ Y: an exact count is one of the goals. */
export function requestLine(
  what: string,
  actual: number,
  items: number,
  perRequest: number,
): { text: string; match: boolean } {
  const expected = Math.max(1, Math.ceil(items / perRequest));
  const match = actual === expected;
  const text = `${what} requests: ${actual} (expected ⌈${items}/${perRequest}⌉ = ${expected})${match ? '' : ' ✗ MISMATCH'}`;
  if (!match) console.error(`\n!!! ${text}`);
  return { text, match };
}
