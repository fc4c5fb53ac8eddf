import { useId, useState, type FormEvent } from 'react';
import { hostOf } from '../../components/format';
import { Notice } from '../../components/notice';
import { HELPDESK_ADAPTERS, getAdapter, isImportOnly } from '../../lib/helpdesks/registry';
import { parseHelpdeskOrigin, type Settings } from '../../lib/model';
import { updateSettings } from '../../lib/settings/settings-store';
import { getDb } from '../../lib/db/db';
import { hostAccessRefused, releaseHostAccess, requestHostAccess } from './host-access';
import { Section } from './section';

/**
 * Extra addresses the popup recognises tickets on: a custom domain, or the local simulator.
 * Hosted domains (acme.zendesk.com, acme.freshdesk.com) are recognised without being listed.
 */
export function OriginsSection({ settings }: { settings: Settings }) {
  const id = useId();
  const [kind, setKind] = useState(HELPDESK_ADAPTERS[0]!.kind);
  const [origin, setOrigin] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    const parsed = parseHelpdeskOrigin(origin);
    if (!parsed.ok) return setError(parsed.error);
    if (settings.helpdeskOrigins.some((entry) => entry.origin === parsed.origin && entry.kind === kind)) {
      return setError(`${parsed.origin} is already listed.`);
    }
    // The popup reads a tab's address through `activeTab` on the helpdesks' own domains; on any other
    // origin it needs host access to that one origin. Asked here, inside the submit gesture.
    if (!(await requestHostAccess([parsed.origin]))) {
      return setError(`${hostAccessRefused([parsed.origin])} GapLens cannot recognise tickets there without it.`);
    }
    try {
      await updateSettings((current) => ({
        ...current,
        helpdeskOrigins: [...current.helpdeskOrigins, { kind, origin: parsed.origin }],
      }));
      setOrigin('');
      setError(null);
    } catch (failure) {
      setError(`Could not add it: ${(failure as Error).message}`);
    }
  }

  const remove = async (index: number) => {
    const entry = settings.helpdeskOrigins[index];
    await updateSettings((current) => ({
      ...current,
      helpdeskOrigins: current.helpdeskOrigins.filter((_, i) => i !== index),
    }));
    // Least privilege: give the access back unless a connection still uses that origin.
    if (entry && (await getDb().connections.where('origin').equals(entry.origin).count()) === 0) {
      await releaseHostAccess(entry.origin);
    }
  };

  return (
    <Section id="origins" title="Helpdesk addresses">
      <p className="muted">
        GapLens recognises tickets on Zendesk’s and Freshdesk’s own domains. Add your helpdesk’s custom domain (or the
        local simulator) here so the popup recognises tickets there too. Addresses must use https; plain http only works
        for localhost and 127.0.0.1.
      </p>
      {settings.helpdeskOrigins.every((entry) => isImportOnly(entry.kind)) ? (
        <p className="muted">No extra addresses.</p>
      ) : (
        <ul className="plain-list" aria-label="Helpdesk addresses">
          {settings.helpdeskOrigins.map((entry, index) =>
            // An other helpdesk's address comes with its ticket pattern, edited under “Other helpdesks”.
            isImportOnly(entry.kind) ? null : (
              <li key={`${entry.kind} ${entry.origin}`}>
                <span>
                  {getAdapter(entry.kind)?.label ?? entry.kind} · <code>{entry.origin}</code>
                </span>
                <button type="button" onClick={() => void remove(index)} aria-label={`Remove ${hostOf(entry.origin)}`}>
                  Remove
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <form className="inline-form" onSubmit={(event) => void add(event)} noValidate>
        <label>
          Helpdesk
          <select value={kind} onChange={(event) => setKind(event.target.value)}>
            {HELPDESK_ADAPTERS.map((adapter) => (
              <option key={adapter.kind} value={adapter.kind}>
                {adapter.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          New address
          <input
            type="url"
            value={origin}
            placeholder="https://support.example.com"
            onChange={(event) => setOrigin(event.target.value)}
            aria-invalid={error !== null}
            aria-describedby={`${id}-error`}
          />
        </label>
        <button type="submit">Add address</button>
      </form>
      <div id={`${id}-error`}>
        <Notice tone={error ? 'error' : null} testId="origin-error">
          {error}
        </Notice>
      </div>
    </Section>
  );
}
