import { upsertRatings, type UpsertResult } from '../db/csat-ratings';
import { getDb } from '../db/db';
import { getSyncState } from '../db/sync-state';
import type { CsatRating, SyncState } from '../model';
import { readCheckpoint, type SyncCheckpoint, type SyncPass } from './checkpoint';

/*
 * The engine's writes. Each is one Dexie transaction that first checks the caller still holds the
 * lease, so a sync that was given up for dead (and taken over) can never write over its successor.
 */

/** The sync lost its lock (it was taken over after it looked dead) or its connection was removed. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The lock taken (with the state and checkpoint to resume from), or held by a live sync. */
export type LeaseResult =
  { acquired: true; state: SyncState; checkpoint: SyncCheckpoint } | { acquired: false; state: SyncState };

/**
 * Takes the connection's sync lock unless a live sync holds it. A `running` status whose lease has
 * expired is what a crashed sync leaves behind: it is taken over, never waited on forever.
 */
export async function acquireLease(
  connectionId: string,
  owner: string,
  nowMs: number,
  leaseMs: number,
): Promise<LeaseResult> {
  const db = getDb();
  return db.transaction('rw', db.syncState, async () => {
    const state = await getSyncState(connectionId);
    const checkpoint = readCheckpoint(state.checkpoint);
    const lease = checkpoint.lease;
    if (state.status === 'running' && lease && lease.owner !== owner && Date.parse(lease.expiresAt) > nowMs) {
      return { acquired: false, state };
    }
    const next: SyncState = {
      ...state,
      status: 'running',
      lastAttemptAt: iso(nowMs),
      lastError: null,
      checkpoint: { ...checkpoint, lease: { owner, expiresAt: iso(nowMs + leaseMs) } },
      progress: { pages: checkpoint.pass?.pages ?? 0, ratings: checkpoint.pass?.ratings ?? 0 },
    };
    await db.syncState.put(next);
    return { acquired: true, state: next, checkpoint: readCheckpoint(next.checkpoint) };
  });
}

/** Reads the state and checks the lease inside the current transaction. */
async function ownedState(
  connectionId: string,
  owner: string,
): Promise<{ state: SyncState; checkpoint: SyncCheckpoint }> {
  const state = await getDb().syncState.get(connectionId);
  const checkpoint = readCheckpoint(state?.checkpoint);
  if (!state || state.status !== 'running' || checkpoint.lease?.owner !== owner) {
    throw new LeaseLostError(`The sync of ${connectionId} no longer holds its lock.`);
  }
  return { state, checkpoint };
}

/** Extends the lease, before a long wait (a rate-limit window) that would otherwise outlast it. */
export async function renewLease(connectionId: string, owner: string, expiresAtMs: number): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.syncState, async () => {
    const { state, checkpoint } = await ownedState(connectionId, owner);
    await db.syncState.put({ ...state, checkpoint: { ...checkpoint, lease: { owner, expiresAt: iso(expiresAtMs) } } });
  });
}

/**
 * Stores one page: its ratings and the pass advanced past it, in ONE transaction. Either both are
 * stored or neither, so a sync killed at any instant resumes after the last stored page: nothing
 * lost, nothing read twice into a duplicate.
 */
export async function commitPage(input: {
  connectionId: string;
  owner: string;
  ratings: readonly CsatRating[];
  pass: SyncPass;
  nowMs: number;
  leaseMs: number;
}): Promise<{ state: SyncState; upsert: UpsertResult }> {
  const db = getDb();
  return db.transaction('rw', [db.csatRatings, db.syncState, db.connections], async () => {
    const { state, checkpoint } = await ownedState(input.connectionId, input.owner);
    if (!(await db.connections.get(input.connectionId)))
      throw new LeaseLostError(`Connection ${input.connectionId} was removed.`);
    const upsert = await upsertRatings(input.ratings);
    const next: SyncState = {
      ...state,
      checkpoint: {
        ...checkpoint,
        pass: input.pass,
        lease: { owner: input.owner, expiresAt: iso(input.nowMs + input.leaseMs) },
      },
      progress: { pages: input.pass.pages, ratings: input.pass.ratings },
      ratingsStored: state.ratingsStored + upsert.inserted,
    };
    await db.syncState.put(next);
    return { state: next, upsert };
  });
}

/** Ends a pass: its start becomes the watermark (`lastSuccessAt`), and the lock is released. */
export async function finishPass(connectionId: string, owner: string, pass: SyncPass): Promise<SyncState> {
  const db = getDb();
  return db.transaction('rw', db.syncState, async () => {
    const { state } = await ownedState(connectionId, owner);
    const next: SyncState = {
      ...state,
      status: 'idle',
      lastSuccessAt: pass.startedAt,
      lastError: null,
      checkpoint: { version: 1, pass: null, lease: null },
      progress: { pages: pass.pages, ratings: pass.ratings },
    };
    await db.syncState.put(next);
    return next;
  });
}

/**
 * Ends a sync that did not finish. The pass in the checkpoint stays as it was after the last
 * committed page, so the next run resumes there; nothing stored is touched.
 */
export async function stopSync(
  connectionId: string,
  owner: string,
  status: 'idle' | 'paused' | 'error',
  lastError: SyncState['lastError'],
): Promise<SyncState> {
  const db = getDb();
  return db.transaction('rw', db.syncState, async () => {
    const { state, checkpoint } = await ownedState(connectionId, owner);
    const next: SyncState = { ...state, status, lastError, checkpoint: { ...checkpoint, lease: null } };
    await db.syncState.put(next);
    return next;
  });
}
