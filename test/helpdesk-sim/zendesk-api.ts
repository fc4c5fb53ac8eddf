/**
 * The Zendesk Support endpoints GapLens calls, with Zendesk's auth, errors, pagination envelopes
 * and headers (HELPDESK-APIS.md "Zendesk Support", shapes from fixtures/zendesk).
 *
 *   GET /api/v2/users/me
 *   GET /api/v2/satisfaction_ratings          admins only (legacy CSAT)
 *   GET /api/v2/guide/survey_responses        new CSAT
 *   GET /api/v2/tickets/show_many?ids=1,2,3   ≤ 100 ids
 *   GET /api/v2/tickets/:id
 *   GET /api/v2/search?query=…                ≤ 1000 results
 * Each also answers with a `.json` suffix.
 */
import type { Accounts } from './accounts';
import type { ApiRequest, ApiResult, Vendor } from './helpdesk-server';
import { encodeQuery, intParam, json, parseAuthorization, type SimResponse } from './http-kit';
import { decodeCursor, encodeCursor, keysetPage, lowerBound, upperBound, type Position } from './keyset';
import { TICKET_STATUSES, type SimAgent, type SimData, type SimRating, type SimTicket, type TicketStatus } from './model';
import { findTicket } from './mutations';
import type { PageStyle } from './pages';
import { satisfactionRatingJson, surveyResponseJson, ticketJson, userJson } from './zendesk-json';
import { SearchQueryError, parseSearchQuery } from './zendesk-search';

const MAX_PAGE_SIZE = 100;
const MAX_SHOW_MANY = 100;
/** Offset pagination stops at the first 10,000 records. */
const MAX_OFFSET_RECORDS = 10_000;
/** Search returns at most 1,000 results per query. */
const MAX_SEARCH_RESULTS = 1000;

const unauthorized = (): SimResponse =>
  json(401, { error: "Couldn't authenticate you" }, { 'www-authenticate': 'Basic realm="Web Password"' });
const forbidden = (): SimResponse =>
  json(403, {
    error: 'Forbidden',
    description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.',
  });
const notFound = (): SimResponse => json(404, { error: 'RecordNotFound', description: 'Not found' });
const invalid = (description: string, error = 'InvalidValue'): SimResponse => json(400, { error, description });

/** Score filter values of the satisfaction_ratings list, as predicates. */
const SCORE_FILTERS: Record<string, (rating: SimRating) => boolean> = {
  offered: (r) => r.score === 'offered',
  unoffered: (r) => r.score === 'unoffered',
  received: (r) => r.score === 'good' || r.score === 'bad',
  received_with_comment: (r) => (r.score === 'good' || r.score === 'bad') && r.comment !== null,
  received_without_comment: (r) => (r.score === 'good' || r.score === 'bad') && r.comment === null,
  good: (r) => r.score === 'good',
  good_with_comment: (r) => r.score === 'good' && r.comment !== null,
  good_without_comment: (r) => r.score === 'good' && r.comment === null,
  bad: (r) => r.score === 'bad',
  bad_with_comment: (r) => r.score === 'bad' && r.comment !== null,
  bad_without_comment: (r) => r.score === 'bad' && r.comment === null,
};

export function zendeskVendor(data: SimData, accounts: Accounts, page: PageStyle): Vendor {
  const agentsByEmail = new Map(data.agents.map((agent) => [agent.email.toLowerCase(), agent]));

  /**
   * `Basic base64(email/token:TOKEN)` or `Bearer TOKEN` (the same token accepted as an OAuth token).
   * Password logins are refused, as on accounts that turned password access off.
   */
  function authenticate(header: string | undefined): SimAgent | null {
    const auth = parseAuthorization(header);
    if (auth.scheme === 'bearer') return accounts.userBySecret(auth.token);
    if (auth.scheme !== 'basic' || !auth.user.endsWith('/token')) return null;
    const user = accounts.userBySecret(auth.password);
    const email = auth.user.slice(0, -'/token'.length).toLowerCase();
    return user && user.email.toLowerCase() === email ? user : null;
  }

  function api(request: ApiRequest): ApiResult {
    const me = authenticate(request.authorization);
    if (!me) return { response: unauthorized(), user: null };
    if (request.method !== 'GET') return { response: json(404, { error: 'InvalidEndpoint', description: 'Not found' }), user: me };
    const { path } = request;
    let response: SimResponse;
    if (path === '/api/v2/users/me') response = json(200, { user: userJson(me, request.origin) });
    else if (path === '/api/v2/satisfaction_ratings') response = me.role === 'admin' ? satisfactionRatings(request) : forbidden();
    else if (path === '/api/v2/guide/survey_responses') response = surveyResponses(request);
    else if (path === '/api/v2/tickets/show_many') response = showMany(request);
    else if (path === '/api/v2/search') response = search(request, me);
    else {
      const ticketMatch = /^\/api\/v2\/tickets\/(\d+)$/.exec(path);
      const ticket = ticketMatch?.[1] ? findTicket(data, ticketMatch[1]) : undefined;
      if (ticketMatch) response = ticket ? json(200, { ticket: ticketJson(ticket, data, request.origin) }) : notFound();
      else response = json(404, { error: 'InvalidEndpoint', description: 'Not found' });
    }
    return { response, user: me };
  }

  /**
   * Legacy CSAT list. Time filter: `start_time`/`end_time` (epoch seconds, both inclusive) apply to
   * the rating's **created_at** — the docs call them "time of the oldest/most recent satisfaction
   * rating" and order the list by created date; nothing documents filtering or sorting on
   * updated_at. A late answer or a re-rating keeps its created_at, so a client finds changes by
   * re-scanning a trailing window (HELPDESK-APIS.md §3.7).
   * Pagination: cursor when any `page[...]` parameter is present (sort: created_at | -created_at),
   * otherwise offset (`page`, `per_page`, `sort_order` asc|desc).
   * Accounts on the new CSAT write nothing here: they get an empty list.
   */
  function satisfactionRatings(request: ApiRequest): SimResponse {
    const params = request.url.searchParams;
    const scoreParam = params.get('score');
    const scoreFilter = scoreParam === null || scoreParam === '' ? () => true : SCORE_FILTERS[scoreParam];
    if (!scoreFilter) return invalid(`score must be one of ${Object.keys(SCORE_FILTERS).join(', ')}`);
    const startTime = intParam(params.get('start_time'), 0);
    const endTime = intParam(params.get('end_time'), Number.MAX_SAFE_INTEGER / 1000);
    if (startTime === null || endTime === null) return invalid('start_time and end_time are Unix epoch seconds');
    const ratings = data.csat === 'zendesk-legacy' ? data.ratings : [];
    const from = lowerBound(ratings, { createdAt: startTime * 1000, id: -Infinity });
    const to = upperBound(ratings, { createdAt: endTime * 1000, id: Infinity });
    const listUrl = `${request.origin}/api/v2/satisfaction_ratings.json`;
    const render = (rating: SimRating) => satisfactionRatingJson(rating, request.origin);

    if (usesCursor(params)) {
      const sort = params.get('sort') ?? 'created_at';
      if (sort !== 'created_at' && sort !== '-created_at') return invalid('sort must be created_at or -created_at', 'InvalidPaginationParameter');
      return cursorPage(params, listUrl, 'satisfaction_ratings', ratings, { from, to, order: sort === 'created_at' ? 'asc' : 'desc', match: scoreFilter, render });
    }

    const perPage = Math.min(MAX_PAGE_SIZE, intParam(params.get('per_page'), 100) ?? 100);
    const pageNumber = intParam(params.get('page'), 1);
    if (pageNumber === null || pageNumber < 1) return invalid('page must be a positive integer', 'InvalidPaginationParameter');
    if ((pageNumber - 1) * perPage >= MAX_OFFSET_RECORDS) {
      return invalid('Offset pagination is limited to the first 10,000 records; use cursor pagination', 'InvalidPaginationParameter');
    }
    const order = params.get('sort_order') === 'desc' ? 'desc' : 'asc';
    const matching = ratings.slice(from, to).filter(scoreFilter);
    if (order === 'desc') matching.reverse();
    const items = matching.slice((pageNumber - 1) * perPage, pageNumber * perPage);
    const pageUrl = (n: number) => `${listUrl}?${encodeQuery([...withoutKeys(params, ['page']), ['page', String(n)]])}`;
    return json(200, {
      satisfaction_ratings: items.map(render),
      next_page: pageNumber * perPage < matching.length && pageNumber * perPage < MAX_OFFSET_RECORDS ? pageUrl(pageNumber + 1) : null,
      previous_page: pageNumber > 1 ? pageUrl(pageNumber - 1) : null,
      count: matching.length,
    });
  }

  /**
   * New CSAT survey responses. `filter[created_at_start]`/`filter[created_at_end]` are epoch
   * **milliseconds** (inclusive) on the answer's created_at; `filter[subject_zrns]` takes
   * comma-separated `zen:ticket:{id}`. Cursor pagination only. Legacy accounts get an empty list.
   */
  function surveyResponses(request: ApiRequest): SimResponse {
    const params = request.url.searchParams;
    const start = intParam(params.get('filter[created_at_start]'), 0);
    const end = intParam(params.get('filter[created_at_end]'), Number.MAX_SAFE_INTEGER);
    if (start === null || end === null) return invalid('filter[created_at_start] and filter[created_at_end] are epoch milliseconds');
    const zrnParam = params.get('filter[subject_zrns]');
    let ticketIds: Set<number> | null = null;
    if (zrnParam) {
      ticketIds = new Set();
      for (const zrn of zrnParam.split(',')) {
        const match = /^zen:ticket:(\d+)$/.exec(zrn.trim());
        if (!match) return invalid(`filter[subject_zrns] takes zen:ticket:{id} values, not "${zrn}"`);
        ticketIds.add(Number(match[1]));
      }
    }
    const ratings = data.csat === 'zendesk-new' ? data.ratings : [];
    const from = lowerBound(ratings, { createdAt: start, id: -Infinity });
    const to = upperBound(ratings, { createdAt: end, id: Infinity });
    const wanted = ticketIds;
    const match = wanted ? (rating: SimRating) => wanted.has(rating.ticketId) : () => true;
    const listUrl = `${request.origin}/api/v2/guide/survey_responses`;
    return cursorPage(params, listUrl, 'survey_responses', ratings, { from, to, order: 'asc', match, render: surveyResponseJson });
  }

  function showMany(request: ApiRequest): SimResponse {
    const raw = request.url.searchParams.get('ids');
    if (!raw) return invalid('ids is required');
    const ids = raw.split(',').map((id) => id.trim()).filter((id) => id !== '');
    if (ids.length > MAX_SHOW_MANY) return invalid(`Too many ids: at most ${MAX_SHOW_MANY} per request`, 'TooManyValues');
    if (ids.some((id) => !/^\d+$/.test(id))) return invalid('ids must be numeric ticket ids');
    // Unknown ids are left out, as Zendesk does.
    const tickets = ids.map((id) => findTicket(data, id)).filter((ticket): ticket is SimTicket => ticket !== undefined);
    return json(200, { tickets: tickets.map((ticket) => ticketJson(ticket, data, request.origin)), next_page: null, previous_page: null, count: tickets.length });
  }

  /**
   * Offset-paged search: `per_page` ≤ 100 (default 100), `page` from 1; `next_page` is a full URL or
   * null; `count` is the total number of matches. Past the first 1,000 results: 422.
   * Order: `sort_by` created_at | updated_at | status | priority, `sort_order` asc | desc (default
   * desc); without `sort_by` (Zendesk: relevance) the simulator orders by created_at.
   */
  function search(request: ApiRequest, me: SimAgent): SimResponse {
    const params = request.url.searchParams;
    const query = params.get('query');
    if (!query) return invalid('query is required', 'InvalidSearchQuery');
    let predicate: (ticket: SimTicket) => boolean;
    try {
      predicate = parseSearchQuery(query, { me, agentsByEmail, legacyCsat: data.csat === 'zendesk-legacy' });
    } catch (error) {
      if (error instanceof SearchQueryError) return invalid(error.message, 'InvalidSearchQuery');
      throw error;
    }
    const perPage = Math.min(MAX_PAGE_SIZE, Math.max(1, intParam(params.get('per_page'), 100) ?? 100));
    const pageNumber = intParam(params.get('page'), 1);
    if (pageNumber === null || pageNumber < 1) return invalid('page must be a positive integer');
    if (pageNumber * perPage > MAX_SEARCH_RESULTS) {
      return json(422, { error: 'Invalid search: Requested response size was greater than Search Response Limits', description: 'Search returns at most 1,000 results; narrow the query' });
    }
    const sortBy = params.get('sort_by') ?? 'created_at';
    const direction = params.get('sort_order') === 'asc' ? 1 : -1;
    const key = sortKey(sortBy);
    if (!key) return invalid('sort_by must be created_at, updated_at, status or priority');
    const matches = data.tickets.filter(predicate).sort((a, b) => direction * (key(a) - key(b) || a.id - b.id));
    const results = matches.slice((pageNumber - 1) * perPage, pageNumber * perPage).map((ticket) => ({ ...ticketJson(ticket, data, request.origin), result_type: 'ticket' }));
    const searchUrl = (n: number) => `${request.origin}/api/v2/search.json?${encodeQuery([...withoutKeys(params, ['page']), ['page', String(n)]])}`;
    const hasNext = pageNumber * perPage < matches.length && (pageNumber + 1) * perPage <= MAX_SEARCH_RESULTS;
    return json(200, {
      results,
      facets: null,
      next_page: hasNext ? searchUrl(pageNumber + 1) : null,
      previous_page: pageNumber > 1 ? searchUrl(pageNumber - 1) : null,
      count: matches.length,
    });
  }

  return {
    kind: 'zendesk',
    // Zendesk's highest plan limit (Enterprise Plus / High Volume): keeps benchmarks from pacing.
    rateLimit: 2500,
    api,
    // Zendesk sends these lower-case (zendesk-response-headers-ratelimit-zenpy-fixture.json).
    rateLimitHeaders: (limit, remaining, resetSeconds) => ({
      'x-rate-limit': String(limit),
      'x-rate-limit-remaining': String(remaining),
      'rate-limit': String(limit),
      'rate-limit-remaining': String(remaining),
      'rate-limit-reset': String(resetSeconds),
      'x-zendesk-api-version': 'v2',
    }),
    ticketPageId: (pathname) => /^\/agent\/tickets\/(\d+)\/?$/.exec(pathname)?.[1] ?? null,
    parseStatus: (input) => (TICKET_STATUSES.includes(input as TicketStatus) ? (input as TicketStatus) : null),
    page,
  };
}

function sortKey(sortBy: string): ((ticket: SimTicket) => number) | null {
  const priorities = ['low', 'normal', 'high', 'urgent'];
  switch (sortBy) {
    case 'created_at':
      return (ticket) => ticket.createdAt;
    case 'updated_at':
      return (ticket) => ticket.updatedAt;
    case 'status':
      return (ticket) => TICKET_STATUSES.indexOf(ticket.status);
    case 'priority':
      return (ticket) => priorities.indexOf(ticket.priority);
    default:
      return null;
  }
}

function usesCursor(params: URLSearchParams): boolean {
  return params.has('page[size]') || params.has('page[after]') || params.has('page[before]');
}

function withoutKeys(params: URLSearchParams, keys: string[]): [string, string][] {
  return [...params.entries()].filter(([key]) => !keys.includes(key));
}

interface CursorListing<T> {
  from: number;
  to: number;
  order: 'asc' | 'desc';
  match: (record: T) => boolean;
  render: (record: T) => unknown;
}

/**
 * Zendesk's cursor envelope: `meta {has_more, after_cursor, before_cursor}` and `links {next, prev}`
 * with full URLs whose brackets are percent-encoded (`page%5Bafter%5D=…`), like the recorded
 * responses. links.next stays filled on the last page, pointing past it: clients must stop on
 * `has_more: false`, as Zendesk's pagination guide says, not on a missing link.
 */
function cursorPage<T extends SimRating>(
  params: URLSearchParams,
  listUrl: string,
  key: string,
  records: readonly T[],
  listing: CursorListing<T>,
): SimResponse {
  const size = intParam(params.get('page[size]'), 100);
  if (size === null || size < 1 || size > MAX_PAGE_SIZE) {
    return invalid(`page[size] must be between 1 and ${MAX_PAGE_SIZE}`, 'InvalidPaginationParameter');
  }
  let after: Position | undefined;
  let before: Position | undefined;
  const afterParam = params.get('page[after]');
  const beforeParam = params.get('page[before]');
  if (afterParam) after = decodeCursor(afterParam) ?? undefined;
  if (beforeParam) before = decodeCursor(beforeParam) ?? undefined;
  if ((afterParam && !after) || (beforeParam && !before)) return invalid('page[after]/page[before] is not a cursor this list gave out', 'InvalidPaginationParameter');

  const page = keysetPage(records, { order: listing.order, after, before, size, from: listing.from, to: listing.to, match: listing.match });
  const first = page.items[0];
  const last = page.items[page.items.length - 1];
  const afterCursor = last ? encodeCursor(last) : null;
  const beforeCursor = first && (after || before) ? encodeCursor(first) : null;
  const base = withoutKeys(params, ['page[after]', 'page[before]', 'page[size]']);
  const link = (name: 'page[after]' | 'page[before]', cursor: string) =>
    `${listUrl}?${encodeQuery([...base, [name, cursor], ['page[size]', String(size)]])}`;
  // When walking backwards, "more" lies before the page; the way forward is always open.
  const hasMore = page.hasMore;
  return json(200, {
    [key]: page.items.map(listing.render),
    meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
    links: {
      prev: beforeCursor ? link('page[before]', beforeCursor) : null,
      next: afterCursor ? link('page[after]', afterCursor) : null,
    },
  });
}
