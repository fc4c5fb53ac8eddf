import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatDateTime } from '../../components/format';
import { Notice, type NoticeTone } from '../../components/notice';
import { getDb } from '../../lib/db/db';
import { parseStored } from '../../lib/db/stored-read';
import { connectionOrigins, getAdapter, isImportOnly } from '../../lib/helpdesks/registry';
import { sendMessage } from '../../lib/messaging/messenger';
import { connectionSchema, syncStateSchema, type Connection, type Settings, type SyncState } from '../../lib/model';
import { ConnectionForm } from './connection-form';
import { PromptSettingsPanel } from './prompt-settings-panel';
import { releaseHostAccess } from './host-access';
import { Section } from './section';

type Row = { key: string; connection: Connection | null; problem: string | null; state: SyncState | null };

/** Connections and their sync status, live from the database (the background writes, this page reads). */
async function readRows(): Promise<Row[]> {
  const db = getDb();
  const [connections, states] = await Promise.all([db.connections.toArray(), db.syncState.toArray()]);
  // Helpdesks without an API (no credentials to enter) have their own section: “Other helpdesks”.
  return connections
    .filter((raw) => !isImportOnly(raw.kind))
    .map((raw) => {
      const read = parseStored(connectionSchema, raw);
      const state = states.find((s) => s.connectionId === raw.id);
      const stateRead = parseStored(syncStateSchema, state);
      return {
        key: String(raw.id),
        connection: read.status === 'ok' ? read.value : null,
        problem:
          read.status === 'damaged'
            ? read.problem
            : stateRead.status === 'damaged'
              ? `sync status: ${stateRead.problem}`
              : null,
        state: stateRead.status === 'ok' ? stateRead.value : null,
      };
    });
}

export function ConnectionsSection({ settings }: { settings: Settings }) {
  const rows = useLiveQuery(readRows);
  const [editing, setEditing] = useState<Connection | 'new' | null>(null);
  const [message, setMessage] = useState<{ tone: NoticeTone; text: string } | null>(null);

  return (
    <Section id="connections" title="Connections">
      <p className="muted">
        A connection lets GapLens read your customers’ satisfaction ratings from the helpdesk, every{' '}
        {settings.sync.intervalMinutes} minutes. GapLens asks for access to that one address only. Credentials stay in
        this browser and are never shown again or exported.
      </p>
      {rows === undefined ? (
        <p className="muted">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="muted">No connections yet.</p>
      ) : (
        <div className="connections">
          {rows.map((row) =>
            row.connection ? (
              <ConnectionCard
                key={row.key}
                connection={row.connection}
                state={row.state}
                problem={row.problem}
                // Access stays while another connection or a helpdesk address (ticket recognition) uses the origin.
                originStillUsed={
                  rows.some((r) => r.key !== row.key && r.connection?.origin === row.connection?.origin) ||
                  settings.helpdeskOrigins.some((entry) => entry.origin === row.connection?.origin)
                }
                onEdit={() => setEditing(row.connection)}
                onMessage={setMessage}
              />
            ) : (
              <Notice key={row.key} tone="warn">
                The saved connection “{row.key}” is damaged: {row.problem}. Remove it and connect again.
              </Notice>
            ),
          )}
        </div>
      )}
      <Notice tone={message?.tone ?? null} testId="connections-message">
        {message?.text}
      </Notice>
      {editing ? (
        <ConnectionForm
          key={editing === 'new' ? 'new' : editing.id}
          existing={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved)
              setMessage({ tone: 'ok', text: `Saved ${saved.label}. GapLens starts reading its ratings now.` });
          }}
        />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          Add a connection
        </button>
      )}
    </Section>
  );
}

interface CardProps {
  connection: Connection;
  state: SyncState | null;
  problem: string | null;
  originStillUsed: boolean;
  onEdit(): void;
  onMessage(message: { tone: NoticeTone; text: string }): void;
}

function ConnectionCard({ connection, state, problem, originStillUsed, onEdit, onMessage }: CardProps) {
  const [confirming, setConfirming] = useState(false);
  const titleId = `connection-${connection.id}`;
  const fail = (error: unknown) => onMessage({ tone: 'error', text: (error as Error).message });

  const syncNow = () =>
    sendMessage('syncNow', { connectionId: connection.id }).then(
      () =>
        onMessage({ tone: 'ok', text: `Sync started for ${connection.label}; its status above updates as it runs.` }),
      fail,
    );

  async function remove() {
    try {
      await sendMessage('removeConnection', { connectionId: connection.id });
      if (!originStillUsed) {
        await Promise.all(connectionOrigins(connection.kind, connection.origin).map(releaseHostAccess));
      }
      onMessage({ tone: 'ok', text: `Removed ${connection.label}. Your assessments are kept.` });
    } catch (error) {
      fail(error);
    }
  }

  return (
    <article className="connection" aria-labelledby={titleId}>
      <h3 id={titleId}>{connection.label}</h3>
      <p className="muted">
        {getAdapter(connection.kind)?.label ?? connection.kind} · <code>{connection.origin}</code>
        {connection.agent ? ` · signed in as ${connection.agent.name} (id ${connection.agent.id})` : ''}
      </p>
      {problem && <Notice tone="warn">{problem}</Notice>}
      <SyncStatus state={state} />
      <PromptSettingsPanel connection={connection} />
      <div className="actions">
        <button type="button" onClick={() => void syncNow()} disabled={state?.status === 'running'}>
          Sync now
        </button>
        <button type="button" onClick={onEdit}>
          Edit
        </button>
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void remove()}>
              Remove {connection.label}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Remove…
          </button>
        )}
      </div>
    </article>
  );
}

function SyncStatus({ state }: { state: SyncState | null }) {
  if (!state) return <p className="muted small">Not synced yet.</p>;
  const when = (iso: string | null, never: string) => (iso ? formatDateTime(iso) : never);
  return (
    <>
      {state.status === 'running' && (
        <p role="status" className="notice ok">
          Syncing…{' '}
          {state.progress ? `${state.progress.pages} pages, ${state.progress.ratings} ratings so far` : 'starting'}
        </p>
      )}
      <dl className="sync-status">
        <dt>Last successful sync</dt>
        <dd>{when(state.lastSuccessAt, 'never')}</dd>
        <dt>Ratings stored</dt>
        <dd>{state.ratingsStored}</dd>
        <dt>Next run</dt>
        <dd>{when(state.nextRunAt, 'not scheduled')}</dd>
        {state.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="error-text">
              {state.lastError.message} ({formatDateTime(state.lastError.at)})
            </dd>
          </>
        )}
      </dl>
    </>
  );
}
