/**
 * The Intercom endpoints GapLens calls, with Intercom's auth, errors, paging and headers
 * (HELPDESK-APIS.md "Intercom", shapes from fixtures/intercom). The API has no path prefix, so it
 * shares the simulator's one 127.0.0.1 origin with the agent pages (`/a/inbox/…`):
 *
 *   GET  /me                        the teammate the token belongs to, with the workspace (`app`)
 *   POST /conversations/search      rated / closed / assigned conversations (intercom-search.ts)
 *   GET  /conversations/:id         one conversation
 *
 * Every token reads the whole workspace, as Intercom's access tokens do. Requests must carry
 * `Intercom-Version`: Intercom itself would answer in the app's default version, the simulator
 * refuses (400 `intercom_version_missing`) so a client that forgets the header fails its tests.
 */
import type { Accounts } from './accounts';
import type { Clock } from './helpdesk-server';
import type { ApiRequest, ApiResult, Vendor } from './helpdesk-server';
import { json, parseAuthorization, type SimResponse } from './http-kit';
import { SIM_APP_ID, conversationJson, errorList, meJson, unixSeconds } from './intercom-json';
import { planSearch, writeCursor } from './intercom-search';
import type { SimAgent, SimData, TicketStatus } from './model';
import { findTicket } from './mutations';
import type { PageStyle } from './pages';

/** Versions the simulator answers in; GapLens is written against 2.14. */
const KNOWN_VERSIONS = new Set(['2.11', '2.12', '2.13', '2.14', 'Unstable']);

const STATE_NAMES: Record<string, TicketStatus> = { open: 'open', snoozed: 'pending', closed: 'closed' };

const unauthorized = () => json(401, errorList('unauthorized', 'Access Token Invalid'));
const notFound = (what = 'Resource Not Found') => json(404, errorList('not_found', what));
const badRequest = (code: string, message: string) => json(400, errorList(code, message));

/** The agent-UI address of a conversation: the shared inbox view of the simulated workspace. */
export const INTERCOM_CONVERSATION_PATH_PREFIX = `/a/inbox/${SIM_APP_ID}/inbox/shared/all/conversation/`;

export function intercomVendor(data: SimData, accounts: Accounts, page: PageStyle, clock: Clock): Vendor {
  function authenticate(header: string | undefined): SimAgent | null {
    const auth = parseAuthorization(header);
    return auth.scheme === 'bearer' ? accounts.userBySecret(auth.token) : null;
  }

  function api(request: ApiRequest): ApiResult {
    const me = authenticate(request.authorization);
    if (!me) return { response: unauthorized(), user: null };
    const version = request.headers?.['intercom-version'];
    if (typeof version !== 'string')
      return { response: badRequest('intercom_version_missing', 'Send the Intercom-Version header'), user: me };
    if (!KNOWN_VERSIONS.has(version))
      return {
        response: badRequest('intercom_version_invalid', `Requested version ${version} does not exist`),
        user: me,
      };
    const path = request.url.pathname;
    let response: SimResponse;
    if (path === '/me' && request.method === 'GET') response = json(200, meJson(me));
    else if (path === '/conversations/search' && request.method === 'POST') response = search(request);
    else {
      const match = /^\/conversations\/(\d+)$/.exec(path);
      const ticket = match?.[1] && request.method === 'GET' ? findTicket(data, match[1]) : undefined;
      response = ticket ? json(200, conversationJson(ticket)) : notFound();
    }
    return { response, user: me };
  }

  function search(request: ApiRequest): SimResponse {
    const planned = planSearch(request.body);
    if (!planned.ok) return badRequest(planned.code, planned.message);
    const { matches, perPage, afterId } = planned.plan;
    const matching = data.tickets.filter(matches);
    const start = afterId === null ? 0 : matching.findIndex((ticket) => ticket.id > afterId);
    const from = start < 0 ? matching.length : start;
    const items = matching.slice(from, from + perPage);
    const last = items[items.length - 1];
    const hasMore = from + perPage < matching.length;
    return json(200, {
      type: 'conversation.list',
      pages: {
        type: 'pages',
        page: Math.floor(from / perPage) + 1,
        per_page: perPage,
        total_pages: Math.max(1, Math.ceil(matching.length / perPage)),
        ...(hasMore && last ? { next: { per_page: perPage, starting_after: writeCursor(last.id) } } : {}),
      },
      total_count: matching.length,
      conversations: items.map(conversationJson),
    });
  }

  return {
    kind: 'intercom',
    // "1000 per minute = 167 per 10-second window" (HELPDESK-APIS.md); counted per minute here.
    rateLimit: 1000,
    api,
    isApiPath: (pathname) => pathname === '/me' || pathname.startsWith('/conversations'),
    // Reset as an absolute unix time on the simulator's clock, like every time it prints.
    rateLimitHeaders: (limit, remaining, resetSeconds) => ({
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': String(unixSeconds(clock()) + resetSeconds),
    }),
    faultVoice: {
      // No Retry-After: Intercom documents only the reset time.
      rateLimited: (retryAfterSeconds) =>
        json(429, errorList('rate_limit_exceeded', 'Exceeded rate limit of 167 in 10_seconds'), {
          'X-RateLimit-Limit': '167',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(unixSeconds(clock()) + retryAfterSeconds),
        }),
      serverError: () => json(500, errorList('server_error', 'An unexpected error occurred')),
    },
    ticketPageId: (pathname) =>
      /^\/a\/(?:inbox|apps)\/[a-z0-9_]+\/(?:[^?#]*\/)?conversations?\/(\d+)\/?$/.exec(pathname)?.[1] ?? null,
    parseStatus: (input) => STATE_NAMES[input.toLowerCase()] ?? null,
    page,
  };
}
