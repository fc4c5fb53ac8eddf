import type { Page } from '@playwright/test';

/**
 * Reads or writes the extension's IndexedDB from an extension page with the raw IndexedDB API, so
 * tests check what is really stored (and can plant damaged records) without the product's code.
 */
export function readAll(page: Page, table: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (store) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('gaplens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => {
            resolve(request.result as Record<string, unknown>[]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

export function putRaw(page: Page, table: string, record: unknown): Promise<void> {
  return page.evaluate(
    ([store, value]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gaplens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store as string, 'readwrite');
          tx.objectStore(store as string).put(value);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [table, record] as const,
  );
}
