import { describe, expect, it } from 'vitest';
import { fixture, FIVE_POINT_EXPECTATIONS } from '../shared/test-fixtures';
import { draftFromGorgiasSurvey } from './csat';
import { gorgiasSatisfactionSurveySchema, type GorgiasSatisfactionSurvey } from './schemas';

/** The documented SatisfactionSurvey object (developers.gorgias.com), parsed as the API client parses it. */
const documented = (): GorgiasSatisfactionSurvey =>
  gorgiasSatisfactionSurveySchema.parse(fixture('gorgias', 'gorgias-satisfaction-survey-object-docs-example.json'));
const withScore = (score: number | null): GorgiasSatisfactionSurvey => ({ ...documented(), score });
const nobody = () => null;

describe('Gorgias CSAT normalization (DESIGN.md §4: (score − 1) / 4, satisfied from 4)', () => {
  it.each(FIVE_POINT_EXPECTATIONS)('score %d → %f, satisfied %s', (score, normalized, satisfied) => {
    expect(draftFromGorgiasSurvey(withScore(score), nobody)?.rating).toEqual({
      scale: 'five-point',
      value: score,
      normalized,
      satisfied,
    });
  });

  it.each([
    ['a null score (sent but unanswered, or not sent yet)', null],
    ['a score outside 1–5', 0],
    ['a score outside 1–5', 6],
  ])('skips %s', (_label, score) => {
    expect(draftFromGorgiasSurvey(withScore(score), nobody)).toBeNull();
  });

  it('reads the documented object: body_text as the comment, scored_datetime as when, UTC without a zone', () => {
    expect(draftFromGorgiasSurvey(documented(), (ticketId) => (ticketId === '12' ? '77' : null))).toEqual({
      sourceId: '1234',
      source: 'satisfaction-surveys',
      ticketId: '12',
      rating: { scale: 'five-point', value: 2, normalized: 0.25, satisfied: false },
      comment: 'Such speed, much pertinent.',
      agentId: '77',
      createdAt: '2019-11-25T15:59:41.967Z',
      updatedAt: '2019-11-25T15:59:41.967Z',
    });
  });

  it('falls back to created_datetime when a scored survey has no scored_datetime, and to no agent', () => {
    const draft = draftFromGorgiasSurvey({ ...documented(), scored_datetime: null, body_text: '  ' }, nobody);
    expect(draft).toMatchObject({ createdAt: '2019-11-16T15:59:41.967Z', agentId: null, comment: null });
  });
});
