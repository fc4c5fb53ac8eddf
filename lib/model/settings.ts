import { z } from 'zod';
import { helpdeskKindSchema, helpdeskOriginSchema, slugSchema } from './common';

/** A helpdesk origin the agent works on, beyond the helpdesk's own hosted domain (custom domain, simulator). */
export const helpdeskOriginEntrySchema = z.object({
  kind: helpdeskKindSchema,
  origin: helpdeskOriginSchema,
  /**
   * The ticket path template (`/tickets/{id}`) of a helpdesk without an adapter (kind `generic`);
   * built-in helpdesks know their paths. Syntax: lib/helpdesks/generic/ticket-pattern.ts.
   */
  ticketPath: z.string().min(1).max(300).optional(),
});
export type HelpdeskOriginEntry = z.infer<typeof helpdeskOriginEntrySchema>;

export const SETTINGS_VERSION = 1;

/** Everything the user can set, except credentials. Versioned: an upgrade migrates older documents. */
export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  helpdeskOrigins: z.array(helpdeskOriginEntrySchema).max(50),
  /** The standard set new assessments are made against. */
  activeStandardSetId: slugSchema,
  sync: z.object({
    intervalMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    trailingWindowDays: z.number().int().min(1).max(90),
  }),
  /** IANA time zone for weeks and months; `null` follows the browser. */
  timeZone: z.string().min(1).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  helpdeskOrigins: [],
  activeStandardSetId: 'gaplens-default',
  sync: { intervalMinutes: 15, trailingWindowDays: 14 },
  timeZone: null,
};
