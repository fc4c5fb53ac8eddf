import { z } from 'zod';
import { credentialsSchema, helpdeskKindSchema } from '../model';

/**
 * What a page sends to test or save a connection. The origin is checked here only as text; the
 * adapter and `parseHelpdeskOrigin` decide whether it is usable, so the error can say why not.
 */
export const connectionTestInputSchema = z.object({
  kind: helpdeskKindSchema,
  origin: z.string().min(1),
  credentials: credentialsSchema,
});
export type ConnectionTestInput = z.input<typeof connectionTestInputSchema>;

export const saveConnectionInputSchema = z.object({
  /** Absent for a new connection. */
  id: z.string().min(1).max(64).optional(),
  kind: helpdeskKindSchema,
  label: z.string().trim().min(1, 'give the connection a name').max(120),
  origin: z.string().min(1),
  /** Required for a new connection; absent keeps the stored ones. */
  credentials: credentialsSchema.optional(),
  enabled: z.boolean().optional(),
});
export type SaveConnectionInput = z.input<typeof saveConnectionInputSchema>;

/** An error a page can show; `code` picks the sentence and the action (fix URL, new token…). */
export interface ConnectionError {
  code:
    | 'invalid-input'
    | 'bad-url'
    | 'not-a-helpdesk'
    | 'unauthorized'
    | 'forbidden'
    | 'rate-limited'
    | 'server'
    | 'network'
    | 'timeout'
    | 'not-json'
    | 'not-found';
  message: string;
}
