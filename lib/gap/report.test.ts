import { describe, expect, it } from 'vitest';
import { computeGapReport } from './report';
import { gapSeries } from './series';
import { assessment, BAD, GOOD, pair, rating, stars, TEST_SET_V1, TEST_SET_V2 } from './test-support';

const standardSets = [TEST_SET_V1, TEST_SET_V2];
const key = (id: string) => `https://acme.zendesk.com#${id}`;

/**
 * Alice's month (the times are UTC; the user is in Europe/Berlin, UTC+1 in November):
 *   t1 Mon 2 Nov        predicted good,  customer good                              gap 0
 *   t2 Tue 3 Nov        predicted good,  customer bad, then re-rated good (latest)  gap 0
 *   t3 Sun 8 Nov 23:30Z = Mon 9 Nov in Berlin; 4★ (.75) vs 2★ (.25)               gap 0.5
 *   t4 Tue 10 Nov       predicted good,  customer 3★ (.5)                           gap 0.5
 *   t5 Mon 30 Nov 23:30Z = Tue 1 Dec in Berlin; good vs bad                        gap 1
 *   t6 Fri 20 Nov       assessed, no CSAT yet
 *   t7 Wed 11 Nov       first saved as "bad", edited to "good"; customer good       gap 0 (the edit counts)
 *   t8                  rated by a customer (agent alice), never assessed
 * Bob: t9 rated only; t10 assessed by bob (rating names alice: still bob's), against an unknown set version.
 */
const assessments = [
  assessment('1', { createdAt: '2026-11-02T09:00:00.000Z' }),
  assessment('2', { createdAt: '2026-11-03T09:00:00.000Z' }),
  assessment('3', {
    createdAt: '2026-11-08T23:30:00.000Z',
    predicted: stars(4),
    scores: { speed: 5, accuracy: 5, tone: 'na' },
  }),
  assessment('4', { createdAt: '2026-11-10T09:00:00.000Z' }),
  assessment('5', { createdAt: '2026-11-30T23:30:00.000Z' }),
  assessment('6', { createdAt: '2026-11-20T09:00:00.000Z' }),
  assessment('7', { createdAt: '2026-11-11T09:00:00.000Z', predicted: BAD }),
  assessment('7', { createdAt: '2026-11-11T09:00:00.000Z', updatedAt: '2026-11-12T09:00:00.000Z', predicted: GOOD }),
  assessment('10', { agentId: 'bob', createdAt: '2026-11-05T09:00:00.000Z', standardSetVersion: 7 }),
];
const ratings = [
  rating('1', GOOD, { createdAt: '2026-11-02T12:00:00.000Z' }),
  rating('2', BAD, { createdAt: '2026-11-04T12:00:00.000Z' }),
  rating('2', GOOD, { createdAt: '2026-11-04T12:00:00.000Z', updatedAt: '2026-11-06T12:00:00.000Z' }),
  rating('3', stars(2)),
  rating('4', stars(3)),
  rating('5', BAD, { createdAt: '2026-12-01T12:00:00.000Z' }),
  rating('7', GOOD),
  rating('8', GOOD, { createdAt: '2026-11-15T12:00:00.000Z' }),
  rating('9', BAD, { agentId: 'bob' }),
  rating('10', GOOD, { agentId: 'alice' }),
].map((r) => ({ ...r, agentId: r.agentId === 'agent-1' ? 'alice' : r.agentId }));
const aliceAssessments = assessments.map((a) => (a.agentId === 'agent-1' ? { ...a, agentId: 'alice' } : a));

const report = (options: Partial<Parameters<typeof computeGapReport>[0]> = {}) =>
  computeGapReport({ assessments: aliceAssessments, ratings, standardSets, timeZone: 'Europe/Berlin', ...options });

describe('computeGapReport', () => {
  it('computes alice’s personal gap over all her matched tickets (hand-computed)', () => {
    // gaps 0, 0, .5, .5, 1, 0 (t1, t2, t3, t4, t5, t7): mean 2/6 = 0.3333
    // s = √(Σ(g − ⅓)² / 5) = √(⅓ · … ) = 0.4082482905; se = s / √6 = 0.1666666667
    // t(0.975, 5) = 2.5705818356 → CI [−0.0950969726, 0.7617636393]
    const { summary } = report({ agentId: 'alice' });
    expect(summary.n).toBe(6);
    expect(summary.personalGap.status).toBe('ok');
    if (summary.personalGap.status !== 'ok') return;
    expect(summary.personalGap.mean).toBeCloseTo(1 / 3, 12);
    expect(summary.personalGap.standardDeviation).toBeCloseTo(0.4082482905, 9);
    expect(summary.personalGap.confidenceInterval.low).toBeCloseTo(-0.0950969726, 9);
    expect(summary.personalGap.confidenceInterval.high).toBeCloseTo(0.7617636393, 9);
  });

  it('limits a date window by the local day in the user’s time zone', () => {
    // November in Berlin: t5 (30 Nov 23:30Z = 1 Dec 00:30 Berlin) is out; gaps 0, 0, .5, .5, 0
    // mean 0.2; s = √(0.3 / 4) = 0.2738612788; se = 0.1224744871; CI 0.2 ∓ 2.7764451052 · se
    const november = { from: '2026-11-01', to: '2026-11-30' };
    const berlin = report({ agentId: 'alice', window: november });
    expect(berlin.summary.n).toBe(5);
    if (berlin.summary.personalGap.status !== 'ok') throw new Error('expected a number');
    expect(berlin.summary.personalGap.mean).toBeCloseTo(0.2, 12);
    expect(berlin.summary.personalGap.confidenceInterval.low).toBeCloseTo(-0.1400436903, 9);
    expect(berlin.summary.personalGap.confidenceInterval.high).toBeCloseTo(0.5400436903, 9);
    // In UTC, t5 is still 30 November.
    expect(report({ agentId: 'alice', window: november, timeZone: 'UTC' }).summary.n).toBe(6);
  });

  it('uses the latest rating and the latest assessment version', () => {
    const rows = report({ agentId: 'alice' }).tickets;
    expect(rows.find((r) => r.ticketKey === key('2'))).toMatchObject({ actual: 1, gap: 0, actualSatisfied: true });
    expect(rows.find((r) => r.ticketKey === key('7'))).toMatchObject({
      predicted: 1,
      gap: 0,
      predictedSatisfied: true,
    });
    expect(rows.filter((r) => r.ticketKey === key('7'))).toHaveLength(1);
  });

  it('lists matched tickets newest first with their numbers, and the unmatched both ways', () => {
    const alice = report({ agentId: 'alice' });
    expect(alice.tickets.map((r) => r.ticketKey)).toEqual(['5', '7', '4', '3', '2', '1'].map(key));
    // t3: 4★ predicted (.75) vs 2★ (.25); standards speed 5, accuracy 5 → (2·1 + 1·1) / 3 = 1
    expect(alice.tickets[3]).toMatchObject({
      day: '2026-11-09',
      predicted: 0.75,
      actual: 0.25,
      gap: 0.5,
      standardsScore: 1,
    });
    // default scores 4, 4, 4 → 0.75 whatever the weights
    expect(alice.tickets[0]?.standardsScore).toBe(0.75);
    expect(alice.assessedWithoutCsat.map((a) => a.ticketKey)).toEqual([key('6')]);
    expect(alice.csatWithoutAssessment.map((r) => r.ticketKey)).toEqual([key('8')]);
    expect(alice.missingStandardSets).toEqual([]);
  });

  it('attributes pairs to the assessor and lone ratings to the rating’s agent, with coverage both ways', () => {
    // alice: matched 6, assessed-only t6, rated-only t8 (t10's rating names her, but bob assessed it)
    expect(report({ agentId: 'alice' }).coverage).toEqual({
      matched: 6,
      assessedOnly: 1,
      ratedOnly: 1,
      ratedAssessedShare: 6 / 7,
      assessedRatedShare: 6 / 7,
    });
    const bob = report({ agentId: 'bob' });
    expect(bob.tickets.map((r) => r.ticketKey)).toEqual([key('10')]);
    expect(bob.csatWithoutAssessment.map((r) => r.ticketKey)).toEqual([key('9')]);
    expect(bob.coverage).toMatchObject({
      matched: 1,
      assessedOnly: 0,
      ratedOnly: 1,
      ratedAssessedShare: 0.5,
      assessedRatedShare: 1,
    });
    expect(bob.missingStandardSets).toEqual(['test-set@7']);
    expect(bob.tickets[0]?.standardsScore).toBeNull();
    // Everyone: 7 matched tickets.
    expect(report().summary.n).toBe(7);
  });

  it('builds weekly and monthly series in the user’s zone, keeping empty weeks', () => {
    const alice = report({ agentId: 'alice' });
    // W45: t1, t2 · W46: t3 (9 Nov in Berlin), t4, t7 · W47, W48: none · W49: t5 (1 Dec in Berlin)
    expect(alice.weekly.map((b) => [b.key, b.n])).toEqual([
      ['2026-W45', 2],
      ['2026-W46', 3],
      ['2026-W47', 0],
      ['2026-W48', 0],
      ['2026-W49', 1],
    ]);
    expect(alice.weekly[0]?.range).toEqual({ start: '2026-11-01T23:00:00.000Z', end: '2026-11-08T23:00:00.000Z' });
    expect(alice.weekly[1]?.personalGap).toEqual({ status: 'not-enough-data', n: 3, minimum: 5 });
    expect(alice.monthly.map((b) => [b.key, b.n])).toEqual([
      ['2026-11', 5],
      ['2026-12', 1],
    ]);
    // November: gaps 0, 0, .5, .5, 0 → mean 0.2, as in the window test
    expect(alice.monthly[0]?.personalGap).toMatchObject({ status: 'ok', n: 5 });
    if (alice.monthly[0]?.personalGap.status === 'ok') expect(alice.monthly[0].personalGap.mean).toBeCloseTo(0.2, 12);
  });

  it('spans a window with buckets even where there is no data', () => {
    const weeks = report({ agentId: 'alice', window: { from: '2026-10-19', to: '2026-11-08' } }).weekly;
    expect(weeks.map((b) => [b.key, b.n])).toEqual([
      ['2026-W43', 0],
      ['2026-W44', 0],
      ['2026-W45', 2],
    ]);
  });

  it('reports nothing as numbers for no data', () => {
    const empty = computeGapReport({ assessments: [], ratings: [], standardSets, timeZone: 'UTC' });
    expect(empty.summary).toEqual({
      n: 0,
      personalGap: { status: 'not-enough-data', n: 0, minimum: 5 },
      calibration: { status: 'not-enough-data', n: 0, minimum: 5 },
      topRated: { status: 'not-enough-data', n: 0, minimum: 5 },
    });
    expect(empty.blindSpots).toEqual([]);
    expect(empty.weekly).toEqual([]);
    expect(empty.monthly).toEqual([]);
    expect(empty.coverage).toMatchObject({ ratedAssessedShare: null, assessedRatedShare: null });
  });

  it('handles one ticket whose standards are all N/A', () => {
    const one = computeGapReport({
      assessments: [assessment('1', { scores: { speed: 'na', accuracy: 'na', tone: 'na' } })],
      ratings: [rating('1', BAD)],
      standardSets,
      timeZone: 'UTC',
    });
    expect(one.summary.personalGap).toEqual({ status: 'not-enough-data', n: 1, minimum: 5 });
    expect(one.tickets[0]).toMatchObject({ gap: 1, standardsScore: null });
    expect(one.blindSpots).toEqual([]);
    expect(one.weekly.map((b) => b.key)).toEqual(['2026-W47']);
  });

  it('refuses an unknown time zone and a reversed window', () => {
    expect(() => report({ timeZone: 'Europe/Atlantis' })).toThrow(/Unknown time zone/);
    expect(() => report({ window: { from: '2026-12-01', to: '2026-11-01' } })).toThrow(/after it ends/);
  });
});

describe('gapSeries', () => {
  it('gives each bucket the personal gap of its pairs once it has five', () => {
    // five pairs in W47 of 2026 (16 Nov, the builders' default), each 1 − 0.5 = 0.5 → mean 0.5, s = 0
    const pairs = ['1', '2', '3', '4', '5'].map((id) => pair(id, GOOD, stars(3)));
    const [week] = gapSeries(pairs, { granularity: 'week', timeZone: 'UTC' });
    expect(week).toMatchObject({
      key: '2026-W47',
      n: 5,
      personalGap: { status: 'ok', mean: 0.5, standardDeviation: 0 },
    });
  });
});
