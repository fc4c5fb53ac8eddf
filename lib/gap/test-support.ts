/**
 * Record builders for the lib/gap tests (imported only by *.test.ts). Values come from the real
 * scale tables, so a test reads like the data the adapters produce.
 */
import fc from 'fast-check';
import { CSAT_SCALES, FIVE_POINT_SCALE, GOOD_BAD_SCALE, scaleValue } from '../helpdesks/shared/scales';
import {
  ticketKey,
  type CsatRating,
  type CsatScale,
  type CsatValue,
  type ScaledValue,
  type SelfAssessment,
  type StandardScore,
  type StandardSet,
} from '../model';
import type { AgentFilter } from './attribution';
import { shiftDay, type DateWindow } from './calendar';
import type { MatchedTicket } from './match';

export const ORIGIN = 'https://acme.zendesk.com';

/** A value on a scale; throws on a value the scale does not have, so a typo fails the test. */
export function on(scale: CsatScale, value: CsatValue): ScaledValue {
  const scaled = scaleValue(scale, value);
  if (!scaled) throw new Error(`${String(value)} is not on ${scale.id}`);
  return scaled;
}

export const stars = (value: 1 | 2 | 3 | 4 | 5) => on(FIVE_POINT_SCALE, value);
export const GOOD = on(GOOD_BAD_SCALE, 'good');
export const BAD = on(GOOD_BAD_SCALE, 'bad');

/**
 * Test standards, version 1: `speed` weight 2, `accuracy` weight 1, `tone` weight 1 (may be N/A).
 * Version 2 changes the weights to 1 / 3 / 1 and renames `tone`'s title, so tests can tell which
 * version was used.
 */
export const TEST_SET_V1: StandardSet = {
  id: 'test-set',
  name: 'Test standards',
  version: 1,
  publishedAt: '2026-01-01T00:00:00.000Z',
  standards: [
    { id: 'speed', title: 'Speed', description: 'Fast.', factor: 'practices', weight: 2, allowNa: false },
    { id: 'accuracy', title: 'Accuracy', description: 'Right.', factor: 'practices', weight: 1, allowNa: false },
    { id: 'tone', title: 'Tone', description: 'Kind.', factor: 'people', weight: 1, allowNa: true },
  ],
};

export const TEST_SET_V2: StandardSet = {
  ...TEST_SET_V1,
  version: 2,
  publishedAt: '2026-06-01T00:00:00.000Z',
  standards: [
    { id: 'speed', title: 'Speed', description: 'Fast.', factor: 'practices', weight: 1, allowNa: false },
    { id: 'accuracy', title: 'Accuracy', description: 'Right.', factor: 'practices', weight: 3, allowNa: false },
    { id: 'tone', title: 'Warm tone', description: 'Kind.', factor: 'people', weight: 1, allowNa: true },
  ],
};

export interface AssessmentOptions {
  agentId?: string | null;
  predicted?: ScaledValue;
  scores?: Record<string, StandardScore>;
  createdAt?: string;
  updatedAt?: string;
  standardSetVersion?: number;
  standardSetId?: string;
  origin?: string;
}

export function assessment(ticketId: string, options: AssessmentOptions = {}): SelfAssessment {
  const origin = options.origin ?? ORIGIN;
  const createdAt = options.createdAt ?? '2026-11-16T10:00:00.000Z';
  return {
    ticketKey: ticketKey(origin, ticketId),
    ticket: { kind: 'zendesk', origin, ticketId },
    agentId: options.agentId === undefined ? 'agent-1' : options.agentId,
    standardSetId: options.standardSetId ?? TEST_SET_V1.id,
    standardSetVersion: options.standardSetVersion ?? 1,
    scores: options.scores ?? { speed: 4, accuracy: 4, tone: 4 },
    predictedCsat: options.predicted ?? GOOD,
    notes: { gotInTheWay: '', worked: '' },
    createdAt,
    updatedAt: options.updatedAt ?? createdAt,
  };
}

export interface RatingOptions {
  agentId?: string | null;
  createdAt?: string;
  updatedAt?: string;
  sourceId?: string;
  origin?: string;
}

export function rating(ticketId: string, value: ScaledValue, options: RatingOptions = {}): CsatRating {
  const origin = options.origin ?? ORIGIN;
  const sourceId = options.sourceId ?? `r${ticketId}`;
  const createdAt = options.createdAt ?? '2026-11-17T10:00:00.000Z';
  return {
    id: `conn:${sourceId}`,
    connectionId: 'conn',
    sourceId,
    source: 'satisfaction_ratings',
    kind: 'zendesk',
    origin,
    ticketId,
    ticketKey: ticketKey(origin, ticketId),
    rating: value,
    comment: null,
    agentId: options.agentId === undefined ? 'agent-1' : options.agentId,
    createdAt,
    updatedAt: options.updatedAt ?? createdAt,
    syncedAt: options.updatedAt ?? createdAt,
  };
}

/** A matched pair of the two builders above, for the metric functions that take pairs. */
export function pair(
  ticketId: string,
  predicted: ScaledValue,
  actual: ScaledValue,
  options: AssessmentOptions = {},
): MatchedTicket {
  const a = assessment(ticketId, { ...options, predicted });
  return { ticketKey: a.ticketKey, assessment: a, rating: rating(ticketId, actual) };
}

// ---- fast-check arbitraries ------------------------------------------------------------------

/** A few tickets and agents, so random records collide: re-ratings, edits, matches and misses. */
const TICKET_IDS = Array.from({ length: 16 }, (_, i) => String(i + 1));
/** Mostly alice, so one agent's sample often reaches the minimum. */
const AGENTS = ['alice', 'alice', 'alice', 'bob', null] as const;
const FIRST_INSTANT = Date.parse('2026-10-25T00:00:00.000Z');
const LAST_INSTANT = Date.parse('2027-01-10T00:00:00.000Z');
const THREE_DAYS = 3 * 24 * 3600 * 1000;

/** Zones with whole, half-hour and 45-minute offsets, both hemispheres' DST. */
export const timeZoneArb = fc.constantFrom(
  'UTC',
  'Europe/Berlin',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Pacific/Chatham',
);

/** Every answer of every supported CSAT scale. */
export const scaledValueArb = fc.constantFrom(
  ...CSAT_SCALES.flatMap((scale) => scale.points.map((point) => on(scale, point.value))),
);

/** Two thirds of the instants in one busy week (W47 of 2026 in every test zone), the rest over eleven weeks. */
const instantArb = fc
  .oneof(
    {
      weight: 2,
      arbitrary: fc.integer({
        min: Date.parse('2026-11-16T12:00:00.000Z'),
        max: Date.parse('2026-11-21T12:00:00.000Z'),
      }),
    },
    { weight: 1, arbitrary: fc.integer({ min: FIRST_INSTANT, max: LAST_INSTANT }) },
  )
  .map((ms) => new Date(ms).toISOString());
const laterArb = (instant: string) =>
  fc.integer({ min: 0, max: THREE_DAYS }).map((delay) => new Date(Date.parse(instant) + delay).toISOString());
const scoreArb = fc.constantFrom<StandardScore>(1, 2, 3, 4, 5, 'na');
const topScoreArb = fc.constantFrom<StandardScore>(5, 5, 'na');
/** Random scores, and often all 5s (or N/A), so "how your 5s fared" reaches its minimum sample. */
const scoresArb = fc.oneof(
  { weight: 1, arbitrary: fc.record({ speed: scoreArb, accuracy: scoreArb, tone: scoreArb }, { requiredKeys: [] }) },
  {
    weight: 2,
    arbitrary: fc.record({ speed: topScoreArb, accuracy: topScoreArb, tone: topScoreArb }, { requiredKeys: ['speed'] }),
  },
);

export const assessmentArb: fc.Arbitrary<SelfAssessment> = fc
  .record({
    ticketId: fc.constantFrom(...TICKET_IDS),
    agentId: fc.constantFrom(...AGENTS),
    predicted: scaledValueArb,
    scores: scoresArb,
    standardSetVersion: fc.constantFrom(1, 2),
    createdAt: instantArb,
  })
  .chain((a) =>
    laterArb(a.createdAt).map((updatedAt) =>
      assessment(a.ticketId, { ...a, scores: a.scores as Record<string, StandardScore>, updatedAt }),
    ),
  );

export const ratingArb: fc.Arbitrary<CsatRating> = fc
  .record({
    ticketId: fc.constantFrom(...TICKET_IDS),
    agentId: fc.constantFrom(...AGENTS),
    value: scaledValueArb,
    sourceId: fc.constantFrom('a', 'b'),
    createdAt: instantArb,
  })
  .chain((r) =>
    laterArb(r.createdAt).map((updatedAt) =>
      rating(r.ticketId, r.value, {
        agentId: r.agentId,
        sourceId: `${r.ticketId}-${r.sourceId}`,
        createdAt: r.createdAt,
        updatedAt,
      }),
    ),
  );

/** Up to 40 of each; `size: 'max'` because fast-check's default keeps arrays near 10 long, and the
 * interesting cases (≥ 5 matched tickets for one agent in one week) need more. */
export const recordsArb = fc.record({
  assessments: fc.array(assessmentArb, { maxLength: 40, size: 'max' }),
  ratings: fc.array(ratingArb, { maxLength: 40, size: 'max' }),
});

export const agentFilterArb: fc.Arbitrary<AgentFilter> = fc.constantFrom<AgentFilter>(
  undefined,
  'alice',
  'bob',
  null,
  ['alice', null],
  ['alice', 'bob'],
);

const dayArb = fc.integer({ min: -3, max: 80 }).map((offset) => shiftDay('2026-10-25', offset));
export const windowArb: fc.Arbitrary<DateWindow | undefined> = fc.option(
  fc.tuple(dayArb, dayArb).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
  { nil: undefined },
);
