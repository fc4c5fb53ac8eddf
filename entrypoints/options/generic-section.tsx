import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { Notice, type NoticeTone } from '../../components/notice';
import { saveGenericConnection, withoutGenericOrigin } from '../../lib/connections/generic-connection';
import { getDb } from '../../lib/db/db';
import { GENERIC_KIND } from '../../lib/helpdesks/generic';
import { parseTicketUrlPattern } from '../../lib/helpdesks/generic/ticket-pattern';
import { sendMessage } from '../../lib/messaging/messenger';
import { connectionSchema, type Connection, type Settings } from '../../lib/model';
import { updateSettings } from '../../lib/settings/settings-store';
import { CsvImportPanel } from './csv-import-panel';
import { hostAccessRefused, releaseHostAccess, requestHostAccess } from './host-access';
import { Section } from './section';
import { TicketPatternTester } from './ticket-pattern-tester';
import './generic.css';

type Message = { tone: NoticeTone; text: string };

async function readGenericConnections(): Promise<Connection[]> {
  const rows = await getDb().connections.toArray();
  return rows
    .filter((row) => row.kind === GENERIC_KIND)
    .flatMap((row) => {
      const parsed = connectionSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Helpdesks GapLens has no adapter for: the user describes the ticket URLs with a pattern (tried
 * live on example URLs) and brings the customers' ratings in from the helpdesk's CSV export.
 */
export function GenericSection({ settings }: { settings: Settings }) {
  const connections = useLiveQuery(readGenericConnections);
  const [editing, setEditing] = useState<Connection | 'new' | null>(null);
  const [importing, setImporting] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const patternOf = (connection: Connection) => {
    const entry = settings.helpdeskOrigins.find((e) => e.kind === GENERIC_KIND && e.origin === connection.origin);
    return entry?.ticketPath ? `${connection.origin}${entry.ticketPath}` : null;
  };

  async function remove(connection: Connection) {
    try {
      await sendMessage('removeConnection', { connectionId: connection.id });
      await updateSettings((current) => withoutGenericOrigin(current, connection.origin));
      await releaseHostAccess(connection.origin);
      setMessage({
        tone: 'ok',
        text: `Removed ${connection.label} and its imported ratings. Your assessments are kept.`,
      });
    } catch (error) {
      setMessage({ tone: 'error', text: (error as Error).message });
    }
  }

  return (
    <Section id="generic" title="Other helpdesks">
      <p className="muted">
        Your helpdesk is not in the list above? Tell GapLens what its ticket addresses look like, and import your
        customers’ ratings from the helpdesk’s own CSV export. No credentials are needed.
      </p>
      {connections === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="connections">
          {connections.map((connection) => (
            <article className="connection" key={connection.id} aria-label={connection.label}>
              <h3>{connection.label}</h3>
              <p className="muted">
                Tickets at <code>{patternOf(connection) ?? `${connection.origin} (no pattern)`}</code>
                {connection.agent ? ` · you are “${connection.agent.name}” in its exports` : ''}
              </p>
              <RatingsCount connectionId={connection.id} />
              {importing === connection.id ? (
                <CsvImportPanel connection={connection} onClose={() => setImporting(null)} />
              ) : (
                <div className="actions">
                  <button type="button" onClick={() => setImporting(connection.id)}>
                    Import ratings (CSV)…
                  </button>
                  <button type="button" onClick={() => setEditing(connection)}>
                    Edit
                  </button>
                  <button type="button" className="danger" onClick={() => void remove(connection)}>
                    Remove {connection.label}
                  </button>
                </div>
              )}
            </article>
          ))}
        </div>
      )}
      <Notice tone={message?.tone ?? null} testId="generic-message">
        {message?.text}
      </Notice>
      {editing ? (
        <GenericForm
          key={editing === 'new' ? 'new' : editing.id}
          existing={editing === 'new' ? null : editing}
          pattern={editing === 'new' ? '' : (patternOf(editing) ?? `${editing.origin}/`)}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setMessage({ tone: 'ok', text: `Saved ${saved.label}. The popup now recognises its tickets.` });
          }}
        />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          Add another helpdesk
        </button>
      )}
    </Section>
  );
}

function RatingsCount({ connectionId }: { connectionId: string }) {
  const count = useLiveQuery(
    () => getDb().csatRatings.where('connectionId').equals(connectionId).count(),
    [connectionId],
  );
  return (
    <p className="small" data-testid="generic-ratings-count">
      {count === undefined ? '…' : `${count} imported rating${count === 1 ? '' : 's'}`}
    </p>
  );
}

function GenericForm({
  existing,
  pattern: initialPattern,
  onClose,
}: {
  existing: Connection | null;
  pattern: string;
  onClose(saved: Connection | null): void;
}) {
  const id = useId();
  const [label, setLabel] = useState(existing?.label ?? '');
  const [pattern, setPattern] = useState(initialPattern);
  const [agentName, setAgentName] = useState(existing?.agent?.name ?? '');
  const [examples, setExamples] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = parseTicketUrlPattern(pattern);
    if (!read.ok) return setError(`Ticket URL pattern: ${read.error}`);
    // The popup reads the tab's address on this origin only with access to it; asked inside the gesture.
    const { origin } = read.pattern;
    if (!(await requestHostAccess([origin]))) return setError(hostAccessRefused([origin]));
    const saved = await saveGenericConnection(
      { id: existing?.id, label: label || new URL(origin).hostname, pattern, agentName },
      { updateSettings },
    );
    if (!saved.ok) return setError(saved.error);
    if (saved.previousOrigin) await releaseHostAccess(saved.previousOrigin);
    onClose(saved.connection);
  }

  return (
    <form
      className="connection-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{existing ? `Edit ${existing.label}` : 'Add another helpdesk'}</h3>
      <div className="form-grid">
        <label htmlFor={`${id}-label`}>Name</label>
        <input
          id={`${id}-label`}
          value={label}
          placeholder="Acme help desk"
          onChange={(e) => setLabel(e.target.value)}
        />
        <label htmlFor={`${id}-pattern`}>Ticket URL pattern</label>
        <input
          id={`${id}-pattern`}
          value={pattern}
          spellCheck={false}
          placeholder="https://help.acme.example/tickets/{id}"
          aria-describedby={`${id}-pattern-help`}
          onChange={(e) => setPattern(e.target.value)}
        />
        <label htmlFor={`${id}-agent`}>Your name in its exports (optional)</label>
        <input id={`${id}-agent`} value={agentName} onChange={(e) => setAgentName(e.target.value)} />
      </div>
      <p id={`${id}-pattern-help`} className="muted small">
        The helpdesk’s address, then the path of a ticket with <code>{'{id}'}</code> where the ticket number is. A{' '}
        <code>*</code> stands for any one part of the path (<code>/inbox/*/ticket/{'{id}'}</code>). https only; plain
        http for localhost and 127.0.0.1.
      </p>
      <TicketPatternTester pattern={pattern} examples={examples} onExamples={setExamples} />
      <Notice tone={error ? 'error' : null} testId="generic-form-error">
        {error}
      </Notice>
      <div className="actions">
        <button type="submit">Save</button>
        <button type="button" onClick={() => onClose(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
