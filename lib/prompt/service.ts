import { browser } from 'wxt/browser';
import { openToolbarPopup, toolbarAction } from '../browser/toolbar-action';
import type { PromptCard, PromptMessage } from '../content/channel';
import { PROMPT_CHANNEL } from '../content/channel';
import { isDoneStatus } from '../content/selectors';
import { saveAssessment } from '../db/assessments';
import { listConnections, readCredentials } from '../db/connections';
import { readActiveStandardSet } from '../db/standard-sets';
import { requireHelpdeskApi } from '../helpdesks/api-registry';
import { getAdapter } from '../helpdesks/registry';
import { scaleValue } from '../helpdesks/shared/scales';
import type { HelpdeskApi, TicketState } from '../helpdesks/types';
import { assessmentDraftSchema } from '../messaging/protocol';
import type { ContentHandlers } from '../messaging/router';
import { describeZodError, ticketKey, type Connection } from '../model';
import { readSettings } from '../settings/settings-store';
import { createRetryingRunner, DEFAULT_RETRY_POLICY } from '../sync/request-runner';
import { createDoneChecker, type DoneReport } from './done-check';
import { isQuietTime } from './prompt-settings';
import { syncHelpdeskScript, type ScriptingApi } from './registration';
import {
  ratedKeys,
  readPromptSettings,
  readQueue,
  readUnrated,
  updateQueue,
  forgetUnknownConnections,
  writeFullFormRequest,
  writePageHealth,
} from './store';
import {
  addDoneTickets,
  countDoneToday,
  isSnoozed,
  markPrompted,
  startOfLocalDay,
  type DoneTicket,
} from './unrated-queue';

/*
 * The background half of “prompt after every ticket”: which pages get the page script, what a done
 * signal leads to, the unrated queue and the badge. The page script reports; this decides, with
 * the helpdesk's API as the only source of truth about a ticket.
 */

/** The connection the agent uses on this origin: enabled, and it knows who the agent is. */
export async function connectionForOrigin(origin: string): Promise<Connection | undefined> {
  const connections = await listConnections();
  return connections.find((connection) => connection.enabled && connection.origin === origin && connection.agent);
}

/** Registers the page script for the enabled connections' origins, and only those. */
export async function syncRegistration(): Promise<void> {
  const origins = (await listConnections()).filter((c) => c.enabled).map((c) => c.origin);
  await syncHelpdeskScript(origins, browser.scripting as unknown as ScriptingApi);
}

/** An API client for a prompt's small reads: waits out a short rate limit, gives up on a long one. */
async function apiFor(connection: Connection): Promise<HelpdeskApi> {
  const credentials = await readCredentials(connection.id);
  if (!credentials) throw new Error(`Connection ${connection.id} has no credentials`);
  const runner = createRetryingRunner({ ...DEFAULT_RETRY_POLICY, maxAttempts: 3, maxWaitMs: 30_000 });
  return requireHelpdeskApi(connection.kind).createApi(connection.origin, credentials, { runner, timeoutMs: 20_000 });
}

function doneTicketOf(connection: Connection, state: TicketState, now: Date): DoneTicket {
  return {
    ticketKey: ticketKey(connection.origin, state.ticketId),
    kind: connection.kind,
    origin: connection.origin,
    ticketId: state.ticketId,
    connectionId: connection.id,
    subject: state.subject?.slice(0, 500) ?? null,
    // The helpdesk's time of the change; a clock ahead of ours must not date it tomorrow.
    doneAt: new Date(Math.min(Date.parse(state.updatedAt), now.getTime())).toISOString(),
    promptedAt: null,
  };
}

/** The toolbar badge: unrated tickets done today, like a status bar item. */
export async function refreshBadge(): Promise<number> {
  const count = countDoneToday(await readUnrated(), new Date());
  const action = toolbarAction();
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await action.setBadgeBackgroundColor({ color: '#9a6700' });
  await action.setTitle({
    title: count > 0 ? `GapLens: ${count} solved today, not yet rated` : 'GapLens: rate this ticket',
  });
  return count;
}

async function cardFor(
  connection: Connection,
  ticket: DoneTicket,
  autoHideSeconds: number,
): Promise<PromptCard | null> {
  const adapter = getAdapter(connection.kind);
  if (!adapter) return null;
  const { settings } = await readSettings();
  const { set } = await readActiveStandardSet(settings.activeStandardSetId);
  return {
    ticketId: ticket.ticketId,
    label: adapter.label,
    subject: ticket.subject,
    standardSetId: set.id,
    standardSetVersion: set.version,
    standards: set.standards.map(({ id, title, allowNa }) => ({ id, title, allowNa })),
    predictionPoints: adapter.csatScale.points.map(({ value, label }) => ({ value, label })),
    autoHideMs: autoHideSeconds * 1000,
  };
}

/** What a checked ticket leads to: the queue, and maybe a card in the tab that reported it. */
async function onChecked(connection: Connection, state: TicketState, reports: readonly DoneReport[]) {
  if (!connection.agent || state.assigneeId !== connection.agent.id) return;
  const settings = await readPromptSettings(connection.id);
  const updated = reports.some((report) => report.reason === 'updated');
  if (!state.done && (settings.onlyOnSolved || !updated)) return;
  const now = new Date();
  const key = ticketKey(connection.origin, state.ticketId);
  const queue = await updateQueue((current) => addDoneTickets(current, [doneTicketOf(connection, state, now)], now));
  await refreshBadge();
  const ticket = queue.tickets.find((candidate) => candidate.ticketKey === key);
  if (!ticket || ticket.promptedAt !== null) return;
  if (!settings.enabled || isQuietTime(settings, now) || isSnoozed(queue, connection.id, now)) return;
  if ((await ratedKeys([key])).has(key)) return;
  const card = await cardFor(connection, ticket, settings.autoHideSeconds);
  const tabId = reports[reports.length - 1]?.tabId;
  if (!card || tabId === undefined) return;
  await updateQueue((current) => markPrompted(current, key, now));
  const message: PromptMessage = { channel: PROMPT_CHANNEL, type: 'showPrompt', data: card };
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}

const doneChecker = createDoneChecker({
  ticketStates: async (connection, ids) => (await apiFor(connection)).ticketStates(ids),
  onChecked,
  onError: (connection, error) => console.warn(`GapLens: done check on ${connection.origin} failed`, error),
});

/** The page script's messages; the router has already checked the sender and the schema. */
export const contentHandlers: ContentHandlers = {
  async getPageConfig(_request, { origin }) {
    const connection = await connectionForOrigin(origin);
    const adapter = connection && getAdapter(connection.kind);
    if (!adapter) return null;
    return {
      kind: adapter.kind,
      label: adapter.label,
      ticketPath: adapter.page.ticketPath.source,
      selectors: adapter.page.selectors,
    };
  },

  async reportTicketEvent({ event, ticketId, domStatus }, { origin, tabId }) {
    if (event === 'viewing') return { ok: true };
    const connection = await connectionForOrigin(origin);
    const adapter = connection && getAdapter(connection.kind);
    if (!connection || !adapter) return { ok: true };
    const domDone = domStatus === null ? null : isDoneStatus(domStatus, adapter.page.selectors.doneStatuses);
    doneChecker.report(connection, { ticketId, tabId, reason: event, domDone });
    return { ok: true };
  },

  async reportPageHealth({ ticketId, statusControl, submitControl }, { origin }) {
    const connection = await connectionForOrigin(origin);
    if (connection) {
      await writePageHealth(connection.id, {
        checkedAt: new Date().toISOString(),
        ticketId,
        statusControl,
        submitControl,
      });
    }
    return { ok: true };
  },

  /**
   * The card's rating becomes the same record the popup saves: same draft schema, same
   * saveAssessment. Only a ticket GapLens found done for this connection may be rated from a page.
   */
  async saveCardRating({ ticketId, standardSetId, standardSetVersion, scores, prediction }, { origin }) {
    const connection = await connectionForOrigin(origin);
    const adapter = connection && getAdapter(connection.kind);
    if (!connection || !adapter) return { ok: false, error: 'This helpdesk is not connected.' };
    const key = ticketKey(origin, ticketId);
    const queue = await readQueue();
    if (!queue.tickets.some((ticket) => ticket.ticketKey === key && ticket.connectionId === connection.id)) {
      return { ok: false, error: 'GapLens has not seen this ticket solved; rate it from the popup.' };
    }
    const predictedCsat = scaleValue(adapter.csatScale, prediction);
    if (!predictedCsat) return { ok: false, error: 'Choose the rating you expect from the customer.' };
    const draft = assessmentDraftSchema.safeParse({
      ticketKey: key,
      ticket: { kind: connection.kind, origin, ticketId },
      agentId: connection.agent?.id ?? null,
      standardSetId,
      standardSetVersion,
      scores,
      predictedCsat,
      notes: { gotInTheWay: '', worked: '' },
    });
    if (!draft.success) return { ok: false, error: describeZodError(draft.error) };
    try {
      await saveAssessment(draft.data);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    await refreshBadge();
    return { ok: true };
  },

  async dismissPrompt({ snoozeMinutes }, { origin }) {
    const connection = await connectionForOrigin(origin);
    if (connection && snoozeMinutes > 0) {
      const until = new Date(Date.now() + snoozeMinutes * 60_000).toISOString();
      await updateQueue((queue) => ({ ...queue, snoozedUntil: { ...queue.snoozedUntil, [connection.id]: until } }));
    }
    return { ok: true };
  },

  async openFullForm({ ticketId }, { origin }) {
    const connection = await connectionForOrigin(origin);
    if (connection) await writeFullFormRequest({ kind: connection.kind, origin, ticketId });
    return { ok: await openToolbarPopup() };
  },
};

/** How far back the first check of a connection looks: since yesterday's start, for “today” and a margin. */
function firstCheckSince(now: Date): Date {
  return new Date(startOfLocalDay(now).getTime() - 24 * 3600 * 1000);
}

/**
 * Asks each connection's API for the tickets the agent solved since the last check (search /
 * list endpoints), adds them to the queue and drops those of removed connections.
 */
export async function checkSolvedTickets(): Promise<void> {
  const connections = await listConnections();
  const now = new Date();
  await forgetUnknownConnections(new Set(connections.map((connection) => connection.id)));
  for (const connection of connections) {
    if (!connection.enabled || !connection.agent) continue;
    const queue = await readQueue();
    const since = queue.checkedUntil[connection.id] ?? firstCheckSince(now).toISOString();
    try {
      const states = await (await apiFor(connection)).solvedTickets(since);
      const mine = states.filter((state) => state.done && state.assigneeId === connection.agent?.id);
      // Overlap the next window by two minutes: the helpdesk's clock and index may lag ours.
      const checkedUntil = new Date(now.getTime() - 2 * 60_000).toISOString();
      await updateQueue((current) => ({
        ...addDoneTickets(
          current,
          mine.map((state) => doneTicketOf(connection, state, now)),
          now,
        ),
        checkedUntil: { ...current.checkedUntil, [connection.id]: checkedUntil },
      }));
    } catch (error) {
      console.warn(`GapLens: checking solved tickets on ${connection.origin} failed`, error);
    }
  }
  await refreshBadge();
}
