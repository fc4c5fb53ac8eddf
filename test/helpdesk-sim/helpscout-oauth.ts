/**
 * Help Scout's OAuth 2 client-credentials flow, simulated (developer.helpscout.com/mailbox-api/
 * overview/authentication/): each user owns one app — App ID derived from the user, App secret the
 * user's secret — and `POST /v2/oauth2/token` trades them for a bearer token that expires after
 * `expires_in` seconds of simulated time. Revoking the secret (the app was deleted, or its secret
 * regenerated) refuses the app at the token endpoint and every token it was given.
 */
import { randomBytes } from 'node:crypto';
import type { Accounts } from './accounts';
import { json, parseAuthorization, type SimResponse } from './http-kit';
import type { SimAgent, SimData } from './model';
import { Random, hash32 } from './prng';

/** Help Scout's tokens last two days (stated by third parties; the answer says so in `expires_in`). */
export const HELPSCOUT_TOKEN_LIFETIME_SECONDS = 172_800;

/** The App ID of a user's app: 32 hex characters, stable for a seed. */
export function helpscoutAppId(data: SimData, userId: number): string {
  return new Random(hash32(data.seed, 0xa7701d, userId)).hex(32);
}

interface IssuedToken {
  userId: number;
  clientSecret: string;
  expiresAt: number;
}

export class HelpscoutTokens {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly data: SimData,
    private readonly accounts: Accounts,
  ) {}

  /** `POST /v2/oauth2/token` with a form body: a token, or the OAuth error (RFC 6749 §5.2). */
  issue(formBody: string, now: number): { response: SimResponse; user: SimAgent | null } {
    const form = new URLSearchParams(formBody);
    if (form.get('grant_type') !== 'client_credentials') {
      return { response: json(400, { error: 'unsupported_grant_type' }), user: null };
    }
    const clientId = form.get('client_id') ?? '';
    const clientSecret = form.get('client_secret') ?? '';
    const user = this.accounts.userBySecret(clientSecret);
    if (!user || helpscoutAppId(this.data, user.id) !== clientId) {
      return {
        response: json(401, { error: 'invalid_client', error_description: 'Bad client credentials' }),
        user: null,
      };
    }
    const token = randomBytes(20).toString('hex');
    this.tokens.set(token, { userId: user.id, clientSecret, expiresAt: now + HELPSCOUT_TOKEN_LIFETIME_SECONDS * 1000 });
    return {
      response: json(200, { token_type: 'bearer', access_token: token, expires_in: HELPSCOUT_TOKEN_LIFETIME_SECONDS }),
      user,
    };
  }

  /** The user a `Bearer` header's token belongs to, unless it is unknown, expired, or its app was revoked. */
  authenticate(header: string | undefined, now: number): SimAgent | null {
    const auth = parseAuthorization(header);
    if (auth.scheme !== 'bearer') return null;
    const issued = this.tokens.get(auth.token);
    if (!issued || issued.expiresAt <= now) return null;
    const user = this.accounts.userBySecret(issued.clientSecret);
    return user?.id === issued.userId ? user : null;
  }

  /** Every token issued so far expires now (a test's way to make two days pass). */
  expireAll(): void {
    for (const issued of this.tokens.values()) issued.expiresAt = 0;
  }
}
