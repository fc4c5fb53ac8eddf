import { deleteRatingsOf } from '../db/csat-ratings';
import { getDb } from '../db/db';
import { GENERIC_KIND } from '../helpdesks/generic';
import { parseTicketUrlPattern } from '../helpdesks/generic/ticket-pattern';
import type { Connection, HelpdeskOriginEntry, Settings } from '../model';

/**
 * The connection to a helpdesk without an adapter (lib/helpdesks/generic): a `connections` row like
 * any other — so its imported ratings belong to it, the side panel lists it and removing it removes
 * them — plus the ticket URL pattern in settings' helpdesk addresses, where the popup looks.
 *
 * It has no credentials (`authType: 'none'`) and `enabled: false`: `enabled` switches the periodic
 * API sync and the in-page prompt, and there is no API here to sync or to ask whether a ticket is
 * done. Its ratings arrive by CSV import only.
 */

export interface GenericConnectionInput {
  /** Absent for a new connection. */
  id?: string;
  label: string;
  /** The whole pattern, origin included: `https://help.acme.example/tickets/{id}`. */
  pattern: string;
  /** The agent's name or id as the export's agent column writes it, or empty. */
  agentName: string;
}

export type GenericConnectionResult =
  | { ok: true; connection: Connection; entry: HelpdeskOriginEntry; previousOrigin: string | null }
  | { ok: false; error: string };

export interface GenericConnectionDeps {
  /** Writes settings (lib/settings/settings-store's updateSettings in the extension). */
  updateSettings(change: (settings: Settings) => Settings): Promise<unknown>;
  now?: () => number;
}

/** Saves a new or changed generic connection; nothing is written when the input is refused. */
export async function saveGenericConnection(
  input: GenericConnectionInput,
  deps: GenericConnectionDeps,
): Promise<GenericConnectionResult> {
  const label = input.label.trim();
  if (!label) return { ok: false, error: 'Give the connection a name.' };
  if (label.length > 120) return { ok: false, error: 'Keep the name under 120 characters.' };
  const read = parseTicketUrlPattern(input.pattern);
  if (!read.ok) return { ok: false, error: `Ticket URL pattern: ${read.error}` };
  const { origin, path } = read.pattern;
  const agentName = input.agentName.trim();
  if (agentName.length > 200) return { ok: false, error: 'Keep your agent name under 200 characters.' };

  const db = getDb();
  const existing = input.id === undefined ? undefined : await db.connections.get(input.id);
  if (input.id !== undefined && existing?.kind !== GENERIC_KIND)
    return { ok: false, error: 'That connection no longer exists.' };
  // One connection per origin: ratings are keyed by connection and ticket, and assessments learn
  // their agent from the connection on their origin; two would make both ambiguous.
  const rival = (await db.connections.where('origin').equals(origin).toArray()).find((c) => c.id !== existing?.id);
  if (rival) return { ok: false, error: `${origin} is already connected as “${rival.label}”.` };

  const now = new Date((deps.now ?? Date.now)()).toISOString();
  const connection: Connection = {
    id: existing?.id ?? crypto.randomUUID(),
    kind: GENERIC_KIND,
    label,
    origin,
    authType: 'none',
    agent: agentName ? { id: agentName, name: agentName, email: null } : null,
    csatPath: null,
    enabled: false,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  const entry: HelpdeskOriginEntry = { kind: GENERIC_KIND, origin, ticketPath: path };
  const previousOrigin = existing && existing.origin !== origin ? existing.origin : null;

  await db.transaction('rw', [db.connections, db.csatRatings], async () => {
    await db.connections.put(connection);
    // Ratings carry their origin in the ticket key: another origin is another helpdesk's tickets.
    if (previousOrigin) await deleteRatingsOf(connection.id);
  });
  await deps.updateSettings((settings) => ({
    ...settings,
    helpdeskOrigins: [
      ...settings.helpdeskOrigins.filter(
        (e) => !(e.kind === GENERIC_KIND && (e.origin === origin || e.origin === previousOrigin)),
      ),
      entry,
    ],
  }));
  return { ok: true, connection, entry, previousOrigin };
}

/** The settings without the generic entry of `origin` (after its connection was removed). */
export function withoutGenericOrigin(settings: Settings, origin: string): Settings {
  return {
    ...settings,
    helpdeskOrigins: settings.helpdeskOrigins.filter((e) => !(e.kind === GENERIC_KIND && e.origin === origin)),
  };
}
