import { z } from 'zod';
import { bearerAuthorization } from './basic-auth';
import { HelpdeskError, isHelpdeskError } from './errors';
import { createHttpClient, type AuthorizationProvider, type FetchLike } from './http-client';
import type { RateLimitHeaderNames } from './rate-limit';

/**
 * OAuth 2 client credentials (RFC 6749 §4.4): the background trades an app's id and secret for a
 * bearer token at the helpdesk's token endpoint, and uses that token until it expires or is refused.
 *
 * The token lives in this module's memory only: never stored with the connection, never messaged to
 * a page. A service worker that stops forgets it, and the next request asks for a new one — one
 * extra request, which is cheaper than keeping a second secret on disk.
 */

/** The token answer (RFC 6749 §5.1); Help Scout: `{"token_type":"bearer","access_token":"…","expires_in":172800}`. */
const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
});

export interface OAuthClientTokenConfig {
  /** The API origin the token endpoint is on. */
  origin: string;
  /** e.g. `/v2/oauth2/token`. */
  tokenPath: string;
  clientId: string;
  clientSecret: string;
  rateLimitHeaders: RateLimitHeaderNames;
  /** Assumed when the answer has no `expires_in`. */
  defaultLifetimeSeconds: number;
  fetch?: FetchLike;
  timeoutMs?: number;
  now?: () => number;
}

/** A token is renewed this long before it expires, so a request never leaves with a dying one. */
const EXPIRY_MARGIN_MS = 60_000;

interface CachedToken {
  clientSecret: string;
  token: string;
  expiresAt: number;
}

/** By token endpoint and client id; the secret is compared too, so a changed secret gets a new token. */
const tokens = new Map<string, CachedToken>();
/**
 * Token requests under way, by key and secret: a sync and a ticket-state read that both find no valid
 * token (a service worker that just started) share one request instead of each asking.
 */
const requests = new Map<string, Promise<CachedToken>>();

/**
 * The `Authorization` provider for an OAuth client (see {@link AuthorizationProvider}): a cached
 * bearer token while it is valid, a new one when asked for a fresh value (after a 401) or when it
 * expired. A client the helpdesk refuses (400/401 `invalid_client`) is a clear `unauthorized`
 * error naming the token endpoint: the app was deleted, or its secret regenerated.
 */
export function oauthClientAuthorization(config: OAuthClientTokenConfig): AuthorizationProvider {
  const now = config.now ?? Date.now;
  const key = `${config.origin}${config.tokenPath}\n${config.clientId}`;
  // The token request carries the secret in its body, never an Authorization header.
  const tokenClient = createHttpClient({
    origin: config.origin,
    authorization: null,
    rateLimitHeaders: config.rateLimitHeaders,
    fetch: config.fetch,
    timeoutMs: config.timeoutMs,
    now,
  });
  // A request is shared only by callers with the same secret: one with a wrong secret must never
  // receive the token another caller's right one obtains.
  const requestKey = `${key}\n${config.clientSecret}`;
  // Not aborted by one caller's signal, since others may wait on it; it has its own timeout.
  return async ({ fresh }) => {
    const cached = tokens.get(key);
    if (!fresh && cached && cached.clientSecret === config.clientSecret && cached.expiresAt > now()) {
      return bearerAuthorization(cached.token);
    }
    tokens.delete(key);
    let request = requests.get(requestKey);
    if (!request) {
      request = requestToken().finally(() => requests.delete(requestKey));
      requests.set(requestKey, request);
    }
    return bearerAuthorization((await request).token);
  };

  async function requestToken(): Promise<CachedToken> {
    const fields = { grant_type: 'client_credentials', client_id: config.clientId, client_secret: config.clientSecret };
    let data: z.output<typeof tokenResponseSchema>;
    try {
      ({ data } = await tokenClient.postForm(config.tokenPath, fields, tokenResponseSchema));
    } catch (error) {
      if (isHelpdeskError(error, 'unauthorized') || isHelpdeskError(error, 'bad-request')) {
        throw new HelpdeskError(
          'unauthorized',
          `${error.endpoint}: ${error.status}, app id or secret invalid or revoked. Check the App ID and App secret.`,
          { endpoint: error.endpoint, status: error.status, cause: error },
        );
      }
      throw error;
    }
    const lifetimeMs = (data.expires_in ?? config.defaultLifetimeSeconds) * 1000;
    const token = {
      clientSecret: config.clientSecret,
      token: data.access_token,
      expiresAt: now() + Math.max(0, lifetimeMs - EXPIRY_MARGIN_MS),
    };
    tokens.set(key, token);
    return token;
  }
}

/** Forgets every cached token (tests; a real background forgets them when it stops). */
export function forgetOAuthClientTokens(): void {
  tokens.clear();
  requests.clear();
}
