/**
 * The Help Scout Mailbox API 2.0 endpoints GapLens calls, with Help Scout's auth, errors, paging and
 * headers (HELPDESK-APIS.md "Help Scout", shapes from fixtures/helpscout). The API and the agent
 * pages share the simulator's one origin (the real ones are api.helpscout.net and secure.helpscout.net).
 *
 *   POST /v2/oauth2/token                      form: grant_type=client_credentials, client_id, client_secret
 *   GET  /v2/users/me
 *   GET  /v2/reports/happiness/ratings?start&end&rating&page         the account owner only
 *   GET  /v2/reports/user/ratings?user&start&end&rating&page         the owner, or the user themself
 *   GET  /v2/conversations/{id}                                      the owner, or the assigned user
 *   GET  /v2/conversations?status&assigned_to&modifiedSince&sortField&sortOrder&page   HAL, 25 a page
 */
import type { Accounts } from './accounts';
import type { ApiRequest, ApiResult, Vendor } from './helpdesk-server';
import { conversationJson, HELPSCOUT_STATUS, reportRowJson, userJson } from './helpscout-json';
import { HelpscoutTokens } from './helpscout-oauth';
import { encodeQuery, intParam, json, type SimResponse } from './http-kit';
import type { SimAgent, SimData, SimRating, SimTicket, TicketStatus } from './model';
import { findTicket } from './mutations';
import type { PageStyle } from './pages';

/** Report rows a page: what the documented example's count 165 over 17 pages implies. */
const REPORT_PAGE_SIZE = 10;
/** Conversations a page (HELPDESK-APIS.md §2: 25 for conversations, 50 for other HAL lists). */
const CONVERSATIONS_PAGE_SIZE = 25;

/** The report filter's words → the rating object's (what the simulator stores). `all`: no filter. */
const REPORT_RATING: Record<string, string | null> = { great: 'great', ok: 'okay', 'not-good': 'not_good', all: null };

const STATUS_NAMES: Record<string, TicketStatus> = { active: 'open', pending: 'pending', closed: 'closed' };

// Help Scout's error bodies for these are not in our sources; JSON objects keep clients' parsers honest.
const unauthorized = (): SimResponse =>
  json(
    401,
    { error: 'invalid_token', error_description: 'The access token is invalid or has expired' },
    { 'www-authenticate': 'Bearer' },
  );
const forbidden = (): SimResponse =>
  json(403, { error: 'Forbidden', message: 'Your plan or role does not include this report' });
const notFound = (): SimResponse => json(404, { error: 'Not Found' });
const badRequest = (field: string, message: string): SimResponse =>
  json(400, {
    logRef: 'sim',
    message: 'Bad request',
    _embedded: { errors: [{ path: field, message, source: 'QUERY' }] },
  });

export function helpscoutVendor(data: SimData, accounts: Accounts, page: PageStyle): Vendor {
  const tokens = new HelpscoutTokens(data, accounts);

  function api(request: ApiRequest): ApiResult {
    const path = request.url.pathname;
    if (path === '/v2/oauth2/token') {
      return request.method === 'POST' ? tokens.issue(request.body, request.now) : { response: notFound(), user: null };
    }
    const me = tokens.authenticate(request.authorization, request.now);
    if (!me) return { response: unauthorized(), user: null };
    if (request.method !== 'GET') return { response: notFound(), user: me };
    let response: SimResponse;
    if (path === '/v2/users/me') response = json(200, userJson(me, request.origin));
    else if (path === '/v2/reports/happiness/ratings')
      response = me.role === 'admin' ? ratingsReport(request, null, true) : forbidden();
    else if (path === '/v2/reports/user/ratings') response = userReport(request, me);
    else if (path === '/v2/conversations') response = listConversations(request, me);
    else {
      const id = /^\/v2\/conversations\/(\d+)$/.exec(path)?.[1];
      const ticket = id === undefined ? undefined : findTicket(data, id);
      // A conversation the user may not see does not exist for them.
      response =
        ticket && canSee(me, ticket) ? json(200, conversationJson(ticket, data.agents, request.origin)) : notFound();
    }
    return { response, user: me };
  }

  /** In the simulator users see the conversations assigned to them; the owner sees all. */
  const canSee = (me: SimAgent, ticket: SimTicket) => me.role === 'admin' || ticket.assigneeId === me.id;

  function userReport(request: ApiRequest, me: SimAgent): SimResponse {
    const user = intParam(request.url.searchParams.get('user'), -1);
    if (user === null || user < 0) return badRequest('user', 'must be a user id');
    if (me.role !== 'admin' && user !== me.id) return forbidden();
    return ratingsReport(request, user, false);
  }

  /**
   * A ratings report: ratings created in [start, end] (both required, ISO 8601), of the `rating`
   * asked for (default all), oldest first, 10 a page: `{results, page, count, pages}`; a page past
   * the last is empty. The company report also carries `facets`, as its documented example does.
   */
  function ratingsReport(request: ApiRequest, user: number | null, company: boolean): SimResponse {
    const params = request.url.searchParams;
    const window = [params.get('start'), params.get('end')].map((value) => (value === null ? NaN : Date.parse(value)));
    const [start, end] = window as [number, number];
    if (Number.isNaN(start)) return badRequest('start', 'must be an ISO 8601 date-time');
    if (Number.isNaN(end)) return badRequest('end', 'must be an ISO 8601 date-time');
    const ratingParam = params.get('rating') ?? 'all';
    if (!(ratingParam in REPORT_RATING)) return badRequest('rating', 'must be one of great, ok, not-good, all');
    const wanted = REPORT_RATING[ratingParam];
    const pageNumber = intParam(params.get('page'), 1);
    if (pageNumber === null || pageNumber < 1) return badRequest('page', 'must be a positive number');
    const matches = (rating: SimRating) =>
      rating.createdAt >= start &&
      rating.createdAt <= end &&
      (wanted === null || rating.score === wanted) &&
      (user === null || rating.assigneeId === user);
    const rows = data.ratings.filter(matches);
    const results = rows.slice((pageNumber - 1) * REPORT_PAGE_SIZE, pageNumber * REPORT_PAGE_SIZE).map((rating) => {
      const ticket = findTicket(data, rating.ticketId);
      if (!ticket) throw new Error(`rating ${rating.id} has no conversation`);
      return reportRowJson(rating, ticket, data.agents);
    });
    return json(200, {
      ...(company ? { facets: {} } : {}),
      results,
      page: pageNumber,
      count: rows.length,
      pages: Math.ceil(rows.length / REPORT_PAGE_SIZE),
    });
  }

  /**
   * List conversations (HAL): `status` active|pending|closed|all (default active), `assigned_to`
   * a user id, `modifiedSince` ISO on the last change; `sortField` createdAt|modifiedAt|number,
   * `sortOrder` asc|desc (default desc). `_embedded` is left out when nothing matches, as documented.
   */
  function listConversations(request: ApiRequest, me: SimAgent): SimResponse {
    const params = request.url.searchParams;
    const status = params.get('status') ?? 'active';
    if (!['active', 'pending', 'closed', 'all'].includes(status))
      return badRequest('status', 'must be active, pending, closed or all');
    const assignedParam = params.get('assigned_to');
    const assignedTo = assignedParam === null ? null : intParam(assignedParam, -1);
    if (assignedParam !== null && (assignedTo === null || assignedTo < 0))
      return badRequest('assigned_to', 'must be a user id');
    const sinceParam = params.get('modifiedSince');
    const since = sinceParam === null ? null : Date.parse(sinceParam);
    if (since !== null && Number.isNaN(since)) return badRequest('modifiedSince', 'must be an ISO 8601 date-time');
    const sortField = params.get('sortField') ?? 'createdAt';
    if (!['createdAt', 'modifiedAt', 'number'].includes(sortField))
      return badRequest('sortField', 'unknown sort field');
    const pageNumber = intParam(params.get('page'), 1);
    if (pageNumber === null || pageNumber < 1) return badRequest('page', 'must be a positive number');
    const key = (ticket: SimTicket) =>
      sortField === 'modifiedAt' ? ticket.updatedAt : sortField === 'number' ? ticket.id : ticket.createdAt;
    const direction = params.get('sortOrder') === 'asc' ? 1 : -1;
    const matching = data.tickets
      .filter((ticket) => canSee(me, ticket))
      .filter((ticket) => status === 'all' || HELPSCOUT_STATUS[ticket.status] === status)
      .filter((ticket) => assignedTo === null || ticket.assigneeId === assignedTo)
      .filter((ticket) => since === null || ticket.updatedAt >= since)
      .sort((a, b) => direction * (key(a) - key(b)) || a.id - b.id);
    const items = matching.slice((pageNumber - 1) * CONVERSATIONS_PAGE_SIZE, pageNumber * CONVERSATIONS_PAGE_SIZE);
    const totalPages = Math.ceil(matching.length / CONVERSATIONS_PAGE_SIZE);
    const pageUrl = (n: number) =>
      `${request.origin}/v2/conversations?${encodeQuery([...[...params.entries()].filter(([name]) => name !== 'page'), ['page', String(n)]])}`;
    return json(200, {
      ...(items.length > 0
        ? { _embedded: { conversations: items.map((ticket) => conversationJson(ticket, data.agents, request.origin)) } }
        : {}),
      _links: {
        self: { href: pageUrl(pageNumber) },
        first: { href: pageUrl(1) },
        ...(pageNumber < totalPages ? { next: { href: pageUrl(pageNumber + 1) } } : {}),
        ...(pageNumber > 1 ? { previous: { href: pageUrl(pageNumber - 1) } } : {}),
        last: { href: pageUrl(Math.max(1, totalPages)) },
        page: { href: `${request.origin}/v2/conversations{?page}`, templated: true },
      },
      page: { size: CONVERSATIONS_PAGE_SIZE, totalElements: matching.length, totalPages, number: pageNumber },
    });
  }

  return {
    kind: 'helpscout',
    apiPrefix: '/v2/',
    expireAccessTokens: () => tokens.expireAll(),
    // Help Scout documents no number for v2. Roomier than any plan, so a test's many requests within a
    // wall-clock minute never count the window down to 0 (which makes clients wait); not enforced.
    rateLimit: 2000,
    api,
    rateLimitHeaders: (limit, remaining) => ({
      'X-RateLimit-Limit-Minute': String(limit),
      'X-RateLimit-Remaining-Minute': String(remaining),
    }),
    ticketPageId: (pathname) => /^\/conversation\/(\d+)(?:\/\d+)?\/?$/.exec(pathname)?.[1] ?? null,
    parseStatus: (input) => STATUS_NAMES[input.toLowerCase()] ?? null,
    page,
  };
}
