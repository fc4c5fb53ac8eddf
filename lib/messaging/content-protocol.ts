import { z } from 'zod';
import type { ContentMessageType, ContentRequests } from '../content/channel';
import { CONTENT_CHANNEL } from '../content/channel';
import { describeZodError, slugSchema, standardScoreSchema, ticketIdSchema } from '../model';

/**
 * The helpdesk page script's messages, each with its schema: the second half of the one protocol
 * (protocol.ts has the extension pages' half). The page script only reports what it saw and what
 * the agent typed into the card; the background works out the ticket's origin and connection from
 * the sender, never from the message, and asks the helpdesk's API before it believes a ticket is done.
 */
const ticketId = ticketIdSchema;

export const contentRequestSchemas = {
  getPageConfig: z.object({}).strict(),
  reportTicketEvent: z.object({
    event: z.enum(['viewing', 'left', 'updated']),
    ticketId,
    domStatus: z.string().max(64).nullable(),
  }),
  reportPageHealth: z.object({ ticketId, statusControl: z.boolean(), submitControl: z.boolean() }),
  saveCardRating: z.object({
    ticketId,
    standardSetId: slugSchema,
    standardSetVersion: z.number().int().positive(),
    scores: z.record(slugSchema, standardScoreSchema),
    prediction: z.union([z.string().max(64), z.number()]),
  }),
  dismissPrompt: z.object({ ticketId, snoozeMinutes: z.union([z.literal(0), z.literal(30)]) }),
  openFullForm: z.object({ ticketId }),
} satisfies { [K in ContentMessageType]: z.ZodType<ContentRequests[K]> };

export const CONTENT_MESSAGE_TYPES = Object.keys(contentRequestSchemas) as ContentMessageType[];

export type ParsedContentRequest<K extends ContentMessageType> = z.output<(typeof contentRequestSchemas)[K]>;

/** A message on the content channel, typed once its schema accepted it; null for anything else. */
export function parseContentMessage(
  message: unknown,
): { [K in ContentMessageType]: { type: K; data: ParsedContentRequest<K> } }[ContentMessageType] | null {
  if (typeof message !== 'object' || message === null) return null;
  const { channel, type, data } = message as { channel?: unknown; type?: unknown; data?: unknown };
  if (channel !== CONTENT_CHANNEL || typeof type !== 'string' || !Object.hasOwn(contentRequestSchemas, type))
    return null;
  const schema = contentRequestSchemas[type as ContentMessageType] as z.ZodType;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    console.warn(`GapLens: dropped ${type} from a helpdesk page:\n${describeZodError(parsed.error)}`);
    return null;
  }
  return { type, data: parsed.data } as never;
}
