/** Helpers for the simulator's own tests: build the Authorization header a client would send. */
import type { SimCredential, SimKind } from './model';

/** The header a client of `kind` sends; an api-token is `email/token:TOKEN` on Zendesk, `email:KEY` on Gorgias. */
export function authHeader(credential: SimCredential, kind: SimKind = 'zendesk'): string {
  if (credential.auth.type === 'api-token' && kind === 'gorgias') {
    return `Basic ${Buffer.from(`${credential.auth.email}:${credential.auth.token}`).toString('base64')}`;
  }
  if (credential.auth.type === 'api-token') {
    return `Basic ${Buffer.from(`${credential.auth.email}/token:${credential.auth.token}`).toString('base64')}`;
  }
  return `Basic ${Buffer.from(`${credential.auth.apiKey}:X`).toString('base64')}`;
}

export function secretOf(credential: SimCredential): string {
  return credential.auth.type === 'api-token' ? credential.auth.token : credential.auth.apiKey;
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
