import { useId, useState, type ChangeEvent } from 'react';
import { Notice, type NoticeTone } from '../../components/notice';
import { downloadJson, exportFileName } from '../../lib/export/download';
import { buildSettingsFile, parseSettingsFile, type SettingsFile } from '../../lib/export/settings-file';
import { connectionOrigins } from '../../lib/helpdesks/registry';
import { sendMessage } from '../../lib/messaging/messenger';
import type { Settings } from '../../lib/model';
import { hostAccessRefused, requestHostAccess } from './host-access';
import { Section } from './section';

/**
 * Settings as a file. Importing is two steps: choosing a file validates it and shows what it would
 * change; the Import button then asks for the host access its connections need (one prompt, inside
 * that click) and hands the file to the background, which validates it again before writing.
 */
export function SettingsFileSection({ settings }: { settings: Settings }) {
  const id = useId();
  const [pending, setPending] = useState<{ name: string; file: SettingsFile } | null>(null);
  const [result, setResult] = useState<{ tone: NoticeTone; text: string } | null>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    setPending(null);
    if (!chosen) return;
    const read = parseSettingsFile(await chosen.text());
    if (!read.ok)
      return setResult({ tone: 'error', text: `${chosen.name} was not imported. Nothing was changed.\n${read.error}` });
    setResult(null);
    setPending({ name: chosen.name, file: read.file });
  }

  function importPending() {
    if (!pending) return;
    // Each connection's agent UI and, where it has a host of its own (Help Scout), its API.
    const origins = [
      ...new Set(
        (pending.file.connections ?? []).flatMap((connection) => connectionOrigins(connection.kind, connection.origin)),
      ),
    ];
    // First thing in the click: the prompt needs the user gesture.
    const access = origins.length > 0 ? requestHostAccess(origins) : Promise.resolve(true);
    access
      .then(async (granted) => {
        if (!granted) return setResult({ tone: 'error', text: hostAccessRefused(origins) });
        const { connectionsSaved } = await sendMessage('importSettings', pending.file);
        setPending(null);
        setResult({
          tone: 'ok',
          text: `Imported ${pending.name}${connectionsSaved ? ` with ${connectionsSaved} connection${connectionsSaved === 1 ? '' : 's'}` : ''}.`,
        });
      })
      .catch((error: unknown) =>
        setResult({ tone: 'error', text: `Nothing was imported: ${(error as Error).message}` }),
      );
  }

  return (
    <Section id="settings-file" title="Import and export settings">
      <p className="muted">
        A settings file holds your helpdesk addresses, sync interval and standard set choice. An admin can add
        connections with credentials to set a machine up in one step. Exports never contain credentials.
      </p>
      <div className="actions">
        <button type="button" onClick={() => downloadJson(exportFileName('settings'), buildSettingsFile(settings))}>
          Export settings
        </button>
        <label className="button">
          Import settings file…
          <input
            id={`${id}-file`}
            className="visually-hidden"
            type="file"
            accept=".json,application/json"
            onChange={(event) => void choose(event)}
          />
        </label>
      </div>
      {pending && (
        <div className="import-preview" role="group" aria-label="Settings to import">
          <p>
            <strong>{pending.name}</strong> will replace your settings with:
          </p>
          <ul>
            <li>
              {pending.file.settings.helpdeskOrigins.length} helpdesk address
              {pending.file.settings.helpdeskOrigins.length === 1 ? '' : 'es'}
              {pending.file.settings.helpdeskOrigins.map((entry) => ` · ${entry.origin}`).join('')}
            </li>
            <li>sync every {pending.file.settings.sync.intervalMinutes} minutes</li>
            <li>standard set “{pending.file.settings.activeStandardSetId}”</li>
            {(pending.file.connections ?? []).map((connection) => (
              <li key={`${connection.kind} ${connection.origin}`}>
                connection “{connection.label}” to {connection.origin} (GapLens will ask for access to it)
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="primary" onClick={importPending}>
              Import these settings
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <Notice tone={result?.tone ?? null} testId="settings-file-result">
        {result?.text}
      </Notice>
    </Section>
  );
}
