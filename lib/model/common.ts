import { z } from 'zod';

/** An instant, always stored as an ISO-8601 string in UTC (`2026-11-23T10:49:49.000Z`), so it sorts as text. */
export const isoDateTimeSchema = z.iso.datetime({ offset: false });

/** Lower-case identifier used for standard ids, standard-set ids and helpdesk kinds. */
export const slugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');

/** A helpdesk kind is whatever an adapter registers (`zendesk`, `freshdesk`, …); see lib/helpdesks/registry.ts. */
export const helpdeskKindSchema = slugSchema;
export type HelpdeskKind = z.infer<typeof helpdeskKindSchema>;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks that `input` is a bare origin a helpdesk may live on: https anywhere, plain http only on
 * this machine (the simulator, a local proxy). Returns the canonical origin or a sentence saying why not.
 */
export function parseHelpdeskOrigin(input: string): { ok: true; origin: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: `“${input}” is not a URL. Enter an address like https://acme.zendesk.com.` };
  }
  if (url.username || url.password) return { ok: false, error: 'The address must not contain a user name or password.' };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return {
      ok: false,
      error: `Plain http is only allowed for localhost and 127.0.0.1; use https://${url.host} instead.`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: `Only https addresses are supported, not ${url.protocol.replace(':', '')}.` };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, error: `Enter only the origin (${url.origin}), without a path.` };
  }
  return { ok: true, origin: url.origin };
}

/** An origin (scheme + host + port) that passes {@link parseHelpdeskOrigin}. */
export const helpdeskOriginSchema = z.string().transform((value, ctx) => {
  const parsed = parseHelpdeskOrigin(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.origin;
});

/** The key that joins an assessment to a CSAT rating: helpdesk origin and ticket id (DESIGN.md §4, Matching). */
export function ticketKey(origin: string, ticketId: string): string {
  return `${origin}#${ticketId}`;
}

export const ticketIdSchema = z.string().regex(/^\d{1,20}$/, 'a ticket id is a number');

/** Where a ticket lives: enough to match it with its rating and to link back to it. */
export const ticketRefSchema = z.object({
  kind: helpdeskKindSchema,
  origin: helpdeskOriginSchema,
  ticketId: ticketIdSchema,
});
export type TicketRef = z.infer<typeof ticketRefSchema>;

/** Formats a zod error as one readable line per problem, each with its path: `standards[2].weight: …`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('\n');
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
