import { getAdapter } from '../helpdesks/registry';
import type { AuthType } from '../model';

/**
 * How each helpdesk lets an agent sign in (HELPDESK-APIS.md §1, Auth). Zendesk: email + API token,
 * or an OAuth token; Freshdesk: an API key.
 * TODO: this belongs on HelpdeskAdapter (`authTypes`), so a new helpdesk needs no change here.
 */
const AUTH_TYPES_BY_KIND: Record<string, readonly AuthType[]> = {
  zendesk: ['api-token', 'oauth-token'],
  freshdesk: ['api-key'],
};

export function authTypesFor(kind: string): readonly AuthType[] {
  return AUTH_TYPES_BY_KIND[kind] ?? [];
}

export const AUTH_TYPE_LABELS: Record<AuthType, string> = {
  'api-token': 'Email and API token',
  'oauth-token': 'OAuth access token',
  'api-key': 'API key',
};

/** A zod refinement message when `kind` is not a helpdesk GapLens has an adapter for, else null. */
export function unknownKindProblem(kind: string): string | null {
  return getAdapter(kind) ? null : `“${kind}” is not a helpdesk GapLens supports`;
}
