/**
 * The Freshdesk endpoints GapLens calls, with Freshdesk's auth, errors, paging and headers
 * (HELPDESK-APIS.md "Freshdesk", shapes from fixtures/freshdesk).
 *
 *   GET /api/v2/agents/me
 *   GET /api/v2/surveys/satisfaction_ratings?created_since=ISO&page=N&per_page=M   the lead only
 *   GET /api/v2/tickets/:id/satisfaction_ratings   the lead, or the agent the ticket is assigned to
 *   GET /api/v2/tickets/:id                        same access rule
 *   GET /api/v2/tickets?updated_since=ISO&order_by=updated_at&order_type=desc&page=N&per_page=M
 *                                                  the tickets the key may see, changed since then
 */
import type { Accounts } from './accounts';
import type { ApiRequest, ApiResult, Vendor } from './helpdesk-server';
import { encodeQuery, intParam, json, parseAuthorization, type SimResponse } from './http-kit';
import { lowerBound } from './keyset';
import type { SimAgent, SimData, SimTicket, TicketStatus } from './model';
import { findTicket } from './mutations';
import type { PageStyle } from './pages';
import { agentJson, satisfactionRatingJson, ticketJson } from './freshdesk-json';

const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 30;

const unauthorized = (): SimResponse =>
  json(401, { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' }, { 'www-authenticate': 'Basic realm="Helpdesk"' });
const forbidden = (): SimResponse => json(403, { code: 'access_denied', message: 'You are not authorized to perform this action.' });
// Freshdesk's 404 body is not documented in our sources; a JSON object keeps clients' parsers honest.
const notFound = (): SimResponse => json(404, { code: 'not_found', message: 'Record not found' });
/** Freshdesk's validation error envelope. */
const invalidField = (field: string, message: string): SimResponse =>
  json(400, { description: 'Validation failed', errors: [{ field, message, code: 'invalid_value' }] });

const STATUS_NAMES: Record<string, TicketStatus> = { '2': 'open', '3': 'pending', '4': 'solved', '5': 'closed', open: 'open', pending: 'pending', resolved: 'solved', closed: 'closed' };

export function freshdeskVendor(data: SimData, accounts: Accounts, page: PageStyle): Vendor {
  /** `Basic base64(APIKEY:X)`: the key is the user name, the password is ignored. */
  function authenticate(header: string | undefined): SimAgent | null {
    const auth = parseAuthorization(header);
    return auth.scheme === 'basic' ? accounts.userBySecret(auth.user) : null;
  }

  /** Agents have restricted scope in the simulator: only tickets assigned to them. */
  const canSee = (me: SimAgent, ticket: SimTicket) => me.role === 'admin' || ticket.assigneeId === me.id;

  function api(request: ApiRequest): ApiResult {
    const me = authenticate(request.authorization);
    if (!me) return { response: unauthorized(), user: null };
    if (request.method !== 'GET') return { response: notFound(), user: me };
    const path = request.url.pathname;
    let response: SimResponse;
    if (path === '/api/v2/agents/me') response = json(200, agentJson(me));
    else if (path === '/api/v2/surveys/satisfaction_ratings') response = me.role === 'admin' ? listRatings(request) : forbidden();
    else if (path === '/api/v2/tickets') response = listTickets(request, me);
    else {
      const match = /^\/api\/v2\/tickets\/(\d+)(\/satisfaction_ratings)?$/.exec(path);
      const ticket = match?.[1] ? findTicket(data, match[1]) : undefined;
      if (!match) response = notFound();
      else if (!ticket) response = notFound();
      else if (!canSee(me, ticket)) response = forbidden();
      else if (match[2]) response = json(200, ticket.rating ? [satisfactionRatingJson(ticket.rating)] : []);
      else response = json(200, ticketJson(ticket, new Set((request.url.searchParams.get('include') ?? '').split(','))));
    }
    return { response, user: me };
  }

  /**
   * All survey results, oldest first. `created_since` (ISO 8601, inclusive; default 30 days ago) filters on created_at,
   * as its name says; a re-rating keeps created_at and changes updated_at, so clients re-scan a
   * trailing window. Bare JSON array; the next page's URL is in the `Link` header, written the way
   * Freshdesk's docs print it (`< https://…>;rel="next"`, with the space), absent on the last page.
   */
  function listRatings(request: ApiRequest): SimResponse {
    const params = request.url.searchParams;
    const perPage = intParam(params.get('per_page'), DEFAULT_PER_PAGE);
    if (perPage === null || perPage < 1 || perPage > MAX_PER_PAGE) return invalidField('per_page', 'It should be a Positive Number less than or equal to 100');
    const pageNumber = intParam(params.get('page'), 1);
    if (pageNumber === null || pageNumber < 1) return invalidField('page', 'It should be a Positive Number');
    // Without created_since Freshdesk returns only the last 30 days (as its docs say of its lists).
    let since = request.now - 30 * 24 * 3600 * 1000;
    const sinceParam = params.get('created_since');
    if (sinceParam !== null) {
      since = Date.parse(sinceParam);
      if (Number.isNaN(since)) return invalidField('created_since', "It should be in the 'valid date' format");
    }
    const from = lowerBound(data.ratings, { createdAt: since, id: -Infinity });
    const start = from + (pageNumber - 1) * perPage;
    const items = data.ratings.slice(start, start + perPage);
    const headers: Record<string, string> = {};
    if (start + perPage < data.ratings.length) {
      const query = encodeQuery([...[...params.entries()].filter(([key]) => key !== 'page'), ['page', String(pageNumber + 1)]]);
      headers.link = `< ${request.origin}/api/v2/surveys/satisfaction_ratings?${query}>;rel="next"`;
    }
    return json(200, items.map(satisfactionRatingJson), headers);
  }

  /**
   * List All Tickets: those `me` may see, `updated_since` (ISO; Freshdesk's default without it is the
   * last 30 days by creation), ordered by `order_by` created_at|updated_at and `order_type`
   * (default desc). Bare array; the next page in the `Link` header, as for ratings.
   */
  function listTickets(request: ApiRequest, me: SimAgent): SimResponse {
    const params = request.url.searchParams;
    const perPage = intParam(params.get('per_page'), DEFAULT_PER_PAGE);
    if (perPage === null || perPage < 1 || perPage > MAX_PER_PAGE) return invalidField('per_page', 'It should be a Positive Number less than or equal to 100');
    const pageNumber = intParam(params.get('page'), 1);
    if (pageNumber === null || pageNumber < 1) return invalidField('page', 'It should be a Positive Number');
    const sinceParam = params.get('updated_since');
    const since = sinceParam === null ? null : Date.parse(sinceParam);
    if (since !== null && Number.isNaN(since)) return invalidField('updated_since', "It should be in the 'valid date' format");
    const orderBy = params.get('order_by') ?? 'created_at';
    if (orderBy !== 'created_at' && orderBy !== 'updated_at') return invalidField('order_by', 'It should be one of these values: created_at,due_by,updated_at,status');
    const key = (ticket: SimTicket) => (orderBy === 'updated_at' ? ticket.updatedAt : ticket.createdAt);
    const matching = data.tickets
      .filter((ticket) => canSee(me, ticket))
      .filter((ticket) => (since === null ? ticket.createdAt >= request.now - 30 * 24 * 3600 * 1000 : ticket.updatedAt >= since))
      .sort((a, b) => (params.get('order_type') === 'asc' ? key(a) - key(b) : key(b) - key(a)) || a.id - b.id);
    const start = (pageNumber - 1) * perPage;
    const headers: Record<string, string> = {};
    if (start + perPage < matching.length) {
      const query = encodeQuery([...[...params.entries()].filter(([name]) => name !== 'page'), ['page', String(pageNumber + 1)]]);
      headers.link = `< ${request.origin}/api/v2/tickets?${query}>;rel="next"`;
    }
    return json(200, matching.slice(start, start + perPage).map((ticket) => ticketJson(ticket, new Set())), headers);
  }

  return {
    kind: 'freshdesk',
    // Freshdesk Enterprise: 700 requests per minute.
    rateLimit: 700,
    api,
    rateLimitHeaders: (limit, remaining) => ({
      'X-RateLimit-Total': String(limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Used-CurrentRequest': '1',
    }),
    ticketPageId: (pathname) => /^\/a\/tickets\/(\d+)\/?$/.exec(pathname)?.[1] ?? null,
    parseStatus: (input) => STATUS_NAMES[input.toLowerCase()] ?? null,
    page,
  };
}
