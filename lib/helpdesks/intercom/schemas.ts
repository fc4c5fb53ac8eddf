import { z } from 'zod';

/*
 * Intercom REST API 2.14 responses, written from /work/shared/fixtures/intercom/ (the OpenAPI
 * excerpt and its examples; the rating object is reconstructed from the spec's property examples).
 * Only the fields GapLens reads are declared.
 */

/** Unix seconds, as Intercom prints every time, → GapLens's canonical ISO instant. */
export const epochSecondsSchema = z
  .number()
  .int()
  .nonnegative()
  .transform((seconds) => new Date(seconds * 1000).toISOString());

/**
 * Conversation ids are strings of digits in the spec (`"1295"`); a string is required so the key is
 * exact, and its digits are checked because the ticket key and the page's URL only know numbers.
 */
const conversationIdSchema = z.string().regex(/^\d{1,20}$/, 'expected a conversation id of digits');

/** Ids Intercom prints as strings in some places and integers in others (`admin_assignee_id`). */
const looseIdSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);

/** `GET /me`: the teammate ("admin") the token acts as, with its workspace (`app`). */
export const intercomMeSchema = z.object({
  type: z.literal('admin'),
  id: looseIdSchema,
  name: z.string(),
  email: z.string().nullish(),
  app: z.object({ id_code: z.string(), region: z.string().nullish() }).nullish(),
});

/**
 * `conversation_rating`: null when the conversation has no rating, and `{}` in older payloads
 * (HELPDESK-APIS.md §3.1). `rating` 1–5; `created_at` is when the rating was requested;
 * `teammate` the teammate rated (at the time of rating).
 */
export const intercomConversationRatingSchema = z
  .object({
    rating: z.number().int().nullish(),
    remark: z.string().nullish(),
    created_at: epochSecondsSchema.nullish(),
    updated_at: epochSecondsSchema.nullish(),
    teammate: z.object({ type: z.string().nullish(), id: looseIdSchema.nullish() }).nullish(),
  })
  .nullable();

export type IntercomConversationRating = z.output<typeof intercomConversationRatingSchema>;

/**
 * A conversation as search, list and `GET /conversations/{id}` return it. `state` open, closed or
 * snoozed; `admin_assignee_id` the teammate it is assigned to now. `ai_agent.rating` (Fin's own
 * rating) is deliberately not declared: it is not the customer's verdict on the teammate.
 */
export const intercomConversationSchema = z.object({
  id: conversationIdSchema,
  updated_at: epochSecondsSchema,
  state: z.string(),
  title: z.string().nullish(),
  source: z.object({ subject: z.string().nullish() }).nullish(),
  admin_assignee_id: looseIdSchema.nullish(),
  conversation_rating: intercomConversationRatingSchema.optional(),
});

export type IntercomConversation = z.output<typeof intercomConversationSchema>;

/**
 * `POST /conversations/search` (and `GET /conversations`): `conversation.list`; the next page's
 * cursor is `pages.next.starting_after`, absent on the last page.
 */
export const intercomConversationPageSchema = z.object({
  type: z.literal('conversation.list'),
  conversations: z.array(intercomConversationSchema),
  total_count: z.number().int().nullish(),
  pages: z
    .object({
      next: z.object({ starting_after: z.string().nullish() }).nullish(),
    })
    .nullish(),
});

export type IntercomConversationPage = z.output<typeof intercomConversationPageSchema>;
