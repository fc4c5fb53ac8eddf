import { readSettings, type SettingsRead } from '../../lib/settings/settings-store';
import { listConnections } from '../../lib/db/connections';
import type { GapMetrics } from '../../lib/gap';
import {
  countAllTickets,
  readGapState,
  readPanelMetrics,
  readTicketPage,
  type TicketListQuery,
  type TicketPage,
} from '../../lib/gap-store/queries';
import type { GapState } from '../../lib/gap-store/schema';
import { effectiveTimeZone, instantWindow, today, windowOfPeriod } from '../../lib/gap-store/time-window';
import type { Connection } from '../../lib/model';
import { DEFAULT_VIEW, type PanelView } from './view-state';

/*
 * What the panel reads, and the first read done before React has even loaded (main.ts), so the
 * first render waits for one round of IndexedDB reads instead of a chain of them.
 */

/**
 * Whose numbers the panel shows: the agent's ids in every connected helpdesk (one person has a
 * different id in each), and tickets attributed to nobody — assessments saved before a connection
 * said who the agent is. Ratings a lead's connection fetched for teammates are not the agent's.
 */
export function myAgents(connections: readonly Connection[]): (string | null)[] {
  const ids = new Set(connections.flatMap((connection) => (connection.agent ? [connection.agent.id] : [])));
  return [...[...ids].sort(), null];
}

/** The ticket list's query for a view. */
export function ticketQueryOf(
  view: PanelView,
  agents: (string | null)[],
  timeZone: string,
  todayDay: string,
): TicketListQuery {
  return {
    kind: 'matched',
    agents,
    within: instantWindow(windowOfPeriod(view.period, todayDay), timeZone),
    origin: view.origin,
    outcome: view.outcome,
    sort: view.sort,
    limit: view.pageSize,
  };
}

/** The key of the metrics' window; a metrics result carries it (see filter-timing.ts). */
export function windowKeyOf(view: PanelView, todayDay: string): string {
  return JSON.stringify(windowOfPeriod(view.period, todayDay));
}

/** What the panel's data depends on in a view: the list's query and the metrics' window. */
export function viewDataKey(view: PanelView, agents: (string | null)[], timeZone: string, todayDay: string): string {
  return JSON.stringify([JSON.stringify(ticketQueryOf(view, agents, timeZone, todayDay)), windowKeyOf(view, todayDay)]);
}

export type KeyedMetrics = { key: string; metrics: GapMetrics };
export type KeyedPage = TicketPage & { key: string };

/** Everything the first render of the default view needs. */
export interface PanelSnapshot {
  settings: SettingsRead;
  connections: Connection[];
  state: GapState | null;
  /** The default view's data; null when the store must be (re)built first. */
  data: { metrics: KeyedMetrics; page: KeyedPage; allTickets: number } | null;
}

export async function loadPanelSnapshot(): Promise<PanelSnapshot> {
  const [settings, connections, state] = await Promise.all([readSettings(), listConnections(), readGapState()]);
  const timeZone = effectiveTimeZone(settings.settings.timeZone);
  if (state?.timeZone !== timeZone) return { settings, connections, state, data: null };
  const agents = myAgents(connections);
  const todayDay = today(timeZone);
  const query = ticketQueryOf(DEFAULT_VIEW, agents, timeZone, todayDay);
  const [metrics, page, allTickets] = await Promise.all([
    readPanelMetrics(agents, windowOfPeriod(DEFAULT_VIEW.period, todayDay), timeZone),
    readTicketPage(query),
    countAllTickets(agents),
  ]);
  return {
    settings,
    connections,
    state,
    data: {
      metrics: { key: windowKeyOf(DEFAULT_VIEW, todayDay), metrics },
      page: { key: JSON.stringify(query), ...page },
      allTickets,
    },
  };
}
