import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeIssues } from '../shared/http-client';
import { clone, fixture } from '../shared/test-fixtures';
import {
  zendeskMeSchema,
  zendeskSatisfactionRatingSchema,
  zendeskSatisfactionRatingsPageSchema,
  zendeskShowManySchema,
  zendeskSurveyResponsesPageSchema,
  zendeskTicketSchema,
} from './schemas';

type Json = Record<string, unknown>;
const load = (name: string) => fixture<Json>('zendesk', name);

/** The error text a schema failure produces (what HelpdeskError shows after the endpoint). */
function problem(schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected the schema to reject the value');
  return describeIssues(parsed.error);
}

describe('Zendesk schemas accept the fixtures', () => {
  it.each([
    ['zendesk-users-me-zenpy-fixture.json', zendeskMeSchema],
    ['zendesk-satisfaction_ratings-cursor-page1-reconstructed.json', zendeskSatisfactionRatingsPageSchema],
    ['zendesk-satisfaction_ratings-list-docs-example.json', zendeskSatisfactionRatingsPageSchema],
    ['zendesk-satisfaction_ratings-offset-page1-reconstructed.json', zendeskSatisfactionRatingsPageSchema],
    ['zendesk-satisfaction_rating-object-docs-example.json', zendeskSatisfactionRatingSchema],
    ['zendesk-satisfaction_rating-zenpy-spec.json', zendeskSatisfactionRatingSchema],
    ['zendesk-ticket-object-docs-example.json', zendeskTicketSchema],
    ['zendesk-tickets-offset-show_many-zenpy-fixture.json', zendeskShowManySchema],
    ['zendesk-tickets-cursor-page1-zenpy-fixture.json', zendeskShowManySchema],
    ['zendesk-tickets-cursor-page2-zenpy-fixture.json', zendeskShowManySchema],
    ['zendesk-incremental-tickets-cursor-zenpy-fixture.json', zendeskShowManySchema],
    ['zendesk-csat-survey_responses-list-docs-example.json', zendeskSurveyResponsesPageSchema],
  ] as const)('%s', (name, schema) => {
    const parsed = (schema as z.ZodType).safeParse(load(name));
    expect(parsed.success, parsed.success ? '' : describeIssues(parsed.error)).toBe(true);
  });

  it('accepts the Show example, which wraps its one rating in an array', () => {
    const show = load('zendesk-satisfaction_rating-show-docs-example.json') as { satisfaction_rating: unknown[] };
    for (const rating of show.satisfaction_rating)
      expect(zendeskSatisfactionRatingSchema.safeParse(rating).success).toBe(true);
  });

  it('normalizes timestamps to GapLens’s canonical form', () => {
    const page = zendeskSatisfactionRatingsPageSchema.parse(
      load('zendesk-satisfaction_ratings-cursor-page1-reconstructed.json'),
    );
    expect(page.satisfaction_ratings[1]?.updated_at).toBe('2012-02-02T10:32:59.000Z');
  });
});

describe('Zendesk schemas reject broken variants, naming the field', () => {
  it('a ticket_id that is a string', () => {
    const page = clone(load('zendesk-satisfaction_ratings-cursor-page1-reconstructed.json')) as {
      satisfaction_ratings: Record<string, unknown>[];
    };
    page.satisfaction_ratings[1]!.ticket_id = '209';
    expect(problem(zendeskSatisfactionRatingsPageSchema, page)).toBe(
      'satisfaction_ratings[1].ticket_id: expected number, received string',
    );
  });

  it('a missing score', () => {
    const page = clone(load('zendesk-satisfaction_ratings-cursor-page1-reconstructed.json')) as {
      satisfaction_ratings: Record<string, unknown>[];
    };
    delete page.satisfaction_ratings[0]!.score;
    expect(problem(zendeskSatisfactionRatingsPageSchema, page)).toMatch(
      /^satisfaction_ratings\[0\]\.score: expected string/,
    );
  });

  it('a cursor envelope whose has_more is not a boolean', () => {
    const page = clone(load('zendesk-satisfaction_ratings-cursor-page1-reconstructed.json')) as {
      meta: Record<string, unknown>;
    };
    page.meta.has_more = 'yes';
    expect(problem(zendeskSatisfactionRatingsPageSchema, page)).toMatch(/^meta\.has_more: expected boolean/);
  });

  it('a timestamp that is not one', () => {
    const page = clone(load('zendesk-satisfaction_ratings-cursor-page1-reconstructed.json')) as {
      satisfaction_ratings: Record<string, unknown>[];
    };
    page.satisfaction_ratings[0]!.updated_at = 'last Tuesday';
    expect(problem(zendeskSatisfactionRatingsPageSchema, page)).toBe(
      'satisfaction_ratings[0].updated_at: expected an ISO-8601 timestamp, got “last Tuesday”',
    );
  });

  it('a survey response rating that is not a number', () => {
    const page = clone(load('zendesk-csat-survey_responses-list-docs-example.json')) as {
      survey_responses: { answers: Record<string, unknown>[] }[];
    };
    page.survey_responses[0]!.answers[0]!.rating = 'abc';
    expect(problem(zendeskSurveyResponsesPageSchema, page)).toMatch(
      /^survey_responses\[0\]\.answers\[0\]\.rating: expected number/,
    );
  });

  it('a user without an id field', () => {
    const me = clone(load('zendesk-users-me-zenpy-fixture.json')) as { user: Record<string, unknown> };
    delete me.user.id;
    expect(problem(zendeskMeSchema, me)).toMatch(/^user\.id: expected number/);
  });

  it('a ticket list that is not a list', () => {
    expect(problem(zendeskShowManySchema, { tickets: { id: 1 } })).toMatch(/^tickets: expected array/);
  });
});
