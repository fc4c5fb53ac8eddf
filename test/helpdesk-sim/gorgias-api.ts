/**
 * The Gorgias endpoints GapLens calls, with Gorgias's auth, cursor lists and rate-limit header
 * (HELPDESK-APIS.md "Gorgias", shapes from fixtures/gorgias and gorgias-json.ts).
 *
 *   GET /api/users/0                  the current user (any id: that user)
 *   GET /api/satisfaction-surveys?limit=&order_by=created_datetime:asc|desc&cursor=&ticket_id=
 *                                     the lead; an agent only with the ticket_id of a ticket assigned to them
 *   GET /api/tickets?ticket_ids=1&ticket_ids=2&order_by=…&limit=&cursor=
 *   GET /api/tickets/:id
 */
import type { Accounts } from './accounts';
import { listJson, surveyJson, ticketJson, userJson } from './gorgias-json';
import type { ApiRequest, ApiResult, Vendor } from './helpdesk-server';
import { encodeQuery, intParam, json, parseAuthorization, type SimResponse } from './http-kit';
import { decodeCursor, encodeCursor, keysetPage } from './keyset';
import type { SimAgent, SimData, SimTicket, TicketStatus } from './model';
import { findTicket } from './mutations';
import type { PageStyle } from './pages';

const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 30;

// Gorgias's error bodies are not in our sources; this `{error: {msg}}` shape is the simulator's choice.
const failure = (status: number, msg: string, headers: Record<string, string> = {}): SimResponse =>
  json(status, { error: { msg } }, headers);
const unauthorized = () =>
  failure(401, 'Unauthorized: the e-mail and API key do not match an active user.', {
    'www-authenticate': 'Basic realm="Gorgias"',
  });
const forbidden = () => failure(403, 'You do not have permission to access this resource.');
const notFound = () => failure(404, 'Resource not found.');
const invalid = (field: string, message: string) =>
  json(400, { error: { msg: 'Invalid request', data: { [field]: [message] } } });

const STATUS_NAMES: Record<string, TicketStatus> = { open: 'open', closed: 'closed' };

export function gorgiasVendor(data: SimData, accounts: Accounts, page: PageStyle): Vendor {
  /** `Basic base64(email:API_KEY)`: the key picks the user, and the e-mail must be theirs. */
  function authenticate(header: string | undefined): SimAgent | null {
    const auth = parseAuthorization(header);
    if (auth.scheme !== 'basic') return null;
    const user = accounts.userBySecret(auth.password);
    return user && user.email.toLowerCase() === auth.user.toLowerCase() ? user : null;
  }

  function api(request: ApiRequest): ApiResult {
    const me = authenticate(request.authorization);
    if (!me) return { response: unauthorized(), user: null };
    if (request.method !== 'GET') return { response: notFound(), user: me };
    const path = request.url.pathname.replace(/\/$/, '');
    let response: SimResponse;
    const userMatch = /^\/api\/users\/(\d+)$/.exec(path);
    const ticketMatch = /^\/api\/tickets\/(\d+)$/.exec(path);
    if (userMatch?.[1]) {
      const user = userMatch[1] === '0' ? me : data.agents.find((agent) => String(agent.id) === userMatch[1]);
      response = user ? json(200, userJson(user)) : notFound();
    } else if (path === '/api/satisfaction-surveys') response = listSurveys(request, me);
    else if (path === '/api/tickets') response = listTickets(request);
    else if (ticketMatch?.[1]) {
      const ticket = findTicket(data, ticketMatch[1]);
      response = ticket ? json(200, ticketJson(ticket, data)) : notFound();
    } else response = notFound();
    return { response, user: me };
  }

  /**
   * Surveys in created_datetime order (default newest first), keyset-paged: `meta.next_cursor` names
   * the last survey of the page. The list has no time filter. Unanswered surveys are listed with
   * `score: null`, as Gorgias keeps a survey from when it is sent. An agent may ask only for the
   * survey of a ticket assigned to them (`ticket_id`); the whole list is the lead's (simulator's choice).
   */
  function listSurveys(request: ApiRequest, me: SimAgent): SimResponse {
    const params = request.url.searchParams;
    const limit = intParam(params.get('limit'), DEFAULT_LIMIT);
    if (limit === null || limit < 1 || limit > MAX_LIMIT)
      return invalid('limit', `Must be between 1 and ${MAX_LIMIT}.`);
    const orderBy = params.get('order_by') ?? 'created_datetime:desc';
    if (orderBy !== 'created_datetime:desc' && orderBy !== 'created_datetime:asc')
      return invalid('order_by', 'Must be one of: created_datetime:asc, created_datetime:desc.');
    const ticketParam = params.get('ticket_id');
    const ticketId = ticketParam === null ? null : intParam(ticketParam, 0);
    if (ticketId === null && ticketParam !== null) return invalid('ticket_id', 'Not a valid integer.');
    if (me.role !== 'admin') {
      const ticket = ticketId === null ? undefined : findTicket(data, ticketId);
      if (!ticket || ticket.assigneeId !== me.id) return forbidden();
    }
    const cursorParam = params.get('cursor');
    const after = cursorParam === null ? undefined : decodeCursor(cursorParam);
    if (after === null) return invalid('cursor', 'Invalid or expired cursor.');
    const found = keysetPage(data.ratings, {
      order: orderBy.endsWith(':asc') ? 'asc' : 'desc',
      after,
      size: limit,
      from: 0,
      to: data.ratings.length,
      match: ticketId === null ? () => true : (rating) => rating.ticketId === ticketId,
    });
    const last = found.items[found.items.length - 1];
    const first = found.items[0];
    return json(
      200,
      listJson(found.items.map(surveyJson), `/api/satisfaction-surveys?${encodeQuery(params.entries())}`, {
        next: found.hasMore && last ? encodeCursor(last) : null,
        prev: after && first ? encodeCursor(first) : null,
      }),
    );
  }

  /**
   * Tickets: by `ticket_ids` (repeated, ≤ 100; unknown ids left out), or all of them ordered by
   * `order_by` created_datetime|updated_datetime :asc|desc (default created, newest first). Every
   * user sees every ticket. The cursor is an opaque offset here (the simulator's choice).
   */
  function listTickets(request: ApiRequest): SimResponse {
    const params = request.url.searchParams;
    const limit = intParam(params.get('limit'), DEFAULT_LIMIT);
    if (limit === null || limit < 1 || limit > MAX_LIMIT)
      return invalid('limit', `Must be between 1 and ${MAX_LIMIT}.`);
    const ids = params.getAll('ticket_ids');
    if (ids.length > MAX_LIMIT) return invalid('ticket_ids', `At most ${MAX_LIMIT} ids.`);
    const orderMatch = /^(created_datetime|updated_datetime):(asc|desc)$/.exec(
      params.get('order_by') ?? 'created_datetime:desc',
    );
    if (!orderMatch) return invalid('order_by', 'Must be created_datetime or updated_datetime, :asc or :desc.');
    const offset = params.get('cursor') === null ? 0 : decodeOffset(params.get('cursor') ?? '');
    if (offset === null) return invalid('cursor', 'Invalid or expired cursor.');
    const key = (ticket: SimTicket) => (orderMatch[1] === 'updated_datetime' ? ticket.updatedAt : ticket.createdAt);
    const direction = orderMatch[2] === 'asc' ? 1 : -1;
    const tickets = (
      ids.length > 0
        ? ids.map((id) => findTicket(data, id)).filter((t): t is SimTicket => t !== undefined)
        : [...data.tickets]
    ).sort((a, b) => direction * (key(a) - key(b) || a.id - b.id));
    const pageItems = tickets.slice(offset, offset + limit);
    const more = offset + limit < tickets.length;
    return json(
      200,
      listJson(
        pageItems.map((ticket) => ticketJson(ticket, data)),
        `/api/tickets?${encodeQuery(params.entries())}`,
        {
          next: more ? encodeOffset(offset + limit) : null,
          prev: offset > 0 ? encodeOffset(Math.max(0, offset - limit)) : null,
        },
      ),
    );
  }

  return {
    kind: 'gorgias',
    // Not enforced, and roomier than the real bucket (40 calls per 20 s with an API key) so that
    // tests never stall on it; the header has Gorgias's `used/limit` form.
    rateLimit: 400,
    api,
    rateLimitHeaders: (limit, remaining) => ({ 'X-Gorgias-Account-Api-Call-Limit': `${limit - remaining}/${limit}` }),
    ticketPageId: (pathname) => /^\/app\/ticket\/(\d+)\/?$/.exec(pathname)?.[1] ?? null,
    parseStatus: (input) => STATUS_NAMES[input.toLowerCase()] ?? null,
    page,
  };
}

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64');
}

function decodeOffset(text: string): number | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
    const offset = (parsed as { o?: unknown } | null)?.o;
    return typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0 ? offset : null;
  } catch {
    return null;
  }
}
