import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useMarkReady } from '../../components/use-mark-ready';
import { useSettings } from '../../components/use-settings';
import { listConnections } from '../../lib/db/connections';
import { countAllTickets, readPanelMetrics } from '../../lib/gap-store/queries';
import { effectiveTimeZone, PERIOD_LABELS, today, windowOfPeriod, type Period } from '../../lib/gap-store/time-window';
import type { Connection } from '../../lib/model';
import * as actions from './actions';
import { BlindSpotsSection } from './blind-spots-section';
import { CalibrationSection } from './calibration-section';
import { CoverageSection } from './coverage-section';
import { FilterBar } from './filter-bar';
import { finishFilterTiming, startFilterTiming } from './filter-timing';
import { Headline } from './headline';
import { panelCommands } from './panel-commands';
import { myAgents, ticketQueryOf, viewDataKey, windowKeyOf, type PanelSnapshot } from './panel-data';
import { RevealFeed } from './reveal-feed';
import { TicketList } from './ticket-list';
import { TrendSection } from './trend-section';
import { useGapStore } from './use-gap-store';
import { useTicketPage } from './use-ticket-page';
import { DEFAULT_VIEW, type PanelView } from './view-state';

// The palette's library is loaded on first use: it is not needed for the first render.
const CommandPalette = lazy(() => import('../../components/command-palette'));

/** The panel; `snapshot` is the first read (panel-data.ts), used until the live queries answer. */
export function App({ snapshot }: { snapshot: PanelSnapshot | null }) {
  const settings = useSettings() ?? snapshot?.settings;
  const timeZone = settings && effectiveTimeZone(settings.settings.timeZone);
  const store = useGapStore(timeZone, snapshot?.state);
  const connections = useLiveQuery(() => listConnections(), [], snapshot?.connections);

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
  return (
    <Panel
      timeZone={timeZone}
      connections={connections}
      settingsProblem={settings?.problem ?? null}
      initial={snapshot?.data ?? undefined}
    />
  );
}

function Panel({
  timeZone,
  connections,
  settingsProblem,
  initial,
}: {
  timeZone: string;
  connections: Connection[];
  settingsProblem: string | null;
  /** The default view's data from the first read; the live queries take over when they answer. */
  initial: PanelSnapshot['data'] | undefined;
}) {
  const agentsKey = JSON.stringify(myAgents(connections));
  const agents = useMemo(() => JSON.parse(agentsKey) as (string | null)[], [agentsKey]);
  const [view, setView] = useState<PanelView>(DEFAULT_VIEW);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [paletteLoaded, setPaletteLoaded] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const todayDay = today(timeZone);

  const dateWindow = useMemo(() => windowOfPeriod(view.period, todayDay), [view.period, todayDay]);
  const windowKey = windowKeyOf(view, todayDay);
  // Live: re-read whenever a write changes one of the cells read. Each answer carries its window, so
  // a filter change is only over once the metrics of the new window are shown.
  const metricsResult = useLiveQuery(
    async () => ({ key: windowKey, metrics: await readPanelMetrics(agents, dateWindow, timeZone) }),
    // dateWindow is windowKey's value; the key is the stable dependency.
    [agents, windowKey, timeZone],
    initial?.metrics,
  );
  const allTickets = useLiveQuery(() => countAllTickets(agents), [agents], initial?.allTickets);
  const metrics = metricsResult?.metrics;
  const ticketQuery = useMemo(
    () => ticketQueryOf(view, agents, timeZone, todayDay),
    [view, agents, timeZone, todayDay],
  );
  const page = useTicketPage(ticketQuery, initial?.page);

  // Stable, so that memoized sections re-render only when their own data changes.
  const onView = useCallback(
    (change: Partial<PanelView>) =>
      setView((current) => {
        const next = { ...current, ...change };
        const nextKey = viewDataKey(next, agents, timeZone, todayDay);
        if (nextKey !== viewDataKey(current, agents, timeZone, todayDay)) startFilterTiming(nextKey);
        return next;
      }),
    [agents, timeZone, todayDay],
  );
  const onPeriod = useCallback((period: Period) => onView({ period, pageSize: DEFAULT_VIEW.pageSize }), [onView]);
  const onGranularity = useCallback((granularity: PanelView['granularity']) => onView({ granularity }), [onView]);
  const openPalette = useCallback(() => {
    setPaletteLoaded(true);
    setPaletteOpen(true);
  }, []);
  useEffect(() => {
    if (page && metricsResult) finishFilterTiming(JSON.stringify([page.key, metricsResult.key]));
  }, [page, metricsResult]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && (key === 'k' || (event.shiftKey && key === 'p'))) {
        event.preventDefault();
        openPalette();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openPalette]);

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

  if (!metrics || !page || allTickets === undefined) return <p className="loading muted">Loading…</p>;
  const periodLabel =
    view.period.preset === 'custom'
      ? `${view.period.window.from} to ${view.period.window.to}`
      : PERIOD_LABELS[view.period.preset];
  const { coverage } = metrics;

  return (
    <main className="sidepanel">
      <PanelReady />
      <header className="panel-header">
        <h1>My gap</h1>
        <FilterBar period={view.period} today={todayDay} onPeriod={onPeriod} onOpenPalette={openPalette} />
      </header>
      {settingsProblem && (
        <p className="notice warn" role="alert">
          {settingsProblem}
        </p>
      )}
      <p role="status" className={`notice ${status ? 'ok' : ''}`} data-testid="panel-status">
        {status}
      </p>
      {allTickets === 0 && <GettingStarted hasConnection={connections.length > 0} onStatus={setStatus} />}
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
        onGranularity={onGranularity}
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
