import type { Credentials } from '../../model';
import { bearerAuthorization } from '../shared/basic-auth';
import { streamPage, stringPosition, type CsatStream } from '../shared/csat-pass';
import { HelpdeskError } from '../shared/errors';
import type { HelpdeskApiSpec } from '../shared/helpdesk-api';
import type { HttpClient, JsonResponse } from '../shared/http-client';
import { walkPostPages } from '../shared/pagination';
import type { RateLimitHeaderNames } from '../shared/rate-limit';
import { statesOneByOne } from '../shared/ticket-states';
import { toEpochSeconds } from '../shared/timestamps';
import type { CsatReadRequest, TicketState, WhoAmI } from '../types';
import { draftFromConversation } from './csat';
import {
  intercomConversationPageSchema,
  intercomConversationSchema,
  intercomMeSchema,
  type IntercomConversation,
  type IntercomConversationPage,
} from './schemas';

/** The API version GapLens was written against; without the header Intercom answers in the app's default. */
export const INTERCOM_API_VERSION = '2.14';
/** Search's `per_page` maximum (default 20). */
export const INTERCOM_PAGE_SIZE = 150;

/**
 * `X-RateLimit-Limit`, `X-RateLimit-Remaining`, and `X-RateLimit-Reset` as unix seconds; a 429
 * carries no Retry-After, so the client waits until the reset (HELPDESK-APIS.md “Intercom”).
 */
export const INTERCOM_RATE_LIMIT_HEADERS: RateLimitHeaderNames = {
  limit: ['x-ratelimit-limit'],
  remaining: ['x-ratelimit-remaining'],
  resetSeconds: [],
  resetEpochSeconds: ['x-ratelimit-reset'],
};

function authorization(credentials: Credentials): string {
  if (credentials.type === 'oauth-token') return bearerAuthorization(credentials.token);
  throw new HelpdeskError(
    'unauthorized',
    'Intercom takes an access token (Developer Hub → your app → Authentication), not an API key.',
  );
}

async function readMe(client: HttpClient, signal?: AbortSignal) {
  return (await client.getJson(client.url('/me'), intercomMeSchema, { signal })).data;
}

/** `GET /me`. Intercom calls every teammate an admin; its API says nothing of their inbox role. */
async function whoAmI(client: HttpClient, signal?: AbortSignal): Promise<WhoAmI> {
  const me = await readMe(client, signal);
  return { id: me.id, name: me.name, email: me.email ?? null, role: me.type };
}

/** One condition of a search query. Values are sent as strings, as the spec's example does. */
export interface SearchFilter {
  field: string;
  operator: '=' | '>' | '<';
  value: string;
}

/** A search request body: the filters ANDed, a page of `perPage`, continuing after `cursor`. */
export function searchBody(filters: readonly SearchFilter[], cursor: string | null, perPage = INTERCOM_PAGE_SIZE) {
  return {
    query: { operator: 'AND', value: filters },
    pagination: cursor === null ? { per_page: perPage } : { per_page: perPage, starting_after: cursor },
  };
}

/**
 * Ratings answered (or changed) after `since`. Search compares whole seconds with a strict `>`, so
 * one second earlier keeps `since` itself inside; no `since` reads every answered rating.
 */
export function answeredSince(since: string | null): SearchFilter {
  return {
    field: 'conversation_rating.replied_at',
    operator: '>',
    value: String(since === null ? 0 : toEpochSeconds(since) - 1),
  };
}

const assignedTo = (adminId: string): SearchFilter => ({ field: 'admin_assignee_id', operator: '=', value: adminId });

const nextCursor = (response: JsonResponse<IntercomConversationPage>) =>
  response.data.pages?.next?.starting_after ?? null;

function searchConversations(
  client: HttpClient,
  filters: readonly SearchFilter[],
  start: string | null,
  signal?: AbortSignal,
) {
  return walkPostPages(
    client,
    client.url('/conversations/search'),
    (cursor) => searchBody(filters, cursor),
    intercomConversationPageSchema,
    nextCursor,
    start,
    { signal },
  );
}

/**
 * Rated conversations found with search, 150 a page. The cursor is the position, so a pass resumes
 * at its page; an expired cursor is refused with a 400 and the engine restarts the pass.
 */
function ratedConversationsStream(
  client: HttpClient,
  id: string,
  filtersFor: (request: CsatReadRequest) => Promise<SearchFilter[]>,
): CsatStream {
  return {
    id,
    async *pages(at, request) {
      const filters = await filtersFor(request);
      for await (const { response, next } of searchConversations(client, filters, stringPosition(at), request.signal)) {
        yield streamPage(response.endpoint, next, response.data.conversations.map(draftFromConversation));
      }
    },
  };
}

/** Intercom's conversation states: open, snoozed, closed. Closed is done. */
function conversationState(conversation: IntercomConversation): TicketState {
  const subject = conversation.title || conversation.source?.subject || null;
  return {
    ticketId: conversation.id,
    status: conversation.state,
    done: conversation.state === 'closed',
    assigneeId: conversation.admin_assignee_id ?? null,
    subject,
    updatedAt: conversation.updated_at,
  };
}

/** `GET /conversations/{id}` each (search could batch them, but promises no order or completeness). */
function ticketStates(client: HttpClient, ticketIds: readonly string[], signal?: AbortSignal) {
  const path = (id: string) => `/conversations/${id}`;
  return statesOneByOne(client, ticketIds, path, intercomConversationSchema, conversationState, signal);
}

/** Pages of closed conversations a done-check reads at most: the unrated queue needs today's. */
const SOLVED_SEARCH_MAX_PAGES = 3;

/** Closed conversations assigned to the token's teammate, updated after `since`, newest first. */
async function solvedTickets(client: HttpClient, since: string, signal?: AbortSignal) {
  const me = await readMe(client, signal);
  const filters: SearchFilter[] = [
    { field: 'state', operator: '=', value: 'closed' },
    assignedTo(me.id),
    { field: 'updated_at', operator: '>', value: String(toEpochSeconds(since) - 1) },
  ];
  const states: TicketState[] = [];
  let pages = 0;
  for await (const { response } of searchConversations(client, filters, null, signal)) {
    states.push(...response.data.conversations.map(conversationState));
    if (++pages >= SOLVED_SEARCH_MAX_PAGES) break;
  }
  // Search promises no order; the caller wants the newest first.
  return states.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/**
 * Intercom's API, as data and a few functions for {@link createHelpdeskApi}.
 *
 * Both CSAT paths read the same search. Intercom has no admin-only rating list, and an access token
 * reads the whole workspace whoever created it, so the path is detected by the one probe there is:
 * a one-result search of rated conversations. It answers → `list` (every rating in the workspace,
 * the team lead's view). A 403 → `agent`, which narrows the same search to `admin_assignee_id = me`
 * (conversations assigned to the token's teammate now; one reassigned after its rating is missed).
 * No documented Intercom setting gives that 403 today; if a missing scope causes it, the agent path
 * is refused too and the sync pauses with “lacks permission”, which is the right message.
 */
export const INTERCOM_API_SPEC: HelpdeskApiSpec = {
  rateLimitHeaders: INTERCOM_RATE_LIMIT_HEADERS,
  headers: { 'Intercom-Version': INTERCOM_API_VERSION },
  authorization,
  whoAmI,
  listProbeUrl: (client) => client.url('/conversations/search'),
  listProbeBody: searchBody([answeredSince(null)], null, 1),
  streams: (client) => ({
    list: [ratedConversationsStream(client, 'search', async (request) => [answeredSince(request.since)])],
    agent: [
      ratedConversationsStream(client, 'search_assigned', async (request) => [
        answeredSince(request.since),
        assignedTo((await readMe(client, request.signal)).id),
      ]),
    ],
  }),
  ticketStates,
  solvedTickets,
};
