import { z } from 'zod';
import { isoDateTimeSchema, slugSchema, ticketRefSchema } from './common';
import { scaledValueSchema } from './csat';

/** A score against one standard: 1 (far below) … 5 (fully met), or `na` when it did not apply. */
export const standardScoreSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal('na')]);
export type StandardScore = z.infer<typeof standardScoreSchema>;

export const NOTE_MAX_LENGTH = 2000;

/** One agent's rating of one ticket against a standard set, with a prediction of the customer's verdict. */
export const selfAssessmentSchema = z.object({
  /** `${origin}#${ticketId}`: one assessment per ticket; editing replaces it (see `ticketKey()`). */
  ticketKey: z.string().min(1),
  ticket: ticketRefSchema,
  /** The agent's id in that helpdesk, once a connection told us who the agent is. */
  agentId: z.string().nullable(),
  standardSetId: slugSchema,
  standardSetVersion: z.number().int().positive(),
  /** Score per standard id of that set version. */
  scores: z.record(slugSchema, standardScoreSchema),
  /** The agent's prediction of the customer's rating, on the helpdesk's own scale. */
  predictedCsat: scaledValueSchema,
  notes: z.object({
    gotInTheWay: z.string().max(NOTE_MAX_LENGTH).default(''),
    worked: z.string().max(NOTE_MAX_LENGTH).default(''),
  }),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;
