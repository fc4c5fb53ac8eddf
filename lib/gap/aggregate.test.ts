import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRESHDESK_POINTS_SCALE } from '../helpdesks/shared/scales';
import type { CsatRating, SelfAssessment } from '../model';
import {
  aggregateCellKey,
  buildAggregate,
  emptyAggregate,
  foldIn,
  foldOut,
  replaceTicket,
  reportFromAggregate,
  type Aggregate,
} from './aggregate';
import type { AgentFilter } from './attribution';
import type { DateWindow } from './calendar';
import { ticketEntries, type TicketEntry } from './match';
import { computeGapReport, type GapMetrics } from './report';
import { standardSetLookup } from './standards-score';
import {
  agentFilterArb,
  assessment,
  assessmentArb,
  BAD,
  GOOD,
  on,
  rating,
  ratingArb,
  stars,
  TEST_SET_V1,
  TEST_SET_V2,
  timeZoneArb,
  windowArb,
} from './test-support';

const standardSets = standardSetLookup([TEST_SET_V1, TEST_SET_V2]);

/** The one entry of a ticket, as the database would assemble it from its records. */
const entryOf = (assessments: readonly SelfAssessment[], ratings: readonly CsatRating[]): TicketEntry =>
  ticketEntries(assessments, ratings)[0]!;

/**
 * Deep equality where numbers may differ by `tolerance` (the sums are added in a different order
 * in an aggregate than in a direct computation); everything else — keys, statuses, counts,
 * order of lists — must be identical.
 */
function expectClose(actual: unknown, expected: unknown, tolerance = 1e-9, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > tolerance) throw new Error(`${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      throw new Error(`${path}: length ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    expected.forEach((item, index) => expectClose(actual[index], item, tolerance, `${path}[${index}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object')
      throw new Error(`${path}: ${JSON.stringify(actual)} is not an object`);
    const keys = Object.keys(expected).sort();
    expect(Object.keys(actual).sort(), path).toEqual(keys);
    for (const key of keys)
      expectClose(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        tolerance,
        `${path}.${key}`,
      );
    return;
  }
  expect(actual, path).toEqual(expected);
}

function metricsOf(report: GapMetrics): GapMetrics {
  const { summary, blindSpots, coverage, weekly, monthly } = report;
  return { summary, blindSpots, coverage, weekly, monthly };
}

describe('aggregate bookkeeping', () => {
  const matched = entryOf(
    [assessment('1', { predicted: stars(4), scores: { speed: 5, accuracy: 'na' }, agentId: 'alice' })],
    [rating('1', stars(2))],
  );

  it('folds a matched ticket into one cell at its agent and local day, with its sums', () => {
    // predicted 4★ = .75, actual 2★ = .25: gap .5, gap² .25; predicted satisfied, actual not:
    // no agreement, one overestimate; Brier (.75 − 0)² = .5625; speed 5 → 1 on an unhappy ticket.
    const aggregate = foldIn(emptyAggregate('Europe/Berlin'), matched);
    expect(Object.keys(aggregate.cells)).toEqual([aggregateCellKey('alice', '2026-11-16')]);
    expect(Object.values(aggregate.cells)[0]).toEqual({
      agentId: 'alice',
      day: '2026-11-16',
      matched: 1,
      assessedOnly: 0,
      ratedOnly: 0,
      predictedSum: 0.75,
      actualSum: 0.25,
      gapSum: 0.5,
      gapSquareSum: 0.25,
      agreeing: 0,
      overestimated: 1,
      brierSum: 0.5625,
      topRated: 1,
      topRatedSatisfied: 0,
      standards: { 'test-set/speed': { happyN: 0, happySum: 0, unhappyN: 1, unhappySum: 1 } },
    });
  });

  it('is empty again after folding the same ticket out, and does not change its input', () => {
    const empty = emptyAggregate('UTC');
    const withTicket = foldIn(empty, matched);
    expect(empty.cells).toEqual({});
    expect(foldOut(withTicket, matched).cells).toEqual({});
    expect(Object.keys(withTicket.cells)).toHaveLength(1);
  });

  it('drops a standard from a cell when its last score is folded out, and zeroes the sums of emptied counts', () => {
    // Same agent and day: tickets 1 and 3 are matched, only ticket 1 scores tone; ticket 2 is only
    // assessed, so the cell survives 1 and 3 leaving. Their verdicts 5/6 and 0.5 do not cancel
    // exactly in floating point: (0 + 5/6 + 0.5) − 5/6 − 0.5 = 1.1e-16, which must not remain.
    const one = entryOf(
      [assessment('1', { scores: { tone: 4 }, predicted: GOOD })],
      [rating('1', on(FRESHDESK_POINTS_SCALE, 102))],
    );
    const two = entryOf([assessment('2', { scores: { speed: 3 } })], []);
    const three = entryOf([assessment('3', { scores: { speed: 3 } })], [rating('3', stars(3))]);
    const aggregate = [one, three].reduce(foldOut, [two, one, three].reduce(foldIn, emptyAggregate('UTC')));
    const [cell] = Object.values(aggregate.cells);
    expect(cell).toMatchObject({
      matched: 0,
      assessedOnly: 1,
      predictedSum: 0,
      actualSum: 0,
      gapSum: 0,
      gapSquareSum: 0,
      brierSum: 0,
    });
    expect(cell?.standards).toEqual({});
  });

  it('refuses to fold out a ticket that was never folded in', () => {
    expect(() => foldOut(emptyAggregate('UTC'), matched)).toThrow(/never folded in/);
  });

  it('moves a ticket from "assessed only" to "matched" when its rating arrives', () => {
    const before = entryOf([assessment('2')], []);
    const after = entryOf([assessment('2')], [rating('2', GOOD)]);
    const aggregate = replaceTicket(foldIn(emptyAggregate('UTC'), before), before, after);
    expect(Object.values(aggregate.cells)[0]).toMatchObject({ matched: 1, assessedOnly: 0, ratedOnly: 0 });
  });

  it('survives a JSON round trip (it is stored as plain data)', () => {
    const entries = ticketEntries(
      ['1', '2', '3', '4', '5', '6'].map((id) => assessment(id, { createdAt: `2026-11-1${id}T08:00:00.000Z` })),
      ['1', '2', '3', '4', '5', '7'].map((id) => rating(id, Number(id) % 2 ? GOOD : BAD)),
    );
    const aggregate = buildAggregate(entries, 'UTC');
    const stored = JSON.parse(JSON.stringify(aggregate)) as Aggregate;
    expect(reportFromAggregate(stored, { standardSets })).toEqual(reportFromAggregate(aggregate, { standardSets }));
  });
});

describe('aggregate equals recomputation (property)', () => {
  type Change = { op: 'add' | 'remove'; kind: 'assessment' | 'rating'; index: number };
  const scenario = fc.record({
    assessments: fc.array(assessmentArb, { minLength: 5, maxLength: 40, size: 'max' }),
    ratings: fc.array(ratingArb, { minLength: 5, maxLength: 40, size: 'max' }),
    changes: fc.array(
      fc.record({
        op: fc.constantFrom<'add' | 'remove'>('add', 'add', 'remove'),
        kind: fc.constantFrom<'assessment' | 'rating'>('assessment', 'rating'),
        index: fc.nat(39),
      }),
      { maxLength: 120, size: 'max' },
    ),
    timeZone: timeZoneArb,
    queries: fc.array(fc.record({ agentId: agentFilterArb, window: windowArb }), { minLength: 1, maxLength: 3 }),
  });

  /**
   * Plays records arriving and disappearing in a random order, as the database would see them:
   * before each change, the ticket's entry is read from the records present; after it, again; the
   * aggregate replaces the one by the other. At the end, every query against the aggregate must
   * give the numbers `computeGapReport` gives over the records that are present.
   */
  it('folding in any order, with removals and re-additions, gives the report of the raw records', () => {
    // How often the interesting branches were reached, so the property cannot pass vacuously.
    const reached = { personalGap: 0, bucketGap: 0, calibration: 0, topRated: 0, flaggedBlindSpot: 0, window: 0 };
    fc.assert(
      fc.property(scenario, ({ assessments, ratings, changes, timeZone, queries }) => {
        const present = { assessment: new Set<number>(), rating: new Set<number>() };
        const records = () => ({
          assessments: assessments.filter((_, i) => present.assessment.has(i)),
          ratings: ratings.filter((_, i) => present.rating.has(i)),
        });
        const entryFor = (ticketKey: string): TicketEntry | null => {
          const { assessments: a, ratings: r } = records();
          return (
            ticketEntries(
              a.filter((x) => x.ticketKey === ticketKey),
              r.filter((x) => x.ticketKey === ticketKey),
            )[0] ?? null
          );
        };

        let aggregate = emptyAggregate(timeZone);
        const play = (change: Change) => {
          const pool = change.kind === 'assessment' ? assessments : ratings;
          const record = pool[change.index];
          if (!record) return;
          const set = present[change.kind];
          if (change.op === 'add' ? set.has(change.index) : !set.has(change.index)) return;
          const before = entryFor(record.ticketKey);
          if (change.op === 'add') set.add(change.index);
          else set.delete(change.index);
          aggregate = replaceTicket(aggregate, before, entryFor(record.ticketKey));
        };
        changes.forEach(play);
        // Then everything arrives (already-present records are skipped), in reverse order.
        [...assessments.keys()].reverse().forEach((index) => play({ op: 'add', kind: 'assessment', index }));
        [...ratings.keys()].reverse().forEach((index) => play({ op: 'add', kind: 'rating', index }));

        const all = records();
        const rebuilt = buildAggregate(ticketEntries(all.assessments, all.ratings).reverse(), timeZone);
        for (const { agentId, window } of queries as { agentId: AgentFilter; window: DateWindow | undefined }[]) {
          const direct = metricsOf(computeGapReport({ ...all, standardSets, timeZone, agentId, window }));
          if (direct.summary.personalGap.status === 'ok') reached.personalGap++;
          if (direct.weekly.some((bucket) => bucket.personalGap.status === 'ok')) reached.bucketGap++;
          if (direct.summary.calibration.status === 'ok') reached.calibration++;
          if (direct.summary.topRated.status === 'ok') reached.topRated++;
          if (direct.blindSpots.some((spot) => spot.flagged)) reached.flaggedBlindSpot++;
          if (window && direct.summary.n > 0) reached.window++;
          expectClose(reportFromAggregate(aggregate, { agentId, window, standardSets }), direct);
          expectClose(reportFromAggregate(rebuilt, { agentId, window, standardSets }), direct);
        }
      }),
      { numRuns: 150 },
    );
    for (const [branch, count] of Object.entries(reached)) expect(count, branch).toBeGreaterThan(0);
  });

  it('folding everything out again leaves an empty aggregate', () => {
    fc.assert(
      fc.property(
        fc.array(assessmentArb, { maxLength: 25 }),
        fc.array(ratingArb, { maxLength: 25 }),
        timeZoneArb,
        (assessments, ratings, timeZone) => {
          const entries = ticketEntries(assessments, ratings);
          const full = buildAggregate(entries, timeZone);
          expect(entries.reduce(foldOut, full).cells).toEqual({});
        },
      ),
    );
  });
});
