import { getAdapter } from '../helpdesks/registry';
import type { AuthType } from '../model';

/** How a helpdesk lets an agent sign in, first = the one a form offers first (from its adapter). */
export function authTypesFor(kind: string): readonly AuthType[] {
  return getAdapter(kind)?.authTypes ?? [];
}

export const AUTH_TYPE_LABELS: Record<AuthType, string> = {
  'api-token': 'Email and API token',
  'oauth-token': 'OAuth access token',
  'api-key': 'API key',
  'oauth-client': 'App ID and App secret (OAuth client credentials)',
  none: 'No credentials (CSV import)',
};

/** A zod refinement message when `kind` is not a helpdesk GapLens has an adapter for, else null. */
export function unknownKindProblem(kind: string): string | null {
  return getAdapter(kind) ? null : `“${kind}” is not a helpdesk GapLens supports`;
}
