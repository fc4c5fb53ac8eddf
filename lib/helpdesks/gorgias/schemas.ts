import { z } from 'zod';
import { apiTimestampSchema } from '../shared/timestamps';

/*
 * Gorgias REST API responses. The satisfaction survey and its list page are written from the
 * payloads in test/fixtures/api/gorgias/ (the documented SatisfactionSurvey object; the list
 * envelope is reconstructed, see its `_reconstructed` note). No payload of a user or a ticket is
 * stored, so those two declare only the few fields GapLens reads, as Gorgias's own OpenAPI document
 * (github.com/gorgias/gorgias-api-docs) and public API clients describe them, and as loosely as those
 * allow. Unknown fields are ignored.
 */

const idSchema = z.number().int().nonnegative();

/** The cursor envelope: `meta.next_cursor` / `prev_cursor`, null at the ends (key `meta` reconstructed). */
const cursorMetaSchema = z.object({ next_cursor: z.string().nullish(), prev_cursor: z.string().nullish() }).nullish();

/**
 * One survey. `score` 1–5, or null while the survey is unsent or unanswered; Gorgias prints times
 * without a zone (`2019-11-16T15:59:41.966927`), meaning UTC (HELPDESK-APIS.md §3.6).
 */
export const gorgiasSatisfactionSurveySchema = z.object({
  id: idSchema,
  ticket_id: idSchema,
  customer_id: idSchema.nullish(),
  score: z.number().int().nullable(),
  body_text: z.string().nullish(),
  created_datetime: apiTimestampSchema,
  scored_datetime: apiTimestampSchema.nullish(),
  sent_datetime: apiTimestampSchema.nullish(),
});

/** `GET /api/satisfaction-surveys`. */
export const gorgiasSatisfactionSurveysPageSchema = z.object({
  data: z.array(gorgiasSatisfactionSurveySchema),
  meta: cursorMetaSchema,
});

/**
 * `GET /api/users/0`: the user the credentials belong to. `role` is an object `{name}` in the
 * current API (`admin`, `agent`, …) and a plain string in some older answers; both are read.
 */
export const gorgiasUserSchema = z.object({
  id: idSchema,
  email: z.string().nullish(),
  name: z.string().nullish(),
  firstname: z.string().nullish(),
  lastname: z.string().nullish(),
  role: z.union([z.object({ name: z.string() }), z.string()]).nullish(),
});

/** A ticket as the tickets list prints it: `status` open or closed, `assignee_user` null when unassigned. */
export const gorgiasTicketSchema = z.object({
  id: idSchema,
  status: z.string(),
  subject: z.string().nullish(),
  assignee_user: z.object({ id: idSchema }).nullish(),
  updated_datetime: apiTimestampSchema,
});

/** `GET /api/tickets` (with `ticket_ids`, or ordered by `updated_datetime`). */
export const gorgiasTicketsPageSchema = z.object({
  data: z.array(gorgiasTicketSchema),
  meta: cursorMetaSchema,
});

export type GorgiasSatisfactionSurvey = z.output<typeof gorgiasSatisfactionSurveySchema>;
export type GorgiasTicket = z.output<typeof gorgiasTicketSchema>;
export type GorgiasUser = z.output<typeof gorgiasUserSchema>;
