import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { hostOf } from '../../components/format';
import { useMarkReady } from '../../components/use-mark-ready';
import { useSettings } from '../../components/use-settings';
import { listConnections } from '../../lib/db/connections';
import type { Connection } from '../../lib/model';
import { computeTeamReport, type TeamReport } from '../../lib/team/team-report';
import { clearTeam, readRatingsFor, readTeam } from '../../lib/team/team-store';
import { ExportsPanel } from './exports-panel';
import { ImportPanel } from './import-panel';
import { SyncPanel } from './sync-panel';
import { TeamTable } from './team-table';

/** A lead's connection with admin rights reads everyone's CSAT, so it is the natural default. */
function defaultConnection(connections: Connection[]): Connection | null {
  return connections.find((c) => c.enabled && c.csatPath === 'list') ?? connections[0] ?? null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function App() {
  const connections = useLiveQuery(listConnections);
  const settings = useSettings();
  if (!connections || !settings) return <p className="muted">Loading…</p>;
  return <Loaded connections={connections} timeZone={settings.settings.timeZone} />;
}

function Loaded({ connections, timeZone }: { connections: Connection[]; timeZone: string | null }) {
  useMarkReady();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const selected = connections.find((c) => c.id === chosenId) ?? defaultConnection(connections);
  const origin = selected?.origin ?? null;
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const window = DAY.test(from) && DAY.test(to) && from <= to ? { from, to } : null;

  const data = useLiveQuery(async () => {
    const team = await readTeam(origin);
    const ratings = origin ? await readRatingsFor(origin) : [];
    const report: TeamReport = computeTeamReport({
      members: team.members,
      ratings,
      standardSets: team.standardSets,
      window,
      timeZone: zone,
    });
    return { report, damaged: team.damaged, agents: team.members.length };
  }, [origin, window?.from, window?.to, zone]);

  return (
    <div className="team">
      <header>
        <h1>GapLens team</h1>
        <p className="muted">
          Your agents’ self-assessments (from the bundles they share with you) next to your customers’ CSAT
          {origin ? ` on ${hostOf(origin)}` : ''}. Nothing leaves this browser.
        </p>
      </header>
      <SyncPanel connections={connections} selected={selected} onSelect={setChosenId} />
      <ImportPanel origin={origin} />
      <section aria-labelledby="gaps-title">
        <h2 id="gaps-title">Team gaps</h2>
        <div className="controls">
          <label>
            From
            <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
          </label>
          <label>
            To
            <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
          </label>
          <span className="muted">
            {window ? `${window.from} to ${window.to}` : 'All time'} · {zone}
          </span>
        </div>
        {!data ? (
          <p className="muted">Loading…</p>
        ) : data.agents === 0 ? (
          <p className="muted">No bundles yet. Ask each agent for “Share with my lead” on their options page.</p>
        ) : (
          <>
            {data.damaged > 0 && (
              <p className="notice warn" role="alert">
                {data.damaged} stored team records are damaged and were left out.
              </p>
            )}
            <TeamTable team={data.report.team} agents={data.report.agents} />
            <p className="muted small">
              Gap = predicted − actual (normalized to 0–1); positive means the agent expected better than the customer
              said. Fewer than 5 matched tickets: not enough data. Coverage = share of CSAT-rated tickets the agent
              assessed.
            </p>
          </>
        )}
      </section>
      {data && data.agents > 0 && (
        <>
          <section aria-labelledby="blockers-title">
            <h2 id="blockers-title">Recurring blockers</h2>
            {data.report.blockers.length === 0 ? (
              <p className="muted">No shared notes in this range (agents choose whether to include notes).</p>
            ) : (
              <ol data-testid="blockers">
                {data.report.blockers.map((blocker) => (
                  <li key={blocker.text}>
                    <strong>{blocker.text}</strong> — {blocker.count}× ({blocker.agents.join(', ')})
                  </li>
                ))}
              </ol>
            )}
          </section>
          <ExportsPanel report={data.report} />
          <section aria-labelledby="manage-title">
            <h2 id="manage-title">Imported bundles</h2>
            <button type="button" className="danger" onClick={() => void clearTeam()}>
              Remove all imported bundles
            </button>
          </section>
        </>
      )}
    </div>
  );
}
