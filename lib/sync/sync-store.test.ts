import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db/db';
import { getSyncState, patchSyncState } from '../db/sync-state';
import type { CsatRating } from '../model';
import { readCheckpoint, type SyncPass } from './checkpoint';
import { LeaseLostError, acquireLease, commitPage, finishPass, stopSync } from './sync-store';
import { freshDatabase, storeConnection } from './test-harness';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const LEASE = 60_000;
const ORIGIN = 'https://acme.zendesk.com';

const rating = (sourceId: string, updatedAt = '2026-11-19T00:00:00.000Z'): CsatRating => ({
  id: `c:${sourceId}`,
  connectionId: 'c',
  sourceId,
  source: 'satisfaction_ratings',
  kind: 'zendesk',
  origin: ORIGIN,
  ticketId: sourceId,
  ticketKey: `${ORIGIN}#${sourceId}`,
  rating: { scale: 'good-bad', value: 'good', normalized: 1, satisfied: true },
  comment: null,
  agentId: null,
  createdAt: '2026-11-18T00:00:00.000Z',
  updatedAt,
  syncedAt: '2026-11-20T12:00:00.000Z',
});

const pass = (pages: number, resume: unknown): SyncPass => ({
  path: 'list',
  startedAt: '2026-11-20T12:00:00.000Z',
  since: null,
  resume,
  pages,
  ratings: pages * 2,
});

/** Commits a page for connection `c` at T0. */
const commit = (owner: string, ratings: CsatRating[], page: SyncPass) =>
  commitPage({ connectionId: 'c', owner, ratings, pass: page, nowMs: T0, leaseMs: LEASE });

beforeEach(async () => {
  freshDatabase();
  await storeConnection({ id: 'c', kind: 'zendesk', origin: ORIGIN, credentials: { type: 'oauth-token', token: 't' } });
});

describe('the sync lock', () => {
  it('is taken when free, refused while another holder is alive, taken over once its lease lapsed', async () => {
    expect((await acquireLease('c', 'first', T0, LEASE)).acquired).toBe(true);
    expect((await acquireLease('c', 'second', T0 + LEASE - 1, LEASE)).acquired).toBe(false);
    const takeover = await acquireLease('c', 'second', T0 + LEASE + 1, LEASE);
    expect(takeover.acquired).toBe(true);
    expect(readCheckpoint((await getSyncState('c')).checkpoint).lease?.owner).toBe('second');
  });

  it('does not let a stale `running` status without a lease block anything', async () => {
    await patchSyncState('c', { status: 'running', checkpoint: null });
    expect((await acquireLease('c', 'me', T0, LEASE)).acquired).toBe(true);
  });

  it('keeps the pass of an interrupted run for the next one to resume', async () => {
    await acquireLease('c', 'first', T0, LEASE);
    await commit('first', [rating('1')], pass(1, { stream: 's', at: 'next' }));
    const next = await acquireLease('c', 'second', T0 + 2 * LEASE, LEASE);
    expect(next.acquired && next.checkpoint.pass).toEqual(pass(1, { stream: 's', at: 'next' }));
    expect(next.acquired && next.state.progress).toEqual({ pages: 1, ratings: 2 });
  });
});

describe('commitPage', () => {
  it('stores the ratings and the advanced checkpoint together', async () => {
    await acquireLease('c', 'me', T0, LEASE);
    const { state, upsert } = await commit('me', [rating('1'), rating('2')], pass(1, 'p2'));
    expect(upsert).toEqual({ inserted: 2, replaced: 0, keptNewer: 0 });
    expect(state).toMatchObject({ ratingsStored: 2, progress: { pages: 1, ratings: 2 } });
    expect(await getDb().csatRatings.count()).toBe(2);
  });

  it('stores nothing of a page whose checkpoint could not be written (one transaction)', async () => {
    await acquireLease('c', 'me', T0, LEASE);
    const before = await getSyncState('c');
    const failWrite = () => {
      throw new Error('disk full');
    };
    getDb().syncState.hook('updating', failWrite);
    try {
      await expect(commit('me', [rating('1')], pass(1, 'p2'))).rejects.toThrow('disk full');
    } finally {
      getDb().syncState.hook('updating').unsubscribe(failWrite);
    }
    expect(await getDb().csatRatings.count()).toBe(0);
    expect(await getSyncState('c')).toEqual(before);
  });

  it('refuses to write for a run that lost its lock, or after the connection was removed', async () => {
    await acquireLease('c', 'old', T0, LEASE);
    await acquireLease('c', 'new', T0 + LEASE + 1, LEASE);
    await expect(commit('old', [rating('1')], pass(1, 'x'))).rejects.toBeInstanceOf(LeaseLostError);
    await getDb().connections.delete('c');
    await expect(commit('new', [rating('1')], pass(1, 'x'))).rejects.toBeInstanceOf(LeaseLostError);
    expect(await getDb().csatRatings.count()).toBe(0);
  });

  it('keeps a newer stored rating and counts only new rows', async () => {
    await acquireLease('c', 'me', T0, LEASE);
    await getDb().csatRatings.put(rating('1', '2026-11-20T00:00:00.000Z'));
    const { upsert, state } = await commit(
      'me',
      [rating('1'), rating('2'), rating('2', '2026-11-19T05:00:00.000Z')],
      pass(1, null),
    );
    expect(upsert).toEqual({ inserted: 1, replaced: 0, keptNewer: 1 });
    expect(state.ratingsStored).toBe(1);
    expect((await getDb().csatRatings.get('c:1'))?.updatedAt).toBe('2026-11-20T00:00:00.000Z');
    expect((await getDb().csatRatings.get('c:2'))?.updatedAt).toBe('2026-11-19T05:00:00.000Z');
  });
});

describe('ending a run', () => {
  it('a finished pass becomes the watermark and releases the lock', async () => {
    await acquireLease('c', 'me', T0, LEASE);
    const state = await finishPass('c', 'me', pass(3, null));
    expect(state).toMatchObject({
      status: 'idle',
      lastSuccessAt: '2026-11-20T12:00:00.000Z',
      lastError: null,
      progress: { pages: 3, ratings: 6 },
    });
    expect(readCheckpoint(state.checkpoint)).toEqual({ version: 1, pass: null, lease: null });
  });

  it('a failed run keeps its pass and releases the lock', async () => {
    await acquireLease('c', 'me', T0, LEASE);
    await commit('me', [], pass(2, 'p3'));
    const state = await stopSync('c', 'me', 'error', {
      code: 'server',
      message: '500',
      at: '2026-11-20T12:00:00.000Z',
    });
    expect(readCheckpoint(state.checkpoint)).toEqual({ version: 1, pass: pass(2, 'p3'), lease: null });
    expect((await acquireLease('c', 'other', T0, LEASE)).acquired).toBe(true);
  });
});
