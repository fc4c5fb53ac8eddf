import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchTickets } from './match';
import { computeGapReport } from './report';
import { ticketGap } from './ticket-gap';
import {
  agentFilterArb,
  assessment,
  rating,
  recordsArb,
  scaledValueArb,
  TEST_SET_V1,
  TEST_SET_V2,
  timeZoneArb,
  windowArb,
} from './test-support';

const standardSets = [TEST_SET_V1, TEST_SET_V2];

describe('properties of the metrics', () => {
  it('a ticket gap lies in [−1, 1] for any prediction and verdict on any scale', () => {
    fc.assert(
      fc.property(scaledValueArb, scaledValueArb, (predicted, actual) => {
        const a = assessment('1', { predicted });
        const gap = ticketGap({ ticketKey: a.ticketKey, assessment: a, rating: rating('1', actual) });
        expect(gap).toBeGreaterThanOrEqual(-1);
        expect(gap).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('every confidence interval contains its mean, which equals predicted mean − actual mean', () => {
    fc.assert(
      fc.property(recordsArb, timeZoneArb, agentFilterArb, (records, timeZone, agentId) => {
        const report = computeGapReport({ ...records, standardSets, timeZone, agentId });
        for (const { personalGap } of [report.summary, ...report.weekly, ...report.monthly]) {
          if (personalGap.status !== 'ok') continue;
          expect(personalGap.confidenceInterval.low).toBeLessThanOrEqual(personalGap.mean);
          expect(personalGap.confidenceInterval.high).toBeGreaterThanOrEqual(personalGap.mean);
          expect(personalGap.confidenceInterval.low).toBeGreaterThanOrEqual(-1);
          expect(personalGap.confidenceInterval.high).toBeLessThanOrEqual(1);
          expect(Math.abs(personalGap.mean - (personalGap.predictedMean - personalGap.actualMean))).toBeLessThan(1e-12);
        }
      }),
    );
  });

  it('the report does not depend on the order of the records', () => {
    const shuffled = recordsArb.chain((records) =>
      fc.record({
        records: fc.constant(records),
        assessments: fc.shuffledSubarray(records.assessments, { minLength: records.assessments.length }),
        ratings: fc.shuffledSubarray(records.ratings, { minLength: records.ratings.length }),
      }),
    );
    fc.assert(
      fc.property(
        shuffled,
        timeZoneArb,
        agentFilterArb,
        windowArb,
        ({ records, assessments, ratings }, timeZone, agentId, window) => {
          const inOrder = computeGapReport({ ...records, standardSets, timeZone, agentId, window });
          const reordered = computeGapReport({ assessments, ratings, standardSets, timeZone, agentId, window });
          expect(reordered).toEqual(inOrder);
        },
      ),
    );
  });

  it('with duplicate ratings per ticket, the verdict is always the one with the greatest updatedAt', () => {
    fc.assert(
      fc.property(recordsArb, ({ assessments, ratings }) => {
        for (const { rating: verdict } of matchTickets(assessments, ratings).matched) {
          for (const other of ratings.filter((r) => r.ticketKey === verdict.ticketKey)) {
            expect(Date.parse(other.updatedAt)).toBeLessThanOrEqual(Date.parse(verdict.updatedAt));
          }
        }
      }),
    );
  });

  it('every matched ticket is counted once and the counts add up', () => {
    fc.assert(
      fc.property(recordsArb, timeZoneArb, ({ assessments, ratings }, timeZone) => {
        const report = computeGapReport({ assessments, ratings, standardSets, timeZone });
        const assessed = new Set(assessments.map((a) => a.ticketKey));
        const rated = new Set(ratings.map((r) => r.ticketKey));
        const both = [...assessed].filter((key) => rated.has(key));
        expect(report.summary.n).toBe(both.length);
        expect(report.coverage.assessedOnly).toBe(assessed.size - both.length);
        expect(report.coverage.ratedOnly).toBe(rated.size - both.length);
        expect(report.weekly.reduce((sum, bucket) => sum + bucket.n, 0)).toBe(both.length);
        expect(report.monthly.reduce((sum, bucket) => sum + bucket.n, 0)).toBe(both.length);
      }),
    );
  });
});
