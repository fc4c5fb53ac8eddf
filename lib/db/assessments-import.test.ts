import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SelfAssessment } from '../model';
import { importAssessments } from './assessments-import';
import { DB_NAME, getDb, resetDbInstance } from './db';

function assessment(ticketId: string, updatedAt: string, timely: 1 | 2 | 3 | 4 | 5 = 4): SelfAssessment {
  const origin = 'https://acme.zendesk.com';
  return {
    ticketKey: `${origin}#${ticketId}`,
    ticket: { kind: 'zendesk', origin, ticketId },
    agentId: '7',
    standardSetId: 'gaplens-default',
    standardSetVersion: 1,
    scores: { timely },
    predictedCsat: { scale: 'good-bad', value: 'good', normalized: 1, satisfied: true },
    notes: { gotInTheWay: '', worked: '' },
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt,
  };
}

beforeEach(async () => {
  resetDbInstance();
  await Dexie.delete(DB_NAME);
});

describe('importAssessments', () => {
  it('adds new assessments and reports them', async () => {
    const report = await importAssessments([assessment('1', '2026-11-01T10:00:00.000Z'), assessment('2', '2026-11-01T11:00:00.000Z')]);
    expect(report).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await getDb().assessments.count()).toBe(2);
  });

  it('never lets an older copy overwrite newer work, and a newer copy updates', async () => {
    await getDb().assessments.bulkPut([assessment('1', '2026-11-05T00:00:00.000Z', 5), assessment('2', '2026-11-01T00:00:00.000Z', 2)]);
    const report = await importAssessments([assessment('1', '2026-11-02T00:00:00.000Z', 1), assessment('2', '2026-11-03T00:00:00.000Z', 3)]);
    expect(report).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect((await getDb().assessments.get('https://acme.zendesk.com#1'))?.scores.timely).toBe(5);
    expect((await getDb().assessments.get('https://acme.zendesk.com#2'))?.scores.timely).toBe(3);
  });

  it('is idempotent: the same file twice changes nothing the second time', async () => {
    const file = [assessment('1', '2026-11-01T10:00:00.000Z'), assessment('2', '2026-11-01T11:00:00.000Z')];
    await importAssessments(file);
    const before = await getDb().assessments.toArray();
    expect(await importAssessments(file)).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(await getDb().assessments.toArray()).toEqual(before);
  });

  it('keeps the latest of duplicates inside one file', async () => {
    const report = await importAssessments([assessment('1', '2026-11-01T10:00:00.000Z', 2), assessment('1', '2026-11-03T10:00:00.000Z', 4)]);
    expect(report).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect((await getDb().assessments.get('https://acme.zendesk.com#1'))?.scores.timely).toBe(4);
  });
});
