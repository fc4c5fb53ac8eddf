import { z } from 'zod';
import type { CsatPath, Credentials } from '../../model';
import type { HelpdeskApi, HelpdeskApiOptions, TicketState, WhoAmI } from '../types';
import { runCsatStreams, type CsatStream } from './csat-pass';
import { isHelpdeskError } from './errors';
import { createHttpClient, type AuthorizationProvider, type HttpClient } from './http-client';
import type { RateLimitHeaderNames } from './rate-limit';

/**
 * What differs between helpdesks' APIs, as a description; {@link createHelpdeskApi} supplies what is
 * the same (the HTTP client, path detection, running a pass), so no adapter repeats it.
 */
export interface HelpdeskApiSpec {
  rateLimitHeaders: RateLimitHeaderNames;
  /** Fixed headers every request carries (Intercom: `Intercom-Version`). */
  headers?: Readonly<Record<string, string>>;
  /**
   * The `Authorization` header for these credentials, or a provider of it for credentials that are
   * traded for a token first (OAuth client credentials, with `context` to reach the token endpoint).
   * Throws a `HelpdeskError` for a kind it does not accept.
   */
  authorization(credentials: Credentials, context: AuthorizationContext): string | AuthorizationProvider;
  whoAmI(client: HttpClient, signal?: AbortSignal): Promise<WhoAmI>;
  /** A cheap request to the admin list endpoint (one record); its 403 means "agent path". */
  listProbeUrl(client: HttpClient): string;
  /** For lists that are read with a POST (Intercom's search): the probe's body; absent, the probe is a GET. */
  listProbeBody?: unknown;
  /** The streams one pass reads, per path, in order. */
  streams(client: HttpClient): Readonly<Record<CsatPath, readonly CsatStream[]>>;
  ticketStates(client: HttpClient, ticketIds: readonly string[], signal?: AbortSignal): Promise<TicketState[]>;
  solvedTickets(client: HttpClient, since: string, signal?: AbortSignal): Promise<TicketState[]>;
}

/** What an authorization provider needs to reach the helpdesk on its own (a token endpoint). */
export interface AuthorizationContext extends Pick<HelpdeskApiOptions, 'fetch' | 'timeoutMs' | 'now'> {
  /** The API origin the client talks to. */
  origin: string;
}

export function createHelpdeskApi(
  spec: HelpdeskApiSpec,
  origin: string,
  credentials: Credentials,
  options: HelpdeskApiOptions = {},
): HelpdeskApi {
  const client = createHttpClient({
    origin,
    authorization: spec.authorization(credentials, {
      origin,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      now: options.now,
    }),
    rateLimitHeaders: spec.rateLimitHeaders,
    headers: spec.headers,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    runner: options.runner,
    now: options.now,
  });
  const streams = spec.streams(client);
  return {
    whoAmI: (signal) => spec.whoAmI(client, signal),
    async detectCsatPath(signal) {
      try {
        const url = spec.listProbeUrl(client);
        await (spec.listProbeBody === undefined
          ? client.getJson(url, PROBE_SCHEMA, { signal })
          : client.postJson(url, spec.listProbeBody, PROBE_SCHEMA, { signal }));
        return 'list';
      } catch (error) {
        if (isHelpdeskError(error, 'forbidden')) return 'agent';
        throw error;
      }
    },
    readCsat: (request) => runCsatStreams(streams[request.path], request),
    ticketStates: (ticketIds, signal) => spec.ticketStates(client, ticketIds, signal),
    solvedTickets: (since, signal) => spec.solvedTickets(client, since, signal),
  };
}

/** The probe only asks whether the list answers (with JSON); its records are read by the streams, with their schema. */
const PROBE_SCHEMA = z.unknown();
