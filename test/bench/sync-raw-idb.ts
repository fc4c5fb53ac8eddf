import type { Page } from '@playwright/test';
import { launchExtensionBrowser, removeProfile } from '../e2e/launch';
import { round } from './stats';

/** Records travel between pages and Node as JSON text in slices of this many (one CDP message each). */
const SLICE = 10_000;

export interface RawPutResult {
  records: number;
  perTransaction: number;
  ms: number;
  recordsPerSecond: number;
}

/**
 * Copies the rows of `table` out of the extension's database in `page`, as JSON slices. The raw
 * comparison writes exactly what the sync stored, not look-alikes.
 */
export async function exportRows(page: Page, table: string): Promise<string[]> {
  const count = await page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('gaplens');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    (globalThis as unknown as { benchRows: unknown[] }).benchRows = rows;
    return rows.length;
  }, table);
  const slices: string[] = [];
  for (let start = 0; start < count; start += SLICE) {
    slices.push(
      await page.evaluate(
        ([from, size]) =>
          JSON.stringify((globalThis as unknown as { benchRows: unknown[] }).benchRows.slice(from, from + size)),
        [start, SLICE] as const,
      ),
    );
  }
  await page.evaluate(() => delete (globalThis as unknown as { benchRows?: unknown[] }).benchRows);
  return slices;
}

/**
 * Raw IndexedDB `put` of the given CsatRating rows in an extension page of a fresh profile (STACK.md:
 * a fresh profile per measurement), into a store with the same key and indexes as lib/db/db.ts's
 * `csatRatings` ('id, ticketKey, agentId, updatedAt, connectionId'). `perTransaction` defaults to
 * 100, one sync page's worth, so the only difference left to the sync is everything but the writes.
 */
export async function measureRawPut(slices: readonly string[], perTransaction = 100): Promise<RawPutResult> {
  const browser = await launchExtensionBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    for (const slice of slices) {
      await page.evaluate((json) => {
        const holder = globalThis as unknown as { benchRows?: unknown[] };
        (holder.benchRows ??= []).push(...(JSON.parse(json) as unknown[]));
      }, slice);
    }
    const { records, ms } = await page.evaluate(putRows, perTransaction);
    return { records, perTransaction, ms: round(ms), recordsPerSecond: round(records / (ms / 1000), 0) };
  } finally {
    await browser.close();
    removeProfile(browser.userDataDir);
  }
}

/** Runs inside the page: must be self-contained. Only the puts are timed; the rows are already in memory. */
async function putRows(perTransaction: number): Promise<{ records: number; ms: number }> {
  const rows = (globalThis as unknown as { benchRows: unknown[] }).benchRows;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('bench-raw-csat', 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('csatRatings', { keyPath: 'id' });
      for (const index of ['ticketKey', 'agentId', 'updatedAt', 'connectionId']) store.createIndex(index, index);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const start = performance.now();
  for (let offset = 0; offset < rows.length; offset += perTransaction) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('csatRatings', 'readwrite');
      const store = tx.objectStore('csatRatings');
      for (const row of rows.slice(offset, offset + perTransaction)) store.put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - start;
  db.close();
  return { records: rows.length, ms };
}
