import { describe, expect, it } from 'vitest';
import { clone, fixture } from '../shared/test-fixtures';
import { draftFromSatisfactionRating, draftFromSurveyResponse, draftFromTicket } from './csat';
import { zendeskSatisfactionRatingSchema, zendeskSurveyResponsesPageSchema, zendeskTicketSchema } from './schemas';

const ratingFixture = () =>
  zendeskSatisfactionRatingSchema.parse(fixture('zendesk', 'zendesk-satisfaction_rating-object-docs-example.json'));
const surveyFixture = () =>
  fixture<{ survey_responses: unknown[] }>('zendesk', 'zendesk-csat-survey_responses-list-docs-example.json');

describe('Zendesk legacy CSAT normalization (DESIGN.md §4: good/bad → 1/0)', () => {
  it.each([
    ['good', 1, true],
    ['bad', 0, false],
  ] as const)('%s → %d, satisfied %s', (score, normalized, satisfied) => {
    const draft = draftFromSatisfactionRating({ ...ratingFixture(), score });
    expect(draft?.rating).toEqual({ scale: 'good-bad', value: score, normalized, satisfied });
  });

  it.each(['offered', 'unoffered', 'unknown', ''])('%j is not a rating and is dropped', (score) => {
    expect(draftFromSatisfactionRating({ ...ratingFixture(), score })).toBeNull();
  });

  it('keeps ids, ticket, agent at the time of rating and times from the documented object', () => {
    expect(draftFromSatisfactionRating(ratingFixture())).toEqual({
      sourceId: '35436',
      source: 'satisfaction_ratings',
      ticketId: '208',
      rating: { scale: 'good-bad', value: 'good', normalized: 1, satisfied: true },
      comment: null,
      agentId: '135',
      createdAt: '2011-07-20T22:55:29.000Z',
      updatedAt: '2011-07-20T22:55:29.000Z',
    });
  });

  it('reads every rating of every list fixture as good = 1', () => {
    for (const name of [
      'zendesk-satisfaction_ratings-list-docs-example.json',
      'zendesk-satisfaction_ratings-cursor-page1-reconstructed.json',
      'zendesk-satisfaction_ratings-offset-page1-reconstructed.json',
    ]) {
      const { satisfaction_ratings } = fixture<{ satisfaction_ratings: unknown[] }>('zendesk', name);
      const drafts = satisfaction_ratings.map((item) =>
        draftFromSatisfactionRating(zendeskSatisfactionRatingSchema.parse(item)),
      );
      expect(drafts.map((draft) => [draft?.ticketId, draft?.rating.normalized, draft?.comment])).toEqual([
        ['208', 1, 'Awesome support!'],
        ['209', 1, 'Awesome support!'],
      ]);
    }
  });
});

describe('the rating embedded in a ticket (agent path)', () => {
  const ticket = () => zendeskTicketSchema.parse(fixture('zendesk', 'zendesk-ticket-object-docs-example.json'));

  it('reads the documented ticket: same rating id as the list, the ticket’s assignee, its updated_at', () => {
    expect(draftFromTicket(ticket())).toEqual({
      sourceId: '1234',
      source: 'ticket',
      ticketId: '35436',
      rating: { scale: 'good-bad', value: 'good', normalized: 1, satisfied: true },
      comment: 'Great support!',
      agentId: '235323',
      createdAt: '2011-05-05T10:38:52.000Z',
      updatedAt: '2011-05-05T10:38:52.000Z',
    });
  });

  it.each([
    ['null (plan without CSAT)', null],
    ['offered', { score: 'offered' }],
    ['unoffered', { score: 'unoffered' }],
    ['the bare state string', 'offered'],
  ])('drops %s', (_label, satisfaction_rating) => {
    expect(draftFromTicket({ ...ticket(), satisfaction_rating })).toBeNull();
  });

  it('drops the recorded tickets, whose satisfaction_rating is null', () => {
    const { tickets } = fixture<{ tickets: unknown[] }>(
      'zendesk',
      'zendesk-tickets-offset-show_many-zenpy-fixture.json',
    );
    expect(tickets.map((item) => draftFromTicket(zendeskTicketSchema.parse(item)))).toEqual([null]);
  });
});

describe('Zendesk new CSAT (survey_responses): (rating − min) / (max − min), satisfied = rating_category good', () => {
  const response = (rating: number | undefined, category: string | undefined, type = 'rating_scale') => {
    const page = clone(surveyFixture()) as { survey_responses: { answers: Record<string, unknown>[] }[] };
    const answer = page.survey_responses[0]!.answers[0]!;
    answer.type = type;
    if (rating === undefined) delete answer.rating;
    else answer.rating = rating;
    if (category === undefined) delete answer.rating_category;
    else answer.rating_category = category;
    return zendeskSurveyResponsesPageSchema.parse(page).survey_responses[0]!;
  };

  it('reads the documented response: rating 1, bad → 0, with its comment and ticket', () => {
    const parsed = zendeskSurveyResponsesPageSchema.parse(surveyFixture()).survey_responses[0]!;
    expect(draftFromSurveyResponse(parsed, () => null)).toEqual({
      sourceId: '01J1WB51MG6HXTYWE6Q0C93RNW',
      source: 'survey_responses',
      ticketId: '99',
      rating: { scale: 'five-point', value: 1, normalized: 0, satisfied: false },
      comment: 'I had to repeatedly answer the same questions.',
      agentId: null,
      createdAt: '2024-08-14T12:00:00.000Z',
      updatedAt: '2024-08-14T12:00:00.000Z',
    });
  });

  it.each([
    [1, 'bad', 0, false],
    [2, 'bad', 0.25, false],
    [3, 'neutral', 0.5, false],
    [4, 'good', 0.75, true],
    [5, 'good', 1, true],
  ])('rating %d (%s) → %d, satisfied %s', (rating, category, normalized, satisfied) => {
    expect(draftFromSurveyResponse(response(rating, category), () => null)?.rating).toEqual({
      scale: 'five-point',
      value: rating,
      normalized,
      satisfied,
    });
  });

  it('uses the ticket’s assignee as the agent when the caller knows it', () => {
    expect(
      draftFromSurveyResponse(response(5, 'good'), (ticketId) => (ticketId === '99' ? '777' : null))?.agentId,
    ).toBe('777');
  });

  it('drops a skipped rating question and a rating off the scale', () => {
    expect(draftFromSurveyResponse(response(undefined, undefined, 'skipped'), () => null)).toBeNull();
    expect(draftFromSurveyResponse(response(7, 'good'), () => null)).toBeNull();
  });

  it('reads another range when the survey has one', () => {
    expect(draftFromSurveyResponse(response(7, 'good'), () => null, { min: 1, max: 7 })?.rating).toEqual({
      scale: 'numeric-1-7',
      value: 7,
      normalized: 1,
      satisfied: true,
    });
  });
});
