import { beforeEach, describe, expect, it } from 'vitest';
import { forgetOAuthClientTokens, oauthClientAuthorization, type OAuthClientTokenConfig } from './oauth-client-token';
import { fakeFetch, type FakeAnswer } from './test-fixtures';

const ORIGIN = 'https://api.helpdesk.example';

function setup(answer: (call: number) => FakeAnswer, change: Partial<OAuthClientTokenConfig> = {}) {
  let now = Date.parse('2026-11-20T12:00:00Z');
  let call = 0;
  const fetch = fakeFetch([['/v2/oauth2/token', () => answer(++call)]]);
  const provider = oauthClientAuthorization({
    origin: ORIGIN,
    tokenPath: '/v2/oauth2/token',
    clientId: 'app-id',
    clientSecret: 'app-secret',
    rateLimitHeaders: { limit: [], remaining: [], resetSeconds: [] },
    defaultLifetimeSeconds: 3600,
    fetch,
    now: () => now,
    ...change,
  });
  return { provider, fetch, advance: (ms: number) => (now += ms) };
}

const token = (n: number, expiresIn?: number): FakeAnswer => ({
  body: { token_type: 'bearer', access_token: `token-${n}`, ...(expiresIn ? { expires_in: expiresIn } : {}) },
});

beforeEach(() => forgetOAuthClientTokens());

describe('oauthClientAuthorization', () => {
  it('trades the client id and secret for a bearer token once, then answers from memory', async () => {
    const { provider, fetch } = setup((n) => token(n, 172800));
    expect(await provider({ fresh: false })).toBe('Bearer token-1');
    expect(await provider({ fresh: false })).toBe('Bearer token-1');
    expect(fetch.calls).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(String(fetch.calls[0]!.init.body)))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'app-id',
      client_secret: 'app-secret',
    });
  });

  it('asks again once the token is about to expire (expires_in, less a minute)', async () => {
    const { provider, advance } = setup((n) => token(n, 600));
    expect(await provider({ fresh: false })).toBe('Bearer token-1');
    advance(8 * 60_000);
    expect(await provider({ fresh: false })).toBe('Bearer token-1');
    advance(60_000);
    expect(await provider({ fresh: false })).toBe('Bearer token-2');
  });

  it('asks again when a fresh value is wanted (after a 401), and a changed secret never reuses a token', async () => {
    const first = setup((n) => token(n));
    expect(await first.provider({ fresh: false })).toBe('Bearer token-1');
    expect(await first.provider({ fresh: true })).toBe('Bearer token-2');
    const other = setup((n) => token(10 + n), { clientSecret: 'regenerated' });
    expect(await other.provider({ fresh: false })).toBe('Bearer token-11');
  });

  it.each([
    [401, { error: 'invalid_client' }],
    [400, { error: 'invalid_client', error_description: 'Bad client credentials' }],
  ])('a refused client (%i) is “invalid or revoked”, naming the token endpoint', async (status, body) => {
    const { provider } = setup(() => ({ status, body }));
    await expect(provider({ fresh: false })).rejects.toMatchObject({
      code: 'unauthorized',
      status,
      message: `POST /v2/oauth2/token: ${status}, app id or secret invalid or revoked. Check the App ID and App secret.`,
    });
  });

  it('a token answer without an access token is a schema error naming the field', async () => {
    const { provider } = setup(() => ({ body: { token_type: 'bearer' } }));
    await expect(provider({ fresh: false })).rejects.toMatchObject({
      code: 'schema',
      message: expect.stringMatching(/^POST \/v2\/oauth2\/token: access_token: expected string/),
    });
  });
});

describe('concurrent callers', () => {
  it('share one token request, and a caller with another secret never gets its token', async () => {
    const { provider, fetch } = setup((n) => token(n));
    const other = setup((n) => token(10 + n), { clientSecret: 'wrong' });
    const answers = await Promise.all([
      provider({ fresh: false }),
      provider({ fresh: true }),
      other.provider({ fresh: false }),
    ]);
    expect(answers).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-11']);
    expect(fetch.calls).toHaveLength(1);
    expect(other.fetch.calls).toHaveLength(1);
  });
});
