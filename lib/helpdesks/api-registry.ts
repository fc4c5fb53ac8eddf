import { freshdeskApiProvider } from './freshdesk/client';
import { gorgiasApiProvider } from './gorgias/client';
import { helpscoutApiProvider } from './helpscout/client';
import { intercomApiProvider } from './intercom/client';
import { HelpdeskError } from './shared/errors';
import type { HelpdeskApiProvider } from './types';
import { zendeskApiProvider } from './zendesk/client';

/**
 * The API clients, one per helpdesk; the background (sync, connection tests) is their only user.
 * A new helpdesk registers here as well as in registry.ts (see HelpdeskApiProvider for why two).
 */
export const HELPDESK_APIS: readonly HelpdeskApiProvider[] = [
  zendeskApiProvider,
  freshdeskApiProvider,
  gorgiasApiProvider,
  helpscoutApiProvider,
  intercomApiProvider,
];

export function requireHelpdeskApi(kind: string): HelpdeskApiProvider {
  const provider = HELPDESK_APIS.find((candidate) => candidate.kind === kind);
  if (!provider) throw new HelpdeskError('bad-url', `GapLens has no API client for “${kind}”.`);
  return provider;
}
