import { z } from 'zod';
import { apiTimestampSchema } from '../shared/timestamps';

/*
 * Zendesk Support API responses, written from the payloads in test/fixtures/api/zendesk/ (copied
 * from developer.zendesk.com and recorded by the zenpy client). Only the fields GapLens reads are
 * declared; others are ignored, so an added field never breaks a sync, a changed one does, loudly.
 */

const idSchema = z.number().int().nonnegative();

/** `GET /api/v2/users/me`. Zendesk answers an anonymous request with `id: null` (end-user “Anonymous user”). */
export const zendeskMeSchema = z.object({
  user: z.object({
    id: idSchema.nullable(),
    name: z.string(),
    email: z.string().nullish(),
    role: z.string(),
  }),
});

/** A legacy satisfaction rating (`score` good/bad, or the non-answers offered/unoffered). */
export const zendeskSatisfactionRatingSchema = z.object({
  id: idSchema,
  ticket_id: idSchema,
  score: z.string(),
  assignee_id: idSchema.nullish(),
  comment: z.string().nullish(),
  created_at: apiTimestampSchema,
  updated_at: apiTimestampSchema,
});

/**
 * The cursor envelope (developer.zendesk.com/api-reference/introduction/pagination/). The documented
 * list example has no envelope at all; such a page is read as the last one.
 */
const cursorMetaSchema = z
  .object({
    has_more: z.boolean(),
    after_cursor: z.string().nullish(),
  })
  .nullish();
const cursorLinksSchema = z.object({ next: z.string().nullish() }).nullish();

/** `GET /api/v2/satisfaction_ratings` with `page[size]`: a cursor page. */
export const zendeskSatisfactionRatingsPageSchema = z.object({
  satisfaction_ratings: z.array(zendeskSatisfactionRatingSchema),
  meta: cursorMetaSchema,
  links: cursorLinksSchema,
});

/**
 * A ticket's own `satisfaction_rating`: an object with `score` (good, bad, offered, unoffered), or
 * null on plans without CSAT. The documented example has only id, score and comment, so the times
 * are optional and the ticket's `updated_at` stands in for them.
 */
const ticketSatisfactionSchema = z.object({
  id: idSchema.nullish(),
  score: z.string(),
  comment: z.string().nullish(),
  created_at: apiTimestampSchema.optional(),
  updated_at: apiTimestampSchema.optional(),
});

export const zendeskTicketSchema = z.object({
  id: idSchema,
  assignee_id: idSchema.nullish(),
  // new, open, pending, hold, solved, closed (developer.zendesk.com/api-reference/ticketing/tickets/tickets/).
  status: z.string().optional(),
  subject: z.string().nullish(),
  created_at: apiTimestampSchema,
  updated_at: apiTimestampSchema,
  // Some accounts return the bare state string (`"offered"`) instead of an object (HELPDESK-APIS.md §2).
  satisfaction_rating: z.union([ticketSatisfactionSchema, z.string()]).nullish(),
});

/** `GET /api/v2/tickets/show_many?ids=…` (offset envelope, one page for ≤ 100 ids). */
export const zendeskShowManySchema = z.object({
  tickets: z.array(zendeskTicketSchema),
});

/** `GET /api/v2/search` over tickets (offset envelope: `next_page` URL or null). */
export const zendeskTicketSearchPageSchema = z.object({
  results: z.array(zendeskTicketSchema),
  next_page: z.string().nullish(),
});

/** One answer of a new-CSAT survey response; only the rating question has `rating`. */
const surveyAnswerSchema = z.object({
  type: z.string(),
  question: z.object({ id: z.string(), type: z.string(), sub_type: z.string().nullish() }),
  rating: z.number().optional(),
  rating_category: z.string().optional(),
  value: z.string().optional(),
  created_at: apiTimestampSchema,
  updated_at: apiTimestampSchema,
});

export const zendeskSurveyResponseSchema = z.object({
  id: z.string().min(1),
  answers: z.array(surveyAnswerSchema),
  subject_zrns: z.array(z.string()).optional(),
  subjects: z.array(z.object({ id: z.string(), type: z.string() })).optional(),
});

/** `GET /api/v2/guide/survey_responses`: cursor `meta`, and `links` only sometimes. */
export const zendeskSurveyResponsesPageSchema = z.object({
  survey_responses: z.array(zendeskSurveyResponseSchema),
  meta: cursorMetaSchema,
  links: cursorLinksSchema,
});

export type ZendeskSatisfactionRating = z.output<typeof zendeskSatisfactionRatingSchema>;
export type ZendeskTicket = z.output<typeof zendeskTicketSchema>;
export type ZendeskSurveyResponse = z.output<typeof zendeskSurveyResponseSchema>;
