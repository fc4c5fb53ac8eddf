import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { upsertRatings } from '../db/csat-ratings';
import { DB_NAME, getDb, resetDbInstance } from '../db/db';
import { assessment, BAD, GOOD, rating, stars } from '../gap/test-support';
import { ensureGapStore } from './rebuild';

beforeEach(async () => {
  resetDbInstance();
  await Dexie.delete(DB_NAME);
  await ensureGapStore('UTC');
});

const reveals = () => getDb().gapReveals.toArray();

describe('the reveal feed', () => {
  it('records a verdict arriving for an assessed ticket, against the prediction', async () => {
    await getDb().assessments.put(assessment('1234', { predicted: GOOD }));
    await upsertRatings([{ ...rating('1234', BAD), comment: 'Nobody called back.' }]);
    const [reveal, ...more] = await reveals();
    expect(more).toEqual([]);
    expect(reveal).toMatchObject({
      ticket: { ticketId: '1234' },
      predicted: { value: 'good' },
      actual: { value: 'bad' },
      comment: 'Nobody called back.',
      changed: false,
    });
  });

  it('records nothing for a rating of a ticket the agent did not assess', async () => {
    await upsertRatings([rating('7', BAD)]);
    expect(await reveals()).toEqual([]);
  });

  it('records nothing when the agent assesses a ticket whose verdict is already known (the popup reveals that)', async () => {
    await upsertRatings([rating('7', BAD)]);
    await getDb().assessments.put(assessment('7'));
    expect(await reveals()).toEqual([]);
  });

  it('records nothing when a sync stores the same verdict again', async () => {
    await getDb().assessments.put(assessment('1'));
    await upsertRatings([rating('1', GOOD)]);
    await upsertRatings([{ ...rating('1', GOOD), syncedAt: '2026-11-30T00:00:00.000Z' }]);
    expect(await reveals()).toHaveLength(1);
  });

  it('records a re-rating as a changed verdict', async () => {
    await getDb().assessments.put(assessment('1', { predicted: stars(5) }));
    await upsertRatings([rating('1', stars(2))]);
    await upsertRatings([rating('1', stars(4), { updatedAt: '2026-11-18T09:00:00.000Z' })]);
    const feed = await reveals();
    expect(feed.map((r) => [r.actual.value, r.changed])).toEqual([
      [2, false],
      [4, true],
    ]);
  });

  it('records nothing for an older copy the upsert refuses to store', async () => {
    await getDb().assessments.put(assessment('1'));
    await upsertRatings([rating('1', GOOD, { updatedAt: '2026-11-18T09:00:00.000Z' })]);
    await upsertRatings([rating('1', BAD, { updatedAt: '2026-11-17T09:00:00.000Z' })]);
    expect((await reveals()).map((r) => r.actual.value)).toEqual(['good']);
  });

  it('is rolled back with a sync page that fails to commit', async () => {
    const db = getDb();
    await db.assessments.put(assessment('1'));
    await expect(
      db.transaction('rw', db.csatRatings, db.syncState, async () => {
        await upsertRatings([rating('1', BAD)]);
        throw new Error('lease lost');
      }),
    ).rejects.toThrow('lease lost');
    expect(await reveals()).toEqual([]);
  });
});
