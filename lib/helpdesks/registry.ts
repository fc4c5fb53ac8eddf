import type { HelpdeskOriginEntry, TicketRef } from '../model';
import { freshdeskAdapter } from './freshdesk';
import { genericAdapter } from './generic';
import { gorgiasAdapter } from './gorgias';
import { helpscoutAdapter } from './helpscout';
import { intercomAdapter } from './intercom';
import type { HelpdeskAdapter } from './types';
import { zendeskAdapter } from './zendesk';

/** Every helpdesk GapLens knows. Adding one = a folder under lib/helpdesks/ and a line here. */
export const HELPDESK_ADAPTERS: readonly HelpdeskAdapter[] = [
  zendeskAdapter,
  freshdeskAdapter,
  gorgiasAdapter,
  helpscoutAdapter,
  intercomAdapter,
];

/**
 * Helpdesks GapLens knows without an API adapter: the generic connection (lib/helpdesks/generic),
 * configured in its own options section with a ticket URL pattern and fed by CSV import. Kept out of
 * HELPDESK_ADAPTERS, which the connection forms list; `getAdapter` knows it all the same.
 */
const IMPORT_ONLY_ADAPTERS: readonly HelpdeskAdapter[] = [genericAdapter];

export function getAdapter(kind: string): HelpdeskAdapter | undefined {
  return [...HELPDESK_ADAPTERS, ...IMPORT_ONLY_ADAPTERS].find((adapter) => adapter.kind === kind);
}

/** Whether a kind has no API adapter: its ratings come from a CSV import (the generic connection). */
export function isImportOnly(kind: string): boolean {
  return IMPORT_ONLY_ADAPTERS.some((adapter) => adapter.kind === kind);
}

/** Like {@link getAdapter} for kinds that were validated before; a missing one is a bug. */
export function requireAdapter(kind: string): HelpdeskAdapter {
  const adapter = getAdapter(kind);
  if (!adapter) throw new Error(`No helpdesk adapter for “${kind}”`);
  return adapter;
}

/**
 * Which ticket, if any, a tab shows. A URL on a helpdesk's own hosted domain is recognised by that
 * helpdesk's adapter; any other origin only when the user configured it for a helpdesk, and then
 * only by that helpdesk's paths. Nothing is guessed from look-alike hosts or query strings.
 */
export function recognizeTicket(rawUrl: string, configuredOrigins: readonly HelpdeskOriginEntry[]): TicketRef | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  for (const entry of configuredOrigins) {
    if (entry.origin !== url.origin || url.username || url.password) continue;
    const ticketId = getAdapter(entry.kind)?.matchTicketPath(url, entry);
    if (ticketId) return { kind: entry.kind, origin: url.origin, ticketId };
  }
  for (const adapter of HELPDESK_ADAPTERS) {
    const ticketId = adapter.matchHostedTicket(url);
    if (ticketId) return { kind: adapter.kind, origin: url.origin, ticketId };
  }
  return null;
}

/** Where the API of a connection to `origin` answers ({@link HelpdeskAdapter.apiOrigin}). */
export function apiOriginOf(kind: string, origin: string): string {
  return getAdapter(kind)?.apiOrigin?.(origin) ?? origin;
}

/** Every origin a connection to `origin` talks to: its agent UI and, when elsewhere, its API. */
export function connectionOrigins(kind: string, origin: string): string[] {
  return [...new Set([origin, apiOriginOf(kind, origin)])];
}
