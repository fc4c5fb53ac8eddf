import type { ImportedRating } from '../helpdesks/generic/csv-rows';
import { ticketKey, type Connection, type CsatRating } from '../model';
import { getDb } from './db';

/**
 * Stores the ratings of a checked CSV export (lib/helpdesks/generic/csv-check.ts) for one connection.
 *
 * Idempotent by construction: a rating's id is `<connection id>:<ticket id>`, and a generic
 * connection is the only one on its origin, so the id stands for origin + ticket. An export carries
 * no rating id of its own, and its row numbers shift between exports, so neither can be part of the
 * identity; the date cannot either, because a customer who changes their rating changes it. One
 * record per ticket is also what the gap reads (DESIGN.md §4: the latest rating is the verdict).
 * So re-importing the same or an overlapping file leaves one record per ticket; a changed rating
 * replaces the stored one unless the stored one is newer (an old export imported after a new one).
 */

export interface CsvImportOutcome {
  inserted: number;
  updated: number;
  /** Same rating, date, comment and agent as stored: not written again. */
  unchanged: number;
  /** The stored rating of that ticket is newer than the file's. */
  keptNewer: number;
}

export interface CsvImportOptions {
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?(written: number, total: number): void;
  now?: () => number;
}

export const CSV_IMPORT_SOURCE = 'csv-import';

export function toCsatRating(connection: Connection, imported: ImportedRating, syncedAt: string): CsatRating {
  return {
    id: `${connection.id}:${imported.ticketId}`,
    connectionId: connection.id,
    sourceId: imported.ticketId,
    source: CSV_IMPORT_SOURCE,
    kind: connection.kind,
    origin: connection.origin,
    ticketId: imported.ticketId,
    ticketKey: ticketKey(connection.origin, imported.ticketId),
    rating: imported.rating,
    comment: imported.comment,
    agentId: imported.agentId,
    createdAt: imported.ratedAt,
    updatedAt: imported.ratedAt,
    syncedAt,
  };
}

/**
 * Writes in batches inside one transaction: the progress bar moves between batches (each batch is
 * its own IndexedDB round trip, so the page paints in between), and a cancel or a failure rolls the
 * whole import back — the stored ratings are as they were.
 */
export async function importCsvRatings(
  connection: Connection,
  ratings: readonly ImportedRating[],
  options: CsvImportOptions = {},
): Promise<CsvImportOutcome> {
  const batchSize = options.batchSize ?? 500;
  const syncedAt = new Date((options.now ?? Date.now)()).toISOString();
  const outcome: CsvImportOutcome = { inserted: 0, updated: 0, unchanged: 0, keptNewer: 0 };
  const db = getDb();
  await db.transaction('rw', db.csatRatings, async () => {
    for (let start = 0; start < ratings.length; start += batchSize) {
      if (options.signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
      const batch = ratings.slice(start, start + batchSize).map((rating) => toCsatRating(connection, rating, syncedAt));
      const stored = await db.csatRatings.bulkGet(batch.map((rating) => rating.id));
      // The same rules as upsertRatings (a newer stored rating is kept, equal times replace), decided
      // on this one read, and unchanged ratings are not rewritten: a re-import costs reads only.
      const writes: CsatRating[] = [];
      batch.forEach((rating, index) => {
        const existing = stored[index];
        if (!existing) outcome.inserted++;
        else if (sameRating(existing, rating)) return void outcome.unchanged++;
        else if (existing.updatedAt > rating.updatedAt) return void outcome.keptNewer++;
        else outcome.updated++;
        writes.push(rating);
      });
      await db.csatRatings.bulkPut(writes);
      options.onProgress?.(Math.min(ratings.length, start + batchSize), ratings.length);
    }
  });
  return outcome;
}

/** Equal but for when GapLens wrote it. */
function sameRating(stored: CsatRating, incoming: CsatRating): boolean {
  return (
    stored.ticketKey === incoming.ticketKey &&
    stored.rating.scale === incoming.rating.scale &&
    stored.rating.value === incoming.rating.value &&
    stored.rating.normalized === incoming.rating.normalized &&
    stored.rating.satisfied === incoming.rating.satisfied &&
    stored.comment === incoming.comment &&
    stored.agentId === incoming.agentId &&
    stored.createdAt === incoming.createdAt &&
    stored.updatedAt === incoming.updatedAt
  );
}
