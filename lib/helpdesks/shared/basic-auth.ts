/**
 * An HTTP Basic `Authorization` header value (RFC 7617). The user-id and password are joined with a
 * colon and encoded as UTF-8 before base64, so a non-ASCII e-mail address does not make `btoa` throw.
 *
 * Zendesk API tokens use `{email}/token` as the user-id and the token as the password; Freshdesk
 * uses the API key as the user-id and any password (`X` by convention).
 */
export function basicAuthorization(userId: string, password: string): string {
  const bytes = new TextEncoder().encode(`${userId}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** An OAuth 2 bearer `Authorization` header value (RFC 6750). */
export function bearerAuthorization(token: string): string {
  return `Bearer ${token}`;
}
