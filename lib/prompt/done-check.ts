import type { Connection } from '../model';
import type { TicketState } from '../helpdesks/types';

/** Why the page reported a ticket: the agent left it, or submitted an update. */
export type DoneReason = 'left' | 'updated';

export interface DoneReport {
  ticketId: string;
  tabId: number;
  reason: DoneReason;
  /** What the page's status control said at the time, when the adapter's selectors found it. */
  domDone: boolean | null;
}

export interface DoneCheckDeps {
  /** Asks the helpdesk's API (one batch: Zendesk answers up to 100 tickets in one request). */
  ticketStates(connection: Connection, ticketIds: readonly string[]): Promise<TicketState[]>;
  /** Called for every checked ticket with the reports that asked about it. */
  onChecked(connection: Connection, state: TicketState, reports: readonly DoneReport[]): Promise<void> | void;
  onError?(connection: Connection, error: unknown): void;
  /** How long to gather reports before asking; the DOM's “done” hint skips most of the wait. */
  batchMs?: number;
  /** Fewest milliseconds between two requests for one connection: the rate limit is the account's. */
  minIntervalMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => void;
}

export const DONE_CHECK_BATCH_MS = 1000;
export const DONE_CHECK_FAST_MS = 100;
export const DONE_CHECK_MIN_INTERVAL_MS = 2000;

/**
 * Gathers the page's “left” and “updated” reports per connection and asks the API about them in
 * batches: many tabs and quick navigation cost one request per window, not one per event, and a
 * connection is never asked more often than every {@link DONE_CHECK_MIN_INTERVAL_MS}. The API's
 * answer, never the page, decides whether a ticket is done and whose it is.
 */
export function createDoneChecker(deps: DoneCheckDeps) {
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((fn, ms) => void setTimeout(fn, ms));
  const batchMs = deps.batchMs ?? DONE_CHECK_BATCH_MS;
  const minInterval = deps.minIntervalMs ?? DONE_CHECK_MIN_INTERVAL_MS;
  const pending = new Map<string, { connection: Connection; reports: DoneReport[]; due: number; armed: boolean }>();
  const lastRequest = new Map<string, number>();
  const running = new Set<string>();

  function arm(connectionId: string) {
    const entry = pending.get(connectionId);
    if (!entry || entry.armed || running.has(connectionId)) return;
    entry.armed = true;
    const earliest = (lastRequest.get(connectionId) ?? -Infinity) + minInterval;
    setTimer(() => void flush(connectionId), Math.max(0, Math.max(entry.due, earliest) - now()));
  }

  async function flush(connectionId: string) {
    const entry = pending.get(connectionId);
    if (!entry) return;
    pending.delete(connectionId);
    running.add(connectionId);
    lastRequest.set(connectionId, now());
    try {
      const ids = [...new Set(entry.reports.map((report) => report.ticketId))];
      const states = await deps.ticketStates(entry.connection, ids);
      for (const state of states) {
        await deps.onChecked(
          entry.connection,
          state,
          entry.reports.filter((report) => report.ticketId === state.ticketId),
        );
      }
    } catch (error) {
      deps.onError?.(entry.connection, error);
    } finally {
      running.delete(connectionId);
      // Reports that arrived during the request wait for the next window.
      arm(connectionId);
    }
  }

  return {
    report(connection: Connection, report: DoneReport) {
      const delay = report.domDone ? DONE_CHECK_FAST_MS : batchMs;
      const entry = pending.get(connection.id);
      if (entry) {
        entry.reports.push(report);
        entry.connection = connection;
        entry.due = Math.min(entry.due, now() + delay);
      } else {
        pending.set(connection.id, { connection, reports: [report], due: now() + delay, armed: false });
      }
      arm(connection.id);
    },
  };
}
