import { getConnection, readCredentials } from '../db/connections';
import { deleteRatingsOf } from '../db/csat-ratings';
import { getDb } from '../db/db';
import { getSyncState, initialSyncState } from '../db/sync-state';
import { describeZodError, type Connection } from '../model';
import { scheduleFirstSync, type AlarmsApi } from '../sync/schedule';
import { saveConnectionInputSchema, type ConnectionError } from './connection-input';
import { probe, resolveTarget, type ConnectionDeps } from './test-connection';

export type SaveConnectionResult = { ok: true; connection: Connection } | { ok: false; error: ConnectionError };

export interface SaveConnectionDeps extends ConnectionDeps {
  now?: () => number;
  alarms?: AlarmsApi;
  /** Set false to leave alarms alone (tests of the data alone). */
  schedule?: boolean;
}

/**
 * Creates or updates a connection. New credentials, or a new origin, are verified first (who am I,
 * which CSAT path): nothing is stored unless the helpdesk accepted them. The connection goes to
 * `connections`, the secret to `credentials`; the result never contains the secret.
 *
 * - A label-only change makes no network call.
 * - New credentials end a pause: the sync resumes where it stopped.
 * - A changed origin is another account: that connection's ratings and sync state are dropped (their
 *   ticket keys name the old origin) and the next sync starts from scratch.
 * - The kind cannot change; that is a different connection.
 */
export async function saveConnection(input: unknown, deps: SaveConnectionDeps = {}): Promise<SaveConnectionResult> {
  const parsed = saveConnectionInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: describeZodError(parsed.error) } };
  const request = parsed.data;
  const target = resolveTarget(request.kind, request.origin);
  if (!target.ok) return target;

  const existing = request.id === undefined ? undefined : await getConnection(request.id);
  if (request.id !== undefined && !existing)
    return { ok: false, error: { code: 'not-found', message: `There is no connection ${request.id}.` } };
  if (existing && existing.kind !== request.kind) {
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'A connection cannot change its helpdesk type; add a new connection instead.',
      },
    };
  }
  const credentials = request.credentials ?? (existing ? await readCredentials(existing.id) : undefined);
  if (!credentials)
    return { ok: false, error: { code: 'invalid-input', message: 'Enter the credentials for this helpdesk.' } };

  const originChanged = existing !== undefined && existing.origin !== target.origin;
  const needsCheck = !existing || request.credentials !== undefined || originChanged;
  let verified: Pick<Connection, 'agent' | 'csatPath'> = {
    agent: existing?.agent ?? null,
    csatPath: existing?.csatPath ?? null,
  };
  if (needsCheck) {
    const result = await probe(target.adapter, target.origin, credentials, deps);
    if (!result.ok) return result;
    const { id, name, email } = result.agent;
    verified = { agent: { id, name, email }, csatPath: result.csatPath };
  }

  const now = new Date((deps.now ?? Date.now)()).toISOString();
  const connection: Connection = {
    id: existing?.id ?? crypto.randomUUID(),
    kind: target.adapter.kind,
    label: request.label,
    origin: target.origin,
    authType: credentials.type,
    ...verified,
    enabled: request.enabled ?? existing?.enabled ?? true,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };

  const db = getDb();
  await db.transaction('rw', [db.connections, db.credentials, db.syncState, db.csatRatings], async () => {
    await db.connections.put(connection);
    if (request.credentials)
      await db.credentials.put({ connectionId: connection.id, credentials: request.credentials });
    if (originChanged) {
      await deleteRatingsOf(connection.id);
      await db.syncState.put(initialSyncState(connection.id));
    } else if (request.credentials) {
      const state = await getSyncState(connection.id);
      if (state.status === 'paused') await db.syncState.put({ ...state, status: 'idle', lastError: null });
    }
  });
  if (deps.schedule !== false && connection.enabled && (!existing || needsCheck || !existing.enabled)) {
    await scheduleFirstSync(connection.id, { alarms: deps.alarms });
  }
  return { ok: true, connection };
}
