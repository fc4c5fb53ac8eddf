import { z } from 'zod';
import { apiTimestampSchema } from '../shared/timestamps';

/*
 * Freshdesk API v2 responses, written from test/fixtures/api/freshdesk/ (the documented examples
 * and recorded responses of public API clients). Only the fields GapLens reads are declared.
 */

const idSchema = z.number().int().nonnegative();

/** `GET /api/v2/agents/me`: the agent, with name and e-mail under `contact`. `type` is absent in older accounts. */
export const freshdeskAgentSchema = z.object({
  id: idSchema,
  type: z.string().nullish(),
  contact: z.object({
    name: z.string(),
    email: z.string().nullish(),
  }),
});

/**
 * A satisfaction rating. `ratings.default_question` is the CSAT answer (103 … −103, or the legacy
 * 1/2/3); other keys are custom questions and are ignored. `agent_id` may be null.
 */
export const freshdeskSatisfactionRatingSchema = z.object({
  id: idSchema,
  ticket_id: idSchema,
  agent_id: idSchema.nullish(),
  feedback: z.string().nullish(),
  ratings: z.record(z.string(), z.number().nullable()),
  created_at: apiTimestampSchema,
  updated_at: apiTimestampSchema,
});

/**
 * `GET /api/v2/surveys/satisfaction_ratings` and `GET /api/v2/tickets/:id/satisfaction_ratings`:
 * a bare array; the next page is in the `Link` header.
 */
export const freshdeskSatisfactionRatingsSchema = z.array(freshdeskSatisfactionRatingSchema);

export type FreshdeskSatisfactionRating = z.output<typeof freshdeskSatisfactionRatingSchema>;

/**
 * A ticket (`GET /api/v2/tickets/:id`, `GET /api/v2/tickets`). `status`: 2 open, 3 pending,
 * 4 resolved, 5 closed (developers.freshdesk.com/api/#ticket_attributes); `responder_id` is the agent.
 */
export const freshdeskTicketSchema = z.object({
  id: idSchema,
  status: z.number().int(),
  responder_id: idSchema.nullish(),
  subject: z.string().nullish(),
  updated_at: apiTimestampSchema,
});

export const freshdeskTicketListSchema = z.array(freshdeskTicketSchema);

export type FreshdeskTicket = z.output<typeof freshdeskTicketSchema>;
