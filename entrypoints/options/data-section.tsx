import { useRef, useState } from 'react';
import { Notice, type NoticeTone } from '../../components/notice';
import { allAssessments } from '../../lib/db/assessments';
import { getDb } from '../../lib/db/db';
import { buildAssessmentsExport } from '../../lib/export/assessments-json';
import { downloadJson, exportFileName } from '../../lib/export/download';
import { sendMessage } from '../../lib/messaging/messenger';
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

  async function erase() {
    dialog.current?.close();
    setTyped('');
    try {
      const origins = (await getDb().connections.toArray()).map((connection) => connection.origin);
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
        version 1; no credentials), or erase all of it.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void exportAssessments()}>
          Export assessments (JSON)
        </button>
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
