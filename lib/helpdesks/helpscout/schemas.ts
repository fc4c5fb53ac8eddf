import { z } from 'zod';
import { apiTimestampSchema } from '../shared/timestamps';

/*
 * Help Scout Mailbox API 2.0 responses, written from test/fixtures/api/helpscout/ (documented
 * examples, a PHP-SDK fixture) and the documented conversation object. Only the fields GapLens reads
 * are declared; Help Scout omits the `Z` on some times, which apiTimestampSchema reads as UTC.
 */

const idSchema = z.number().int().nonnegative();

/** `GET /v2/users/me` (helpscout-user-php-sdk-fixture-rendered.json). `role`: owner, admin or user. */
export const helpscoutUserSchema = z.object({
  id: idSchema,
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  email: z.string().nullish(),
  role: z.string().nullish(),
});

/**
 * One row of a ratings report (`/v2/reports/happiness/ratings`, `/v2/reports/user/ratings`). `id` is
 * the conversation id; the row carries **no rating value**: the report was asked for one value
 * with `rating=` (HELPDESK-APIS.md §2, Help Scout “Row fields”).
 */
export const helpscoutReportRatingSchema = z.object({
  id: idSchema,
  number: idSchema.nullish(),
  ratingId: idSchema,
  ratingComments: z.string().nullish(),
  ratingCreatedAt: apiTimestampSchema,
  ratingUserId: idSchema.nullish(),
});

/**
 * A page of a ratings report: `{results, page, count, pages}`, read until `page >= pages`
 * (helpscout-reports-user-ratings-docs-example.json). An empty report has `pages: 0`.
 */
export const helpscoutReportPageSchema = z.object({
  results: z.array(helpscoutReportRatingSchema),
  page: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  count: z.number().int().nonnegative().optional(),
});

export type HelpscoutReportRating = z.output<typeof helpscoutReportRatingSchema>;

/**
 * A conversation (`GET /v2/conversations/{id}`, and the items of the list). `status`: active,
 * pending, closed or spam; `assignee` is absent or null when unassigned; `userUpdatedAt` is the last
 * change a user made.
 */
export const helpscoutConversationSchema = z.object({
  id: idSchema,
  number: idSchema.nullish(),
  status: z.string(),
  subject: z.string().nullish(),
  assignee: z.object({ id: idSchema }).nullish(),
  createdAt: apiTimestampSchema,
  userUpdatedAt: apiTimestampSchema.nullish(),
  closedAt: apiTimestampSchema.nullish(),
});

export type HelpscoutConversation = z.output<typeof helpscoutConversationSchema>;

/**
 * `GET /v2/conversations`: HAL. The items are under `_embedded.conversations`, which is absent when
 * the list is empty; the next page is `_links.next.href` (helpscout-pagination-links-docs-snippet.json).
 */
export const helpscoutConversationListSchema = z.object({
  _embedded: z.object({ conversations: z.array(helpscoutConversationSchema) }).nullish(),
  _links: z
    .object({ next: z.object({ href: z.string() }).nullish() })
    .passthrough()
    .nullish(),
});
