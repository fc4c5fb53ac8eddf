import { z } from 'zod';
import type { AssessmentsImportReport } from '../db/assessments-import';
import { assessmentsExportSchema } from '../export/assessments-json';
import { settingsFileSchema } from '../export/settings-file';
import {
  credentialsSchema,
  describeZodError,
  helpdeskKindSchema,
  helpdeskOriginSchema,
  selfAssessmentSchema,
  ticketKey,
  type Connection,
  type SelfAssessment,
  type Settings,
} from '../model';
import { unknownKindProblem } from './auth-types';

/**
 * Every message a page may send to the background, each with the zod schema of its request. The
 * background parses every request with these before acting (see `parseRequest`); responses are
 * typed below. Message names say what the background is asked to do (`verbNoun`).
 *
 * Credentials travel in one direction only: from the options page in `testConnection` and
 * `saveConnection` (and in an imported settings file). No response ever carries them.
 */

const knownKindSchema = helpdeskKindSchema.superRefine((kind, ctx) => {
  const problem = unknownKindProblem(kind);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** An assessment without its timestamps: the background keeps `createdAt` and moves `updatedAt`. */
export const assessmentDraftSchema = selfAssessmentSchema
  .omit({ createdAt: true, updatedAt: true })
  .refine((draft) => draft.ticketKey === ticketKey(draft.ticket.origin, draft.ticket.ticketId), {
    path: ['ticketKey'],
    message: 'must be “<ticket.origin>#<ticket.ticketId>”',
  });

/** A connection as typed into the form. Credentials may be left out when editing a saved connection. */
const connectionFormSchema = z.object({
  /** The saved connection being edited or tested, or null for a new one. */
  connectionId: z.string().min(1).max(64).nullable(),
  kind: knownKindSchema,
  origin: helpdeskOriginSchema,
  credentials: credentialsSchema.nullable(),
});

const requireCredentialsForNew = <T extends { connectionId: string | null; credentials: unknown }>(form: T) =>
  form.connectionId !== null || form.credentials !== null;
const credentialsRequired = { path: ['credentials'], message: 'credentials are required for a new connection' };

export const requestSchemas = {
  saveAssessment: assessmentDraftSchema,
  /** The literal is a second line of defence behind the confirmation dialog. */
  eraseAllData: z.object({ confirm: z.literal('ERASE') }),
  importSettings: settingsFileSchema,
  /** A backup made with the assessments export; per ticket the later `updatedAt` wins. */
  importAssessments: assessmentsExportSchema,
  testConnection: connectionFormSchema.refine(requireCredentialsForNew, credentialsRequired),
  saveConnection: connectionFormSchema
    .extend({ label: z.string().trim().min(1).max(120) })
    .refine(requireCredentialsForNew, credentialsRequired),
  removeConnection: z.object({ connectionId: z.string().min(1) }),
  /** `null` syncs every enabled connection. */
  syncNow: z.object({ connectionId: z.string().min(1).nullable() }),
};

export type MessageType = keyof typeof requestSchemas;
export const MESSAGE_TYPES = Object.keys(requestSchemas) as MessageType[];

/** What a sender passes (before defaults and transforms). */
export type RequestOf<K extends MessageType> = z.input<(typeof requestSchemas)[K]>;
/** What a handler receives, after validation. */
export type ParsedRequestOf<K extends MessageType> = z.output<(typeof requestSchemas)[K]>;

export type AgentIdentity = { id: string; name: string; email: string | null };

export interface Responses {
  saveAssessment: { assessment: SelfAssessment; created: boolean };
  eraseAllData: { erased: true };
  importSettings: { settings: Settings; connectionsSaved: number };
  importAssessments: AssessmentsImportReport;
  testConnection: { ok: true; agent: AgentIdentity } | { ok: false; error: string };
  /** The saved connection: never its credentials. */
  saveConnection: { connection: Connection };
  removeConnection: { removed: boolean };
  syncNow: { started: number };
}

/** The protocol map for @webext-core/messaging. */
export type ProtocolMap = { [K in MessageType]: (request: RequestOf<K>) => Responses[K] };

/** A request that failed validation; its message names the message and every bad path. */
export class InvalidRequestError extends Error {
  override name = 'InvalidRequestError';
}

/** Validates a request at the boundary; throws {@link InvalidRequestError} listing each problem with its path. */
export function parseRequest<K extends MessageType>(type: K, data: unknown): ParsedRequestOf<K> {
  const parsed = (requestSchemas[type] as z.ZodType).safeParse(data);
  if (!parsed.success) throw new InvalidRequestError(`${type} was rejected:\n${describeZodError(parsed.error)}`);
  return parsed.data as ParsedRequestOf<K>;
}
