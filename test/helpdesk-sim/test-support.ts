/** Helpers for the simulator's own tests: build the Authorization header a client would send. */
import type { SimCredential, SimKind } from './model';

/** The header a client of `kind` sends; an api-token is `email/token:TOKEN` on Zendesk, `email:KEY` on Gorgias. */
export function authHeader(credential: SimCredential, kind: SimKind = 'zendesk'): string {
  if (credential.auth.type === 'oauth-token') return `Bearer ${credential.auth.token}`;
  if (credential.auth.type === 'api-token' && kind === 'gorgias') {
    return `Basic ${Buffer.from(`${credential.auth.email}:${credential.auth.token}`).toString('base64')}`;
  }
  if (credential.auth.type === 'api-token') {
    return `Basic ${Buffer.from(`${credential.auth.email}/token:${credential.auth.token}`).toString('base64')}`;
  }
  if (credential.auth.type === 'oauth-client') throw new Error('Help Scout needs a token first: use helpscoutAuthHeader');
  return `Basic ${Buffer.from(`${credential.auth.apiKey}:X`).toString('base64')}`;
}

/** Help Scout: trades the credential's App ID and secret for a token, as a client would, and returns `Bearer …`. */
export async function helpscoutAuthHeader(origin: string, credential: SimCredential): Promise<string> {
  if (credential.auth.type !== 'oauth-client') throw new Error('not a Help Scout credential');
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: credential.auth.clientId, client_secret: credential.auth.clientSecret });
  const response = await fetch(`${origin}/v2/oauth2/token`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return `Bearer ${((await response.json()) as { access_token: string }).access_token}`;
}

export function secretOf(credential: SimCredential): string {
  switch (credential.auth.type) {
    case 'api-token':
      return credential.auth.token;
    case 'api-key':
      return credential.auth.apiKey;
    case 'oauth-client':
      return credential.auth.clientSecret;
    case 'oauth-token':
      return credential.auth.token;
  }
}

export async function getJson<T = unknown>(url: string, credential: SimCredential | null, kind?: SimKind): Promise<{ status: number; headers: Headers; body: T }> {
  const response = await fetch(url, { headers: credential ? { authorization: authHeader(credential, kind) } : {} });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a 429's text body, a login page): the test looks at the text.
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

/** First element, failing loudly instead of returning undefined. */
export function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('expected a non-empty list');
  return item;
}
