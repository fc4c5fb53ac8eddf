import { useRef, useState, type ChangeEvent } from 'react';
import { Notice, type NoticeTone } from '../../components/notice';
import { allAssessments } from '../../lib/db/assessments';
import { getDb } from '../../lib/db/db';
import { buildAssessmentsExport, parseAssessmentsFile } from '../../lib/export/assessments-json';
import { downloadJson, exportFileName } from '../../lib/export/download';
import { sendMessage } from '../../lib/messaging/messenger';
import { readSettings } from '../../lib/settings/settings-store';
import { connectionOrigins } from '../../lib/helpdesks/registry';
import { releaseHostAccess } from './host-access';
import { Section } from './section';

export function DataSection() {
  const [result, setResult] = useState<{ tone: NoticeTone; text: string } | null>(null);
  const [typed, setTyped] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);

  async function exportAssessments() {
    try {
      const { assessments, damaged } = await allAssessments();
      downloadJson(exportFileName('assessments'), buildAssessmentsExport(assessments));
      const skipped = damaged > 0 ? ` ${damaged} damaged record${damaged === 1 ? ' was' : 's were'} left out.` : '';
      setResult({ tone: damaged > 0 ? 'warn' : 'ok', text: `Exported ${assessments.length} assessments.${skipped}` });
    } catch (error) {
      setResult({ tone: 'error', text: `Export failed: ${(error as Error).message}` });
    }
  }

  async function restore(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    const read = parseAssessmentsFile(await chosen.text());
    if (!read.ok) return setResult({ tone: 'error', text: `${chosen.name} was not imported:\n${read.error}` });
    try {
      const report = await sendMessage('importAssessments', read.file);
      setResult({
        tone: 'ok',
        text:
          `Imported ${chosen.name}: ${report.added} added, ${report.updated} updated` +
          (report.unchanged ? `, ${report.unchanged} kept as they were (yours were as new or newer).` : '.'),
      });
    } catch (error) {
      setResult({ tone: 'error', text: `${chosen.name} was not imported: ${(error as Error).message}` });
    }
  }

  async function erase() {
    dialog.current?.close();
    setTyped('');
    try {
      // Erasing also gives back the host access granted for connections and helpdesk addresses.
      const [connections, { settings }] = await Promise.all([getDb().connections.toArray(), readSettings()]);
      const origins = [...connections, ...settings.helpdeskOrigins].flatMap((entry) =>
        connectionOrigins(entry.kind, entry.origin),
      );
      await sendMessage('eraseAllData', { confirm: 'ERASE' });
      await Promise.all([...new Set(origins)].map(releaseHostAccess));
      setResult({ tone: 'ok', text: 'All GapLens data in this browser was erased.' });
    } catch (error) {
      setResult({ tone: 'error', text: `Erasing failed: ${(error as Error).message}` });
    }
  }

  return (
    <Section id="data" title="Your data">
      <p className="muted">
        Everything GapLens knows lives in this browser. Export your assessments as JSON (format “gaplens-assessments”,
        version 1; no credentials), restore them from such a file (for each ticket the newer copy wins, so nothing is
        lost), or erase all of it.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void exportAssessments()}>
          Export assessments (JSON)
        </button>
        <label className="button">
          Import assessments (JSON)…
          <input
            className="visually-hidden"
            type="file"
            accept=".json,application/json"
            onChange={(event) => void restore(event)}
          />
        </label>
        <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>
          Erase all my data…
        </button>
      </div>
      <Notice tone={result?.tone ?? null} testId="data-result">
        {result?.text}
      </Notice>
      <dialog ref={dialog} aria-labelledby="erase-title" onClose={() => setTyped('')}>
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            if (typed === 'ERASE') void erase();
          }}
        >
          <h2 id="erase-title">Erase all GapLens data?</h2>
          <p>
            This deletes every assessment, connection (with its credentials), downloaded rating and setting in this
            browser. It cannot be undone.
          </p>
          <label>
            Type ERASE to confirm
            <input type="text" value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" />
          </label>
          <div className="actions">
            <button type="submit" className="danger" disabled={typed !== 'ERASE'}>
              Erase everything
            </button>
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </Section>
  );
}
