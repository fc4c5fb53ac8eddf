/// <reference types="chrome" />
import { launchExtensionBrowser, removeProfile } from '../e2e/launch';
import { median, round } from './stats';

export interface IdbThroughputResult {
  records: number;
  runs: number;
  recordsPerSecond: number[];
  medianRecordsPerSecond: number;
}

/**
 * Raw IndexedDB put throughput in an extension page of real Chromium: the physical limit later storage
 * benchmarks compare with. Assessment-shaped records (~260 bytes, three indexes), one transaction per
 * 1,000 puts, a fresh browser profile per run (runs in one browser skew later ones).
 */
export async function measureIdbPutThroughput(records = 100_000, runs = 3): Promise<IdbThroughputResult> {
  const recordsPerSecond: number[] = [];
  for (let run = 0; run < runs; run++) {
    const browser = await launchExtensionBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(browser.extensionUrl('options.html'));
      const ms = await page.evaluate(putRecords, records);
      recordsPerSecond.push(records / (ms / 1000));
    } finally {
      await browser.close();
      removeProfile(browser.userDataDir);
    }
  }
  return { records, runs, recordsPerSecond: recordsPerSecond.map((r) => round(r, 0)), medianRecordsPerSecond: round(median(recordsPerSecond), 0) };
}

/** Runs inside the page: must be self-contained. */
async function putRecords(count: number): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('bench-raw-put', 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('assessments', { keyPath: 'ticketKey' });
      store.createIndex('updatedAt', 'updatedAt');
      store.createIndex('createdAt', 'createdAt');
      store.createIndex('agentId', 'agentId');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const base = Date.UTC(2026, 0, 1);
  const start = performance.now();
  const batch = 1000;
  for (let offset = 0; offset < count; offset += batch) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('assessments', 'readwrite');
      const store = tx.objectStore('assessments');
      for (let i = offset; i < Math.min(count, offset + batch); i++) {
        const at = new Date(base + i * 60_000).toISOString();
        store.put({
          ticketKey: `https://acme.zendesk.com#${i}`,
          ticket: { kind: 'zendesk', origin: 'https://acme.zendesk.com', ticketId: String(i) },
          agentId: String(1000 + (i % 50)),
          standardSetId: 'gaplens-default',
          standardSetVersion: 1,
          scores: { timely: 4, 'complete-correct': 5, 'clear-next-steps': 3, 'low-effort': 4 },
          predictedCsat: { scale: 'good-bad', value: 'good', normalized: 1, satisfied: true },
          notes: { gotInTheWay: '', worked: '' },
          createdAt: at,
          updatedAt: at,
        });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const elapsed = performance.now() - start;
  db.close();
  return elapsed;
}
