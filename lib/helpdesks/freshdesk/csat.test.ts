import { describe, expect, it } from 'vitest';
import { fixture } from '../shared/test-fixtures';
import { draftFromFreshdeskRating } from './csat';
import { freshdeskSatisfactionRatingsSchema, type FreshdeskSatisfactionRating } from './schemas';

const documented = () =>
  freshdeskSatisfactionRatingsSchema.parse(
    fixture('freshdesk', 'freshdesk-satisfaction_ratings-list-docs-example.json'),
  );
const withDefault = (value: number | null | undefined): FreshdeskSatisfactionRating => {
  const base = documented()[1]!;
  return { ...base, ratings: value === undefined ? { question_2: 103 } : { default_question: value } };
};

describe('Freshdesk CSAT normalization (DESIGN.md §4: s = v − 100 or v + 100, (s + 3) / 6)', () => {
  it.each([
    [103, 1, true],
    [102, 5 / 6, true],
    [101, 4 / 6, true],
    [100, 3 / 6, false],
    [-101, 2 / 6, false],
    [-102, 1 / 6, false],
    [-103, 0, false],
  ])('%d → %f, satisfied %s', (value, normalized, satisfied) => {
    const rating = draftFromFreshdeskRating(withDefault(value))?.rating;
    expect(rating).toMatchObject({ scale: 'freshdesk-points', value, satisfied });
    expect(rating?.normalized).toBeCloseTo(normalized, 12);
  });

  it.each([
    [1, 1, true],
    [2, 0.5, false],
    [3, 0, false],
  ])('legacy %d → %f, satisfied %s', (value, normalized, satisfied) => {
    expect(draftFromFreshdeskRating(withDefault(value))?.rating).toEqual({
      scale: 'freshdesk-legacy',
      value,
      normalized,
      satisfied,
    });
  });

  it.each([
    ['no default_question (only custom questions)', undefined],
    ['a null answer', null],
    ['a code on no scale', 104],
  ])('drops %s', (_label, value) => {
    expect(draftFromFreshdeskRating(withDefault(value))).toBeNull();
  });

  it('reads the documented list: default_question only, agent_id as the agent, feedback as the comment', () => {
    expect(documented().map(draftFromFreshdeskRating)).toEqual([
      {
        sourceId: '102',
        source: 'satisfaction_ratings',
        ticketId: '432',
        rating: { scale: 'freshdesk-points', value: 103, normalized: 1, satisfied: true },
        comment: 'Thank you for the quick action',
        agentId: '1',
        createdAt: '2015-08-28T09:08:16.000Z',
        updatedAt: '2015-08-28T09:08:16.000Z',
      },
      {
        sourceId: '112',
        source: 'satisfaction_ratings',
        ticketId: '432',
        rating: { scale: 'freshdesk-points', value: 101, normalized: 4 / 6, satisfied: true },
        comment: 'Thank you for the support',
        agentId: '1',
        createdAt: '2015-08-28T10:08:16.000Z',
        updatedAt: '2015-08-28T11:08:16.000Z',
      },
    ]);
  });

  it('keeps a rating whose agent_id is null, without an agent', () => {
    expect(draftFromFreshdeskRating({ ...documented()[0]!, agent_id: null })?.agentId).toBeNull();
  });
});

describe('comments', () => {
  it('are cut to the length the model stores, and a blank one is none', () => {
    const long = 'x'.repeat(12_000);
    expect(draftFromFreshdeskRating({ ...documented()[0]!, feedback: long })?.comment).toHaveLength(10_000);
    expect(draftFromFreshdeskRating({ ...documented()[0]!, feedback: '   ' })?.comment).toBeNull();
  });
});
