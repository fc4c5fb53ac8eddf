import type { CsatRating } from '../model';
import { getDb } from './db';

/** What an upsert did: new rows, replaced rows, and incoming rows older than what was stored. */
export interface UpsertResult {
  inserted: number;
  replaced: number;
  keptNewer: number;
}

/**
 * Upserts ratings by id (`${connectionId}:${sourceId}`): a re-sync never duplicates, and a changed
 * rating replaces the stored one — unless the stored one is newer by `updatedAt`, which is kept (a
 * late page of an older pass must not undo a re-rating). Equal times replace, to refresh fields
 * such as the comment or the agent. Joins the caller's transaction when there is one.
 */
export async function upsertRatings(ratings: readonly CsatRating[]): Promise<UpsertResult> {
  const result: UpsertResult = { inserted: 0, replaced: 0, keptNewer: 0 };
  if (ratings.length === 0) return result;
  const db = getDb();
  return db.transaction('rw', db.csatRatings, async () => {
    // One page can carry the same rating twice (search results that moved between pages): keep the newest.
    const latest = new Map<string, CsatRating>();
    for (const rating of ratings) {
      const seen = latest.get(rating.id);
      if (!seen || seen.updatedAt <= rating.updatedAt) latest.set(rating.id, rating);
    }
    const incoming = [...latest.values()];
    const stored = await db.csatRatings.bulkGet(incoming.map((rating) => rating.id));
    const writes: CsatRating[] = [];
    incoming.forEach((rating, index) => {
      const existing = stored[index];
      if (!existing) result.inserted++;
      else if (existing.updatedAt > rating.updatedAt) {
        result.keptNewer++;
        return;
      } else result.replaced++;
      writes.push(rating);
    });
    await db.csatRatings.bulkPut(writes);
    return result;
  });
}

export async function countRatings(connectionId: string): Promise<number> {
  return getDb().csatRatings.where('connectionId').equals(connectionId).count();
}

/** Deletes a connection's ratings; returns how many. Joins the caller's transaction when there is one. */
export async function deleteRatingsOf(connectionId: string): Promise<number> {
  return getDb().csatRatings.where('connectionId').equals(connectionId).delete();
}
