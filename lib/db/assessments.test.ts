import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, getDb, resetDbInstance } from './db';
import { checkScores, readAssessment, recentAssessments, saveAssessment } from './assessments';
import { DEFAULT_STANDARD_SET } from '../model';
import { sampleDraft } from './test-drafts';

beforeEach(async () => {
  resetDbInstance();
  await Dexie.delete(DB_NAME);
});

const T1 = new Date('2026-11-20T09:00:00.000Z');
const T2 = new Date('2026-11-21T16:30:00.000Z');

describe('saveAssessment', () => {
  it('stamps a new assessment with createdAt = updatedAt = now', async () => {
    const { assessment, created } = await saveAssessment(sampleDraft(), T1);
    expect(created).toBe(true);
    expect(assessment.createdAt).toBe(T1.toISOString());
    expect(assessment.updatedAt).toBe(T1.toISOString());
    expect(await readAssessment(assessment.ticketKey)).toEqual({ status: 'ok', value: assessment });
  });

  it('keeps createdAt and moves updatedAt when the same ticket is saved again', async () => {
    await saveAssessment(sampleDraft(), T1);
    const edited = { ...sampleDraft(), scores: { ...sampleDraft().scores, timely: 2 as const } };
    const { assessment, created } = await saveAssessment(edited, T2);
    expect(created).toBe(false);
    expect(assessment.createdAt).toBe(T1.toISOString());
    expect(assessment.updatedAt).toBe(T2.toISOString());
    expect(assessment.scores.timely).toBe(2);
    expect(await getDb().assessments.count()).toBe(1);
  });

  it('moves updatedAt even when the clock has not', async () => {
    await saveAssessment(sampleDraft(), T2);
    const { assessment } = await saveAssessment(sampleDraft(), T1);
    expect(assessment.updatedAt > T2.toISOString()).toBe(true);
    expect(assessment.createdAt).toBe(T2.toISOString());
  });

  it('replaces a damaged record, keeping its createdAt when that is still readable', async () => {
    const draft = sampleDraft();
    await getDb().assessments.put({
      ticketKey: draft.ticketKey,
      createdAt: T1.toISOString(),
      scores: 'garbage',
    } as never);
    expect((await readAssessment(draft.ticketKey)).status).toBe('damaged');
    const { assessment } = await saveAssessment(draft, T2);
    expect(assessment.createdAt).toBe(T1.toISOString());
  });

  it('takes the normalized prediction from the scale table, not from the page', async () => {
    const draft = {
      ...sampleDraft(),
      predictedCsat: { scale: 'good-bad', value: 'bad', normalized: 1, satisfied: true },
    };
    const { assessment } = await saveAssessment(draft, T1);
    expect(assessment.predictedCsat).toEqual({ scale: 'good-bad', value: 'bad', normalized: 0, satisfied: false });
  });

  it('rejects a prediction that is not on the scale, and stores nothing', async () => {
    const draft = {
      ...sampleDraft(),
      predictedCsat: { scale: 'good-bad', value: 'meh', normalized: 0.5, satisfied: false },
    };
    await expect(saveAssessment(draft, T1)).rejects.toThrow('predictedCsat: “meh” is not on the scale good-bad');
    expect(await getDb().assessments.count()).toBe(0);
  });

  it('rejects missing scores and N/A where the standard does not allow it', async () => {
    const { timely: _timely, ...rest } = sampleDraft().scores;
    await expect(saveAssessment({ ...sampleDraft(), scores: rest }, T1)).rejects.toThrow('scores.timely: not rated');
    const naTimely = { ...sampleDraft().scores, timely: 'na' as const };
    await expect(saveAssessment({ ...sampleDraft(), scores: naTimely }, T1)).rejects.toThrow(
      'scores.timely: cannot be N/A',
    );
  });

  it('rejects an unknown standard set version', async () => {
    await expect(saveAssessment({ ...sampleDraft(), standardSetVersion: 9 }, T1)).rejects.toThrow(
      'gaplens-default version 9 is not installed',
    );
  });

  it('fills in the agent id from a connection to the same origin', async () => {
    await getDb().connections.put({
      id: 'c1',
      kind: 'zendesk',
      label: 'Acme',
      origin: 'https://acme.zendesk.com',
      authType: 'api-token',
      agent: { id: '42', name: 'Ana', email: null },
      csatPath: null,
      enabled: true,
      createdAt: T1.toISOString(),
      updatedAt: T1.toISOString(),
    });
    const { assessment } = await saveAssessment(sampleDraft(), T1);
    expect(assessment.agentId).toBe('42');
  });
});

describe('checkScores', () => {
  it('lists unrated standards by title, in the set order', () => {
    const problems = checkScores(DEFAULT_STANDARD_SET, { timely: 5, 'owned-it': 'na' });
    expect(problems.map((p) => p.title)).toEqual([
      'Complete and correct',
      'Clear next steps',
      'Low effort',
      'Understood my real need',
      'Warm and personal',
      'Well presented',
    ]);
  });
});

describe('recentAssessments', () => {
  it('returns the newest first, at most `limit`, and counts damaged records', async () => {
    for (let i = 1; i <= 12; i++) await saveAssessment(sampleDraft(String(i)), new Date(T1.getTime() + i * 60_000));
    await getDb().assessments.put({ ticketKey: 'x', updatedAt: '2099-01-01T00:00:00.000Z' } as never);
    const { assessments, damaged } = await recentAssessments(10);
    expect(damaged).toBe(1);
    expect(assessments.map((a) => a.ticket.ticketId)).toEqual(['12', '11', '10', '9', '8', '7', '6', '5', '4']);
  });
});
