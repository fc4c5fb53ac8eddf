import { z } from 'zod';
import { csatPathSchema, isoDateTimeSchema } from '../model';

/**
 * What `SyncState.checkpoint` holds. The engine wraps the adapter's opaque position (`pass.resume`)
 * with what it needs to resume a pass and to lock it:
 *
 * - `pass` is the pass in progress: its start, the `since` it reads from, the path, and the
 *   adapter's position after the last committed page. It is written in the same transaction as that
 *   page's ratings, so after a crash the pass continues exactly after the last stored page.
 *   A finished pass is removed; its start becomes `SyncState.lastSuccessAt`, the watermark the next
 *   pass subtracts the trailing window from.
 * - `lease` is the lock: who runs the sync and until when. A sync that dies (the service worker is
 *   terminated) stops renewing it, so the next run takes over once it expires.
 */
export const syncCheckpointSchema = z.object({
  version: z.literal(1),
  pass: z
    .object({
      path: csatPathSchema,
      startedAt: isoDateTimeSchema,
      since: isoDateTimeSchema.nullable(),
      resume: z.unknown(),
      pages: z.number().int().nonnegative(),
      ratings: z.number().int().nonnegative(),
    })
    .nullable(),
  lease: z.object({ owner: z.string().min(1), expiresAt: isoDateTimeSchema }).nullable(),
});
export type SyncCheckpoint = z.infer<typeof syncCheckpointSchema>;
export type SyncPass = NonNullable<SyncCheckpoint['pass']>;

export const EMPTY_CHECKPOINT: SyncCheckpoint = { version: 1, pass: null, lease: null };

/**
 * Reads a stored checkpoint. One this release cannot read (written by another version, or damaged)
 * counts as empty: the next pass starts over from the watermark, which re-reads some pages but
 * loses nothing, since ratings are upserted.
 */
export function readCheckpoint(raw: unknown): SyncCheckpoint {
  const parsed = syncCheckpointSchema.safeParse(raw);
  return parsed.success
    ? { ...parsed.data, pass: parsed.data.pass && { ...parsed.data.pass, resume: parsed.data.pass.resume ?? null } }
    : EMPTY_CHECKPOINT;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Where a new pass starts reading: the start of the last successful pass minus the trailing window,
 * so ratings given or changed late (a customer answers a week after the survey, or re-rates) still
 * arrive. Null, the whole history, before the first success.
 */
export function passSince(lastSuccessAt: string | null, trailingWindowDays: number): string | null {
  if (lastSuccessAt === null) return null;
  return new Date(Date.parse(lastSuccessAt) - trailingWindowDays * DAY_MS).toISOString();
}
