import type { Credentials } from '../../model';
import { streamPage, stringPosition, type CsatStream } from '../shared/csat-pass';
import { HelpdeskError, isHelpdeskError } from '../shared/errors';
import type { AuthorizationContext, HelpdeskApiSpec } from '../shared/helpdesk-api';
import type { HttpClient } from '../shared/http-client';
import { oauthClientAuthorization } from '../shared/oauth-client-token';
import { collectFirstPages, nextFromHalLinks, nextFromPageCount, walkPages } from '../shared/pagination';
import type { RateLimitHeaderNames } from '../shared/rate-limit';
import type { CsatReadRequest, TicketState, WhoAmI } from '../types';
import { HELPSCOUT_REPORT_RATINGS, draftFromReportRow, type HelpscoutReportRatingValue } from './csat';
import {
  helpscoutConversationListSchema,
  helpscoutConversationSchema,
  helpscoutReportPageSchema,
  helpscoutUserSchema,
  type HelpscoutConversation,
} from './schemas';

/**
 * developer.helpscout.com/mailbox-api/overview/rate-limiting/: per account and minute, with the wait
 * in `X-RateLimit-Retry-After` (seconds) on a 429.
 */
export const HELPSCOUT_RATE_LIMIT_HEADERS: RateLimitHeaderNames = {
  limit: ['x-ratelimit-limit-minute'],
  remaining: ['x-ratelimit-remaining-minute'],
  resetSeconds: [],
  retryAfter: ['x-ratelimit-retry-after'],
};

/** developer.helpscout.com/mailbox-api/overview/authentication/#client-credentials-flow */
export const HELPSCOUT_TOKEN_PATH = '/v2/oauth2/token';
/** Third parties say tokens last 48 h (unverified); Help Scout's answer carries `expires_in` anyway. */
const TOKEN_LIFETIME_SECONDS = 48 * 3600;

/**
 * The reports take a required `start`/`end` window; a first pass asks from before any Help Scout
 * account existed (the company launched in 2011).
 */
const BEGINNING_OF_HISTORY = '2011-01-01T00:00:00Z';
/** Most pages of recently closed conversations the unrated queue reads. */
const CLOSED_CONVERSATIONS_MAX_PAGES = 3;

/** An app's id and secret, traded for a bearer token at the token endpoint (oauth-client-token.ts). */
function authorization(credentials: Credentials, context: AuthorizationContext) {
  if (credentials.type !== 'oauth-client') {
    throw new HelpdeskError(
      'unauthorized',
      'Help Scout takes an OAuth app’s App ID and App secret (Your Profile → My Apps), not a token or key.',
    );
  }
  return oauthClientAuthorization({
    ...context,
    tokenPath: HELPSCOUT_TOKEN_PATH,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    rateLimitHeaders: HELPSCOUT_RATE_LIMIT_HEADERS,
    defaultLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
  });
}

async function whoAmI(client: HttpClient, signal?: AbortSignal): Promise<WhoAmI> {
  const { data } = await client.getJson(client.url('/v2/users/me'), helpscoutUserSchema, { signal });
  const name = [data.firstName, data.lastName].filter(Boolean).join(' ');
  return {
    id: String(data.id),
    name: name || (data.email ?? `user ${data.id}`),
    email: data.email ?? null,
    role: data.role ?? 'user',
  };
}

/** ISO-8601 in whole seconds with `Z`, as the reports' `start`/`end` are documented. */
const isoSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** The report window of a pass: from `since` (or the beginning) to now. */
function reportWindow(request: Pick<CsatReadRequest, 'since'>, now: number) {
  return {
    start: request.since === null ? BEGINNING_OF_HISTORY : isoSeconds(Date.parse(request.since)),
    end: isoSeconds(now),
  };
}

/**
 * One ratings report for one rating value. The rows carry no value, so a pass reads the report once
 * per value (three small walks) rather than resolving each row with `GET /v2/ratings/{ratingId}`,
 * which would cost a request per rating against a per-account, per-minute limit shared with the
 * customer's other integrations. A rating a customer changed shows up under its new value; the
 * upsert by `ratingId` keeps one record.
 */
function reportStream(
  client: HttpClient,
  report: { id: string; path: string; user?: (signal?: AbortSignal) => Promise<string> },
  rating: HelpscoutReportRatingValue,
  now: () => number,
): CsatStream {
  return {
    id: `${report.id}_${rating}`,
    async *pages(at, request) {
      let start = stringPosition(at);
      if (start === null) {
        start = client.url(report.path, {
          user: report.user ? await report.user(request.signal) : null,
          ...reportWindow(request, now()),
          rating,
          page: 1,
        });
      }
      for await (const { response, next } of walkPages(
        client,
        start,
        helpscoutReportPageSchema,
        nextFromPageCount,
        request,
      )) {
        const drafts = response.data.results.map((row) => draftFromReportRow(row, rating, report.id));
        yield streamPage(response.endpoint, next, drafts);
      }
    },
  };
}

/** Active and pending are still being worked; closed means the agent is done (spam is not work). */
const DONE_STATUSES = new Set(['closed']);

function ticketState(conversation: HelpscoutConversation): TicketState {
  return {
    ticketId: String(conversation.id),
    status: conversation.status,
    done: DONE_STATUSES.has(conversation.status),
    assigneeId: conversation.assignee ? String(conversation.assignee.id) : null,
    subject: conversation.subject ?? null,
    updatedAt: conversation.userUpdatedAt ?? conversation.closedAt ?? conversation.createdAt,
  };
}

/** `GET /v2/conversations/{id}` each: the API has no read of many conversations by id. */
async function ticketStates(client: HttpClient, ticketIds: readonly string[], signal?: AbortSignal) {
  const states: TicketState[] = [];
  for (const ticketId of new Set(ticketIds)) {
    try {
      const { data } = await client.getJson(client.url(`/v2/conversations/${ticketId}`), helpscoutConversationSchema, {
        signal,
      });
      states.push(ticketState(data));
    } catch (error) {
      if (!isHelpdeskError(error, 'not-found') && !isHelpdeskError(error, 'forbidden')) throw error;
    }
  }
  return states;
}

export interface HelpscoutApiSpecOptions {
  now?: () => number;
}

/**
 * Help Scout's Mailbox API 2.0 as data and a few functions for createHelpdeskApi. Built per client:
 * the agent path and the closed-conversation list need the agent's own user id, read once.
 */
export function helpscoutApiSpec(options: HelpscoutApiSpecOptions = {}): HelpdeskApiSpec {
  const now = options.now ?? Date.now;
  let me: Promise<string> | null = null;
  const myUserId = (client: HttpClient, signal?: AbortSignal) => {
    me ??= whoAmI(client, signal).then(
      (user) => user.id,
      (error: unknown) => {
        me = null;
        throw error;
      },
    );
    return me;
  };

  /**
   * Closed conversations assigned to the agent, changed since `since`, newest first
   * (`GET /v2/conversations?status=closed&assigned_to=…&modifiedSince=…`, HAL pages).
   */
  async function solvedTickets(client: HttpClient, since: string, signal?: AbortSignal) {
    const start = client.url('/v2/conversations', {
      status: 'closed',
      assigned_to: await myUserId(client, signal),
      modifiedSince: isoSeconds(Date.parse(since)),
      sortField: 'modifiedAt',
      sortOrder: 'desc',
    });
    const walk = walkPages(client, start, helpscoutConversationListSchema, nextFromHalLinks, { signal });
    return collectFirstPages(walk, CLOSED_CONVERSATIONS_MAX_PAGES, (data) =>
      (data._embedded?.conversations ?? []).map(ticketState),
    );
  }

  return {
    rateLimitHeaders: HELPSCOUT_RATE_LIMIT_HEADERS,
    authorization,
    whoAmI,
    // The company-wide report answers 403 to users without access to it (and on plans without
    // reports): the agent path then reads the agent's own report.
    listProbeUrl: (client) =>
      client.url('/v2/reports/happiness/ratings', {
        ...reportWindow({ since: null }, now()),
        rating: 'great',
        page: 1,
      }),
    streams: (client) => {
      const company = { id: 'happiness_ratings', path: '/v2/reports/happiness/ratings' };
      const mine = {
        id: 'user_ratings',
        path: '/v2/reports/user/ratings',
        user: (signal?: AbortSignal) => myUserId(client, signal),
      };
      return {
        list: HELPSCOUT_REPORT_RATINGS.map((rating) => reportStream(client, company, rating, now)),
        agent: HELPSCOUT_REPORT_RATINGS.map((rating) => reportStream(client, mine, rating, now)),
      };
    },
    ticketStates,
    solvedTickets,
  };
}
