import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useMarkReady } from '../../components/use-mark-ready';
import { useSettings } from '../../components/use-settings';
import { listConnections } from '../../lib/db/connections';
import { getDb } from '../../lib/db/db';
import { reportFromAggregate, type Aggregate } from '../../lib/gap';
import { readAggregate, type TicketListQuery } from '../../lib/gap-store/queries';
import {
  effectiveTimeZone,
  instantWindow,
  PERIOD_LABELS,
  today,
  windowOfPeriod,
} from '../../lib/gap-store/time-window';
import type { Connection } from '../../lib/model';
import * as actions from './actions';
import { BlindSpotsSection } from './blind-spots-section';
import { CalibrationSection } from './calibration-section';
import { CoverageSection } from './coverage-section';
import { FilterBar } from './filter-bar';
import { finishFilterTiming, startFilterTiming } from './filter-timing';
import { Headline } from './headline';
import { panelCommands } from './panel-commands';
import { RevealFeed } from './reveal-feed';
import { TicketList } from './ticket-list';
import { TrendSection } from './trend-section';
import { useGapStore } from './use-gap-store';
import { useTicketPage } from './use-ticket-page';
import { DEFAULT_VIEW, type PanelView } from './view-state';

// The palette's library is loaded on first use: it is not needed for the first render.
const CommandPalette = lazy(() => import('../../components/command-palette'));

/**
 * Whose numbers the panel shows: the agent's ids in every connected helpdesk (one person has a
 * different id in each), and tickets attributed to nobody — assessments saved before a connection
 * said who the agent is. Ratings a lead's connection fetched for teammates are not the agent's.
 */
export function myAgents(connections: readonly Connection[]): (string | null)[] {
  const ids = new Set(connections.flatMap((connection) => (connection.agent ? [connection.agent.id] : [])));
  return [...[...ids].sort(), null];
}

/** The ticket list's query for a view; its JSON is the key a filter change is measured against. */
function ticketQueryOf(
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

export function App() {
  const settings = useSettings();
  const timeZone = settings && effectiveTimeZone(settings.settings.timeZone);
  const store = useGapStore(timeZone);
  const connections = useLiveQuery(() => listConnections(), []);

  if (store.status === 'error') {
    return (
      <p className="notice error" role="alert">
        GapLens could not prepare your numbers: {store.message}
      </p>
    );
  }
  if (store.status !== 'ready' || !connections || !timeZone) {
    return (
      <p className="loading muted" role="status">
        {store.status === 'building'
          ? 'Preparing your numbers… (once, after an update or a time-zone change)'
          : 'Loading…'}
      </p>
    );
  }
  return <Panel timeZone={timeZone} connections={connections} settingsProblem={settings?.problem ?? null} />;
}

function Panel({
  timeZone,
  connections,
  settingsProblem,
}: {
  timeZone: string;
  connections: Connection[];
  settingsProblem: string | null;
}) {
  const agentsKey = JSON.stringify(myAgents(connections));
  const agents = useMemo(() => JSON.parse(agentsKey) as (string | null)[], [agentsKey]);
  const [view, setView] = useState<PanelView>(DEFAULT_VIEW);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [paletteLoaded, setPaletteLoaded] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const todayDay = today(timeZone);

  const aggregate: Aggregate | undefined = useLiveQuery(() => readAggregate(agents, timeZone), [agents, timeZone]);
  const standardSets = useLiveQuery(() => getDb().standardSets.toArray(), []);
  const dateWindow = useMemo(() => windowOfPeriod(view.period, todayDay), [view.period, todayDay]);
  const metrics = useMemo(
    () =>
      aggregate &&
      standardSets &&
      reportFromAggregate(aggregate, { agentId: agents, window: dateWindow, standardSets }),
    [aggregate, standardSets, agents, dateWindow],
  );
  const ticketQuery = useMemo(
    () => ticketQueryOf(view, agents, timeZone, todayDay),
    [view, agents, timeZone, todayDay],
  );
  const page = useTicketPage(ticketQuery);

  const onView = useCallback(
    (change: Partial<PanelView>) => {
      const next = { ...view, ...change };
      const key = JSON.stringify(ticketQueryOf(next, agents, timeZone, todayDay));
      if (key !== JSON.stringify(ticketQuery)) startFilterTiming(key);
      setView(next);
    },
    [view, agents, timeZone, todayDay, ticketQuery],
  );
  useEffect(() => {
    if (page) finishFilterTiming(page.key);
  }, [page]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && (key === 'k' || (event.shiftKey && key === 'p'))) {
        event.preventDefault();
        setPaletteLoaded(true);
        setPaletteOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const report = (work: () => Promise<string>) => {
    setStatus(null);
    work().then(setStatus, (error: unknown) =>
      setStatus(`That did not work: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  const commands = panelCommands(view, onView, {
    rateCurrentTicket: () => report(actions.rateCurrentTicket),
    syncNow: () => report(actions.syncNow),
    exportMyData: () => report(actions.exportMyData),
    openSettings: () => report(actions.openSettings),
    goTo: (id) => {
      const section = document.getElementById(id);
      section?.scrollIntoView({ block: 'start' });
      section?.focus({ preventScroll: true });
    },
  });

  if (!metrics || !page) return <p className="loading muted">Loading…</p>;
  const periodLabel =
    view.period.preset === 'custom'
      ? `${view.period.window.from} to ${view.period.window.to}`
      : PERIOD_LABELS[view.period.preset];
  const { coverage } = metrics;
  const everything = Object.values(aggregate!.cells).reduce(
    (sum, cell) => sum + cell.matched + cell.assessedOnly + cell.ratedOnly,
    0,
  );

  return (
    <main className="sidepanel">
      <PanelReady />
      <header className="panel-header">
        <h1>My gap</h1>
        <FilterBar
          period={view.period}
          today={todayDay}
          onPeriod={(period) => onView({ period, pageSize: DEFAULT_VIEW.pageSize })}
          onOpenPalette={() => {
            setPaletteLoaded(true);
            setPaletteOpen(true);
          }}
        />
      </header>
      {settingsProblem && (
        <p className="notice warn" role="alert">
          {settingsProblem}
        </p>
      )}
      <p role="status" className={`notice ${status ? 'ok' : ''}`} data-testid="panel-status">
        {status}
      </p>
      {everything === 0 && <GettingStarted hasConnection={connections.length > 0} onStatus={setStatus} />}
      <Headline
        summary={metrics.summary}
        assessed={coverage.matched + coverage.assessedOnly}
        hasConnection={connections.length > 0}
        periodLabel={periodLabel}
      />
      <RevealFeed />
      <TrendSection
        buckets={view.granularity === 'week' ? metrics.weekly : metrics.monthly}
        granularity={view.granularity}
        onGranularity={(granularity) => onView({ granularity })}
      />
      <CalibrationSection summary={metrics.summary} />
      <BlindSpotsSection comparisons={metrics.blindSpots} />
      <CoverageSection coverage={coverage} agents={agents} within={ticketQuery.within} onStatus={setStatus} />
      <TicketList
        page={page}
        view={view}
        onView={onView}
        connections={connections}
        matchedInPeriod={coverage.matched}
      />
      <footer className="muted small panel-footer">
        Weeks and months in {timeZone} · all data stays in this browser
      </footer>
      {paletteLoaded && (
        <Suspense fallback={null}>
          <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} commands={commands} />
        </Suspense>
      )}
    </main>
  );
}

/** Rendered with the first complete panel: marks it ready for tests and the benchmark. */
function PanelReady() {
  useMarkReady();
  return null;
}

function GettingStarted({ hasConnection, onStatus }: { hasConnection: boolean; onStatus: (text: string) => void }) {
  return (
    <section className="getting-started" aria-labelledby="start-title" data-testid="getting-started">
      <h2 id="start-title">See how your customers see your work</h2>
      <ol>
        <li className={hasConnection ? 'done' : ''}>
          {hasConnection ? (
            'Your helpdesk is connected.'
          ) : (
            <>
              <button type="button" className="link" onClick={() => void actions.openSettings().then(onStatus)}>
                Connect your helpdesk
              </button>{' '}
              so GapLens can fetch your customers’ ratings.
            </>
          )}
        </li>
        <li>
          After each ticket, rate it against your team’s standards and predict the customer’s rating: open the ticket
          and click GapLens (or use its shortcut).
        </li>
        <li>Your gap appears here once 5 of the tickets you rated have a customer rating.</li>
      </ol>
    </section>
  );
}
