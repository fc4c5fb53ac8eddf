import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { formatDateTime } from '../../components/format';
import { Notice } from '../../components/notice';
import { getAdapter } from '../../lib/helpdesks/registry';
import type { Connection } from '../../lib/model';
import { promptSettingsSchema, type PromptSettings } from '../../lib/prompt/prompt-settings';
import {
  PAGE_HEALTH_KEY,
  readPageHealth,
  readPromptSettings,
  writePromptSettings,
  type PageHealth,
} from '../../lib/prompt/store';

/**
 * One connection's “prompt after each ticket” settings, and what the helpdesk page script last
 * found on its pages (the health check of the adapter's selectors).
 */
export function PromptSettingsPanel({ connection }: { connection: Connection }) {
  const [settings, setSettings] = useState<PromptSettings | null>(null);
  const [health, setHealth] = useState<PageHealth | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      void Promise.all([readPromptSettings(connection.id), readPageHealth()]).then(([loaded, checks]) => {
        if (!live) return;
        setSettings(loaded);
        setHealth(checks[connection.id] ?? null);
      });
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && PAGE_HEALTH_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [connection.id]);

  if (!settings) return null;
  const change = (next: PromptSettings) => {
    const parsed = promptSettingsSchema.safeParse(next);
    setSettings(next);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Not saved: check the values.');
      return;
    }
    setProblem(null);
    writePromptSettings(connection.id, parsed.data).catch((error: unknown) => setProblem(String(error)));
  };
  const label = getAdapter(connection.kind)?.label ?? connection.kind;
  const quiet = settings.quietHours;

  return (
    <fieldset className="prompt-settings">
      <legend>Prompt after each ticket</legend>
      <label>
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(event) => change({ ...settings, enabled: event.target.checked })}
        />{' '}
        Show the rating card in {label} when I finish a ticket
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.onlyOnSolved}
          disabled={!settings.enabled}
          onChange={(event) => change({ ...settings, onlyOnSolved: event.target.checked })}
        />{' '}
        Only when the ticket is solved
      </label>
      <label>
        <input
          type="checkbox"
          checked={quiet !== null}
          disabled={!settings.enabled}
          onChange={(event) =>
            change({ ...settings, quietHours: event.target.checked ? { from: '18:00', to: '08:00' } : null })
          }
        />{' '}
        Quiet hours
      </label>
      {quiet && (
        <span className="quiet-hours">
          <label>
            from{' '}
            <input
              type="time"
              value={quiet.from}
              onChange={(event) => change({ ...settings, quietHours: { ...quiet, from: event.target.value } })}
            />
          </label>{' '}
          <label>
            to{' '}
            <input
              type="time"
              value={quiet.to}
              onChange={(event) => change({ ...settings, quietHours: { ...quiet, to: event.target.value } })}
            />
          </label>
        </span>
      )}
      <label>
        Hide the card after{' '}
        <input
          type="number"
          min={5}
          max={600}
          value={settings.autoHideSeconds}
          onChange={(event) => change({ ...settings, autoHideSeconds: Number(event.target.value) })}
        />{' '}
        seconds
      </label>
      {problem && <Notice tone="error">{problem}</Notice>}
      <PageCheck label={label} health={health} />
    </fieldset>
  );
}

function PageCheck({ label, health }: { label: string; health: PageHealth | null }) {
  if (!health) return <p className="muted small">Page check: no {label} ticket opened since connecting.</p>;
  const missing = [
    health.statusControl ? null : 'status control not found',
    health.submitControl ? null : 'submit button not found',
  ].filter((item): item is string => item !== null);
  const where = `ticket #${health.ticketId}, ${formatDateTime(health.checkedAt)}`;
  if (missing.length === 0) {
    return (
      <p className="muted small" data-testid="page-check">
        Page check: status control and submit button found ({where}).
      </p>
    );
  }
  return (
    <Notice tone="warn">
      <span data-testid="page-check">
        {label}: {missing.join(', ')} on the ticket page ({where}). Prompts still work through the helpdesk’s API, a
        little later after you solve a ticket.
      </span>
    </Notice>
  );
}
