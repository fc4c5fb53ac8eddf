import { z } from 'zod';
import { helpdeskKindSchema, helpdeskOriginSchema, isoDateTimeSchema } from './common';

/** How GapLens authenticates to a helpdesk. The secret itself lives in `Credentials`, never here. */
/** `none`: a helpdesk without an API adapter, whose ratings come from its CSV export (lib/helpdesks/generic). */
export const authTypeSchema = z.enum(['api-token', 'oauth-token', 'api-key', 'oauth-client', 'none']);
export type AuthType = z.infer<typeof authTypeSchema>;

/** Which way CSAT is read: the admin list endpoints, or per ticket with an agent's own token. */
export const csatPathSchema = z.enum(['list', 'agent']);
export type CsatPath = z.infer<typeof csatPathSchema>;

/** One helpdesk account. Safe to show and export: it carries no secret. */
export const connectionSchema = z.object({
  id: z.string().min(1).max(64),
  kind: helpdeskKindSchema,
  label: z.string().trim().min(1).max(120),
  origin: helpdeskOriginSchema,
  authType: authTypeSchema,
  /** Who the credentials belong to, learnt from the helpdesk's “who am I” call. */
  agent: z.object({ id: z.string().min(1), name: z.string(), email: z.string().nullable() }).nullable(),
  csatPath: csatPathSchema.nullable(),
  enabled: z.boolean(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Connection = z.infer<typeof connectionSchema>;

/** The secret half of a connection. Read only by the background; never exported, never messaged to a page. */
export const credentialsSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('api-token'), email: z.email(), token: z.string().min(1) }),
  z.object({ type: z.literal('oauth-token'), token: z.string().min(1) }),
  z.object({ type: z.literal('api-key'), apiKey: z.string().min(1) }),
  /**
   * OAuth 2 client credentials (Help Scout's “App ID” and “App secret”): the background trades them
   * for a short-lived bearer token, kept in memory only (lib/helpdesks/shared/oauth-client-token.ts).
   */
  z.object({ type: z.literal('oauth-client'), clientId: z.string().trim().min(1), clientSecret: z.string().min(1) }),
]);
export type Credentials = z.infer<typeof credentialsSchema>;

/** Where a connection's sync stands; persisted after every committed page so a restart resumes. */
export const syncStateSchema = z.object({
  connectionId: z.string().min(1),
  status: z.enum(['idle', 'running', 'paused', 'error']),
  /** Opaque, adapter-defined position to resume from (a cursor, a page URL, a time). */
  checkpoint: z.unknown().nullable(),
  /** Start of the current full pass; a pass re-scans the trailing window from here. */
  lastSuccessAt: isoDateTimeSchema.nullable(),
  lastAttemptAt: isoDateTimeSchema.nullable(),
  nextRunAt: isoDateTimeSchema.nullable(),
  lastError: z.object({ code: z.string(), message: z.string(), at: isoDateTimeSchema }).nullable(),
  ratingsStored: z.number().int().nonnegative(),
  progress: z.object({ pages: z.number().int().nonnegative(), ratings: z.number().int().nonnegative() }).nullable(),
});
export type SyncState = z.infer<typeof syncStateSchema>;
