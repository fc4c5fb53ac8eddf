import { z } from 'zod';
import { helpdeskKindSchema, helpdeskOriginSchema, isoDateTimeSchema, ticketIdSchema } from './common';

/** A raw value on a helpdesk's CSAT scale: `good`, `103`, `4`, `not_good`… */
export const csatValueSchema = z.union([z.string().min(1).max(40), z.number().finite()]);
export type CsatValue = z.infer<typeof csatValueSchema>;

/** One answer a customer can give on a scale, with its place in [0, 1] (DESIGN.md §4). */
export const csatPointSchema = z.object({
  value: csatValueSchema,
  label: z.string().min(1),
  normalized: z.number().min(0).max(1),
  /** Strict: neutral answers are not satisfied (DESIGN.md §4). */
  satisfied: z.boolean(),
});
export type CsatPoint = z.infer<typeof csatPointSchema>;

/** A helpdesk's CSAT scale as data. The agent predicts on it; ratings are normalized with it. */
export const csatScaleSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Listed best first, the order a prediction control shows them in. */
  points: z.array(csatPointSchema).min(2),
});
export type CsatScale = z.infer<typeof csatScaleSchema>;

/**
 * A value on a named scale together with its normalized reading. The reading is kept with the value
 * so that an old assessment stays interpretable if a scale's table changes later.
 */
export const scaledValueSchema = z.object({
  scale: z.string().min(1),
  value: csatValueSchema,
  normalized: z.number().min(0).max(1),
  satisfied: z.boolean(),
});
export type ScaledValue = z.infer<typeof scaledValueSchema>;

/** The customer's verdict on one ticket, as fetched from the helpdesk (DESIGN.md §3). */
export const csatRatingSchema = z.object({
  /** `${connectionId}:${sourceId}`: upserting by it makes re-syncs idempotent. */
  id: z.string().min(1),
  connectionId: z.string().min(1),
  /** The helpdesk's own id of the rating (or survey response). */
  sourceId: z.string().min(1),
  /** Which endpoint it came from, e.g. `satisfaction_ratings`, `survey_responses`, `ticket`. */
  source: z.string().min(1),
  kind: helpdeskKindSchema,
  origin: helpdeskOriginSchema,
  ticketId: ticketIdSchema,
  /** `${origin}#${ticketId}`, see `ticketKey()`. */
  ticketKey: z.string().min(1),
  rating: scaledValueSchema,
  comment: z.string().max(10_000).nullable(),
  /** The agent the helpdesk attributes the rating to (at the time of rating), or the ticket's assignee. */
  agentId: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  /** When GapLens last wrote this record. */
  syncedAt: isoDateTimeSchema,
});
export type CsatRating = z.infer<typeof csatRatingSchema>;
