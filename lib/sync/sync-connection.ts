import { getConnection, readCredentials, updateConnection } from '../db/connections';
import { HelpdeskError, isHelpdeskError, type HelpdeskErrorCode } from '../helpdesks/shared/errors';
import type { FetchLike } from '../helpdesks/shared/http-client';
import { requireHelpdeskApi } from '../helpdesks/api-registry';
import { getAdapter, isImportOnly } from '../helpdesks/registry';
import type { CsatPage, RatingDraft } from '../helpdesks/types';
import { ticketKey, type Connection, type CsatRating, type Settings, type SyncState } from '../model';
import { readSettings } from '../settings/settings-store';
import { assessedTicketIds } from './assessed-tickets';
import { passSince, type SyncPass } from './checkpoint';
import {
  DEFAULT_RETRY_POLICY,
  createRetryingRunner,
  systemClock,
  type Clock,
  type RetryPolicy,
} from './request-runner';
import { LeaseLostError, acquireLease, commitPage, finishPass, renewLease, stopSync } from './sync-store';

/** Progress after each committed page of a pass (also written to `SyncState.progress`). */
export interface SyncProgress {
  connectionId: string;
  /** Pages committed in this pass, counting those of an interrupted run it resumed. */
  pages: number;
  /** Ratings read in this pass so far. */
  ratings: number;
  /** The endpoint of the last page. */
  endpoint: string;
}

/** Everything a sync can be given; all optional, the defaults are the real browser. */
export interface SyncOptions {
  onProgress?: (progress: SyncProgress) => void;
  /** Stops the sync; the checkpoint stays at the last committed page. */
  signal?: AbortSignal;
  fetch?: FetchLike;
  clock?: Partial<Clock>;
  retry?: Partial<RetryPolicy>;
  /** Per request attempt. */
  timeoutMs?: number;
  /** How long the lock holds without a sign of life; a crashed sync blocks the next for at most this. */
  leaseMs?: number;
  /** Settings.sync; read from the settings store when absent. */
  settings?: Settings['sync'];
}

/** How a call to {@link syncConnection} ended. */
export type SyncOutcome =
  | { status: 'done'; pages: number; ratings: number; state: SyncState }
  /** Another sync of this connection holds the lock (in this context or another). */
  | { status: 'already-running'; state: SyncState }
  /** 401 / 403: the connection waits for new credentials; nothing was deleted. */
  | { status: 'paused'; error: SyncError; state: SyncState }
  | { status: 'error'; error: SyncError; state: SyncState }
  /** Stopped through the signal; resumes from the checkpoint next time. */
  | { status: 'stopped'; state: SyncState }
  /** The connection does not exist (any more), or lost its lock to another sync. */
  | { status: 'skipped'; reason: string };

/** Why a sync stopped: the code the UI picks its sentence by, and the detail. */
export interface SyncError {
  code: HelpdeskErrorCode | 'internal';
  message: string;
}

export const DEFAULT_LEASE_MS = 2 * 60_000;

/**
 * Runs one pass of a connection's CSAT sync, or resumes the pass a killed run left behind.
 *
 * A pass reads from the last successful pass's start minus the trailing window (all history on the
 * first pass), page by page; each page's ratings and the advanced checkpoint are committed in one
 * transaction (see checkpoint.ts). Ratings are upserted by `${connectionId}:${sourceId}`, never
 * replacing a newer one. Rate limits are waited out and transient failures retried with backoff;
 * 401/403 pause the connection; any failure leaves stored ratings and the checkpoint as they were.
 */
export async function syncConnection(connectionId: string, options: SyncOptions = {}): Promise<SyncOutcome> {
  const clock: Clock = { ...systemClock, ...options.clock };
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const owner = crypto.randomUUID();

  const connection = await getConnection(connectionId);
  if (!connection) return { status: 'skipped', reason: 'no such connection' };
  // A helpdesk without an API (the generic connection) gets its ratings by CSV import only.
  if (isImportOnly(connection.kind)) return { status: 'skipped', reason: 'ratings come from CSV import' };
  const lease = await acquireLease(connectionId, owner, clock.now(), leaseMs);
  if (!lease.acquired) return { status: 'already-running', state: lease.state };

  try {
    const { pass, pages, ratings } = await runPass(
      connection,
      owner,
      lease.state,
      lease.checkpoint.pass,
      clock,
      leaseMs,
      options,
    );
    const state = await finishPass(connectionId, owner, pass);
    return { status: 'done', pages, ratings, state };
  } catch (error) {
    return endWithError(connectionId, owner, error, options.signal, clock);
  }
}

async function runPass(
  connection: Connection,
  owner: string,
  state: SyncState,
  savedPass: SyncPass | null,
  clock: Clock,
  leaseMs: number,
  options: SyncOptions,
): Promise<{ pass: SyncPass; pages: number; ratings: number }> {
  const adapter = getAdapter(connection.kind);
  if (!adapter) throw new HelpdeskError('bad-url', `No helpdesk adapter for “${connection.kind}”.`);
  const credentials = await readCredentials(connection.id);
  if (!credentials) throw new HelpdeskError('unauthorized', 'No credentials are stored for this connection.');
  const settings = options.settings ?? (await readSettings()).settings.sync;
  const runner = createRetryingRunner({ ...DEFAULT_RETRY_POLICY, ...options.retry }, clock, (waitMs) =>
    renewLease(connection.id, owner, clock.now() + waitMs + leaseMs),
  );
  const api = requireHelpdeskApi(adapter.kind).createApi(connection.origin, credentials, {
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    runner,
    now: clock.now,
  });

  let path = connection.csatPath;
  if (path === null) {
    path = await api.detectCsatPath(options.signal);
    await updateConnection(connection.id, { csatPath: path, updatedAt: new Date(clock.now()).toISOString() });
  }
  // A saved pass of another path (the credentials changed) cannot be resumed: start a new one.
  let pass: SyncPass =
    savedPass && savedPass.path === path
      ? savedPass
      : {
          path,
          startedAt: new Date(clock.now()).toISOString(),
          since: passSince(state.lastSuccessAt, settings.trailingWindowDays),
          resume: null,
          pages: 0,
          ratings: 0,
        };
  let pagesThisRun = 0;
  let ratingsThisRun = 0;
  // The last page of a pass was committed but the run died before recording the success.
  if (pass.pages > 0 && pass.resume === null) return { pass, pages: 0, ratings: 0 };
  const assessed = path === 'agent' ? await assessedTicketIds(connection.origin, pass.since) : [];
  const read = (resume: unknown) =>
    api.readCsat({ path, since: pass.since, resume, assessedTicketIds: assessed, signal: options.signal });
  for await (const page of restartIfRefused(read, pass.resume)) {
    const syncedAt = new Date(clock.now()).toISOString();
    pass = { ...pass, resume: page.resume, pages: pass.pages + 1, ratings: pass.ratings + page.ratings.length };
    await commitPage({
      connectionId: connection.id,
      owner,
      ratings: page.ratings.map((draft) => toCsatRating(draft, connection, syncedAt)),
      pass,
      nowMs: clock.now(),
      leaseMs,
    });
    pagesThisRun++;
    ratingsThisRun += page.ratings.length;
    options.onProgress?.({
      connectionId: connection.id,
      pages: pass.pages,
      ratings: pass.ratings,
      endpoint: page.endpoint,
    });
  }
  return { pass, pages: pagesThisRun, ratings: ratingsThisRun };
}

/**
 * Reads from the saved position; if the helpdesk refuses it at once (400/422: a cursor that expired
 * while the sync was stopped), reads the pass again from its start instead of failing at every run.
 * Already-stored pages are read twice then, which the upsert makes harmless.
 */
async function* restartIfRefused(
  read: (resume: unknown) => AsyncGenerator<CsatPage>,
  resume: unknown,
): AsyncGenerator<CsatPage> {
  if (resume === null || resume === undefined) return yield* read(null);
  const pages = read(resume);
  let first: IteratorResult<CsatPage>;
  try {
    first = await pages.next();
  } catch (error) {
    if (!isHelpdeskError(error, 'bad-request')) throw error;
    return yield* read(null);
  }
  if (first.done) return;
  yield first.value;
  yield* pages;
}

/** Ties an adapter's rating to the connection: the upsert key and the ticket key. */
export function toCsatRating(
  draft: RatingDraft,
  connection: Pick<Connection, 'id' | 'kind' | 'origin'>,
  syncedAt: string,
): CsatRating {
  return {
    id: `${connection.id}:${draft.sourceId}`,
    connectionId: connection.id,
    sourceId: draft.sourceId,
    source: draft.source,
    kind: connection.kind,
    origin: connection.origin,
    ticketId: draft.ticketId,
    ticketKey: ticketKey(connection.origin, draft.ticketId),
    rating: draft.rating,
    comment: draft.comment,
    agentId: draft.agentId,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    syncedAt,
  };
}

/** The sentence stored for a paused connection; the UI shows it beside a "enter new credentials" action. */
export function pauseMessage(error: HelpdeskError): string {
  const detail = error.endpoint ? ` (${error.endpoint}: ${error.status ?? error.code})` : ` (${error.message})`;
  return error.code === 'unauthorized'
    ? `token invalid or revoked${detail}. Enter new credentials to resume syncing.`
    : `lacks permission${detail}. Use credentials that may read satisfaction ratings.`;
}

async function endWithError(
  connectionId: string,
  owner: string,
  error: unknown,
  signal: AbortSignal | undefined,
  clock: Clock,
): Promise<SyncOutcome> {
  if (error instanceof LeaseLostError) return { status: 'skipped', reason: error.message };
  const at = new Date(clock.now()).toISOString();
  try {
    if (signal?.aborted || isHelpdeskError(error, 'aborted')) {
      return { status: 'stopped', state: await stopSync(connectionId, owner, 'idle', null) };
    }
    if (isHelpdeskError(error, 'unauthorized') || isHelpdeskError(error, 'forbidden')) {
      const syncError: SyncError = { code: error.code, message: pauseMessage(error) };
      return {
        status: 'paused',
        error: syncError,
        state: await stopSync(connectionId, owner, 'paused', { ...syncError, at }),
      };
    }
    const syncError: SyncError = isHelpdeskError(error)
      ? { code: error.code, message: error.message }
      : { code: 'internal', message: `Sync failed: ${error instanceof Error ? error.message : String(error)}` };
    return {
      status: 'error',
      error: syncError,
      state: await stopSync(connectionId, owner, 'error', { ...syncError, at }),
    };
  } catch (stopError) {
    if (stopError instanceof LeaseLostError) return { status: 'skipped', reason: stopError.message };
    throw stopError;
  }
}
