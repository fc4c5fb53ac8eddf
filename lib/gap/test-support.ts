/**
 * Record builders for the lib/gap tests (imported only by *.test.ts). Values come from the real
 * scale tables, so a test reads like the data the adapters produce.
 */
import { FIVE_POINT_SCALE, GOOD_BAD_SCALE, scaleValue, type CsatScale } from '../helpdesks/shared/scales';
import { ticketKey, type CsatRating, type CsatValue, type ScaledValue, type SelfAssessment, type StandardScore, type StandardSet } from '../model';
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
export function pair(ticketId: string, predicted: ScaledValue, actual: ScaledValue, options: AssessmentOptions = {}): MatchedTicket {
  const a = assessment(ticketId, { ...options, predicted });
  return { ticketKey: a.ticketKey, assessment: a, rating: rating(ticketId, actual) };
}
