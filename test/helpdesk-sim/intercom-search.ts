/**
 * Intercom's conversation search (`POST /conversations/search`), as far as GapLens uses it and the
 * spec describes it: a query of `{field, operator, value}` filters, nested in `AND`/`OR` groups
 * (at most 15 filters a group, two levels), cursor pagination with `per_page` ≤ 150 (default 20) and
 * `starting_after`. Results come in conversation-id order; the cursor is the last id of the page
 * (keyset), so pages stay consistent while conversations change.
 */
import { z } from 'zod';
import { INTERCOM_STATE, unixSeconds } from './intercom-json';
import type { SimTicket } from './model';

export const MAX_PER_PAGE = 150;
const DEFAULT_PER_PAGE = 20;
const MAX_FILTERS_PER_GROUP = 15;

interface Filter {
  field: string;
  operator: string;
  value: unknown;
}
interface Group {
  operator: 'AND' | 'OR';
  value: Query[];
}
type Query = Filter | Group;

const filterSchema = z.object({ field: z.string(), operator: z.string(), value: z.unknown() });
const querySchema: z.ZodType<Query> = z.lazy(() =>
  z.union([z.object({ operator: z.enum(['AND', 'OR']), value: z.array(querySchema).min(1) }), filterSchema]),
);
const requestSchema = z.object({
  query: querySchema,
  pagination: z.object({ per_page: z.number().int().optional(), starting_after: z.string().nullish() }).nullish(),
});

/** The searchable fields GapLens's adapter and tests use, read from a simulated ticket. */
const FIELDS: Record<string, (ticket: SimTicket) => number | string | undefined> = {
  id: (ticket) => ticket.id,
  state: (ticket) => INTERCOM_STATE[ticket.status],
  admin_assignee_id: (ticket) => ticket.assigneeId ?? undefined,
  created_at: (ticket) => unixSeconds(ticket.createdAt),
  updated_at: (ticket) => unixSeconds(ticket.updatedAt),
  // A conversation without a rating has none of these, so no comparison matches it.
  'conversation_rating.requested_at': (ticket) => (ticket.rating ? unixSeconds(ticket.rating.createdAt) : undefined),
  // The latest answer: a customer who changes their rating replies again.
  'conversation_rating.replied_at': (ticket) => (ticket.rating ? unixSeconds(ticket.rating.updatedAt) : undefined),
  'conversation_rating.score': (ticket) => (ticket.rating ? Number(ticket.rating.score) : undefined),
};
const STRING_FIELDS = new Set(['state']);

export interface SearchPlan {
  matches(ticket: SimTicket): boolean;
  perPage: number;
  /** Conversations after this id (the cursor), or null from the start. */
  afterId: number | null;
}

/** Reads a search request, or says what Intercom would refuse about it (400 with the reason). */
export function planSearch(
  body: string | undefined,
): { ok: true; plan: SearchPlan } | { ok: false; code: string; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(body ?? '');
  } catch {
    return { ok: false, code: 'parameter_invalid', message: 'Request body is not valid JSON' };
  }
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      code: 'parameter_invalid',
      message: `Invalid search request: ${z.prettifyError(parsed.error)}`,
    };
  const perPage = parsed.data.pagination?.per_page ?? DEFAULT_PER_PAGE;
  if (perPage < 1 || perPage > MAX_PER_PAGE)
    return { ok: false, code: 'parameter_invalid', message: `per_page must be between 1 and ${MAX_PER_PAGE}` };
  const cursor = parsed.data.pagination?.starting_after ?? null;
  const afterId = cursor === null ? null : readCursor(cursor);
  if (afterId === undefined)
    return { ok: false, code: 'parameter_invalid', message: 'starting_after is not a valid cursor' };
  try {
    return { ok: true, plan: { matches: compile(parsed.data.query, 1), perPage, afterId } };
  } catch (error) {
    return { ok: false, code: 'parameter_invalid', message: error instanceof Error ? error.message : String(error) };
  }
}

function compile(query: Query, depth: number): (ticket: SimTicket) => boolean {
  if ('field' in query) return compileFilter(query);
  if (depth > 2) throw new Error('Search queries may nest at most two levels');
  if (query.value.length > MAX_FILTERS_PER_GROUP)
    throw new Error(`At most ${MAX_FILTERS_PER_GROUP} filters per ${query.operator} group`);
  const parts = query.value.map((part) => compile(part, depth + 1));
  return query.operator === 'AND'
    ? (ticket) => parts.every((part) => part(ticket))
    : (ticket) => parts.some((part) => part(ticket));
}

function compileFilter(filter: Filter): (ticket: SimTicket) => boolean {
  const read = FIELDS[filter.field];
  if (!read) throw new Error(`Field ${filter.field} is not searchable in the simulator`);
  const isString = STRING_FIELDS.has(filter.field);
  // The value must have the field's type; numbers may come as digit strings (the spec's example does).
  const coerce = (value: unknown): number | string => {
    if (isString && typeof value === 'string') return value;
    if (!isString && (typeof value === 'number' || (typeof value === 'string' && /^-?\d+$/.test(value))))
      return Number(value);
    throw new Error(`Value ${JSON.stringify(value)} does not match the type of ${filter.field}`);
  };
  const list = (value: unknown) => {
    if (!Array.isArray(value)) throw new Error(`${filter.operator} needs an array value`);
    return value.map(coerce);
  };
  switch (filter.operator) {
    case '=': {
      const wanted = coerce(filter.value);
      return (ticket) => read(ticket) === wanted;
    }
    case '!=': {
      const unwanted = coerce(filter.value);
      return (ticket) => read(ticket) !== unwanted;
    }
    case '>':
    case '<': {
      if (isString) throw new Error(`${filter.operator} is not valid for ${filter.field}`);
      const bound = coerce(filter.value) as number;
      return filter.operator === '>'
        ? (ticket) => (read(ticket) as number | undefined) !== undefined && (read(ticket) as number) > bound
        : (ticket) => (read(ticket) as number | undefined) !== undefined && (read(ticket) as number) < bound;
    }
    case 'IN': {
      const values = new Set(list(filter.value));
      return (ticket) => values.has(read(ticket) as number | string);
    }
    case 'NIN': {
      const values = new Set(list(filter.value));
      return (ticket) => !values.has(read(ticket) as number | string);
    }
    default:
      throw new Error(`Operator ${filter.operator} is not supported by the simulator`);
  }
}

/** Cursors are opaque to clients; here base64url of the last conversation id of the page. */
export function writeCursor(afterId: number): string {
  return Buffer.from(`after:${afterId}`).toString('base64url');
}

function readCursor(cursor: string): number | undefined {
  const match = /^after:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match?.[1] ? Number(match[1]) : undefined;
}
