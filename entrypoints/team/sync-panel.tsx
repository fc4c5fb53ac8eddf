import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatDateTime, hostOf } from '../../components/format';
import { getDb } from '../../lib/db/db';
import { isImportOnly } from '../../lib/helpdesks/registry';
import { sendMessage } from '../../lib/messaging/messenger';
import type { Connection } from '../../lib/model';

/**
 * The lead's own connection fetches the team's CSAT: with admin credentials it reads the list
 * endpoints, which return every agent's ratings (lib/sync), not only the lead's.
 */
export function SyncPanel({
  connections,
  selected,
  onSelect,
}: {
  connections: Connection[];
  selected: Connection | null;
  onSelect: (id: string) => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const state = useLiveQuery(() => (selected ? getDb().syncState.get(selected.id) : undefined), [selected?.id]);
  const ratings = useLiveQuery(
    () => (selected ? getDb().csatRatings.where('connectionId').equals(selected.id).count() : 0),
    [selected?.id],
  );

  if (connections.length === 0) {
    return (
      <section aria-labelledby="sync-title">
        <h2 id="sync-title">Team CSAT</h2>
        <p className="notice warn" role="alert">
          Connect your helpdesk on the options page first; bundles are matched with the CSAT it fetches.
        </p>
      </section>
    );
  }

  async function sync() {
    if (!selected) return;
    setMessage(null);
    try {
      await sendMessage('syncNow', { connectionId: selected.id });
      setMessage('Sync started.');
    } catch (error) {
      setMessage(`Sync could not start: ${(error as Error).message}`);
    }
  }

  return (
    <section aria-labelledby="sync-title">
      <h2 id="sync-title">Team CSAT</h2>
      <div className="controls">
        <label>
          Helpdesk connection
          <select value={selected?.id ?? ''} onChange={(event) => onSelect(event.target.value)}>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} ({hostOf(c.origin)})
              </option>
            ))}
          </select>
        </label>
        {selected && isImportOnly(selected.kind) ? (
          <span className="muted">Its ratings come from CSV import (options page, Other helpdesks).</span>
        ) : (
          <button type="button" onClick={() => void sync()} disabled={!selected}>
            Sync team CSAT
          </button>
        )}
      </div>
      {selected?.csatPath === 'agent' && (
        <p className="notice warn" role="alert">
          This connection only reads its own agent’s ratings. Use admin credentials to see the whole team’s CSAT.
        </p>
      )}
      <p className="muted" data-testid="sync-status">
        Ratings stored: <span data-testid="ratings-stored">{ratings ?? 0}</span>
        {state?.status === 'running' && ' · syncing…'}
        {state?.lastSuccessAt && ` · last synced ${formatDateTime(state.lastSuccessAt)}`}
        {state?.lastError && ` · last error: ${state.lastError.message}`}
      </p>
      {message && <p className="muted">{message}</p>}
    </section>
  );
}
