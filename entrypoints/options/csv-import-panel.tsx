import { useRef, useState } from 'react';
import { FileDropZone } from '../../components/file-drop-zone';
import { Notice } from '../../components/notice';
import { importCsvRatings, type CsvImportOutcome } from '../../lib/db/csv-ratings-import';
import { MAX_LISTED_PROBLEMS, checkCsv, type CsvCheck } from '../../lib/helpdesks/generic/csv-check';
import {
  formatRowProblem,
  guessMapping,
  mappingProblem,
  type ColumnMapping,
} from '../../lib/helpdesks/generic/csv-rows';
import { readCsvHead, type CsvHead } from '../../lib/helpdesks/generic/csv-scan';
import { scaleOfChoice, type RatingScaleChoice } from '../../lib/helpdesks/generic/rating-scale';
import type { Connection } from '../../lib/model';
import { CsvMappingForm } from './csv-mapping-form';

type Step =
  | { step: 'pick' }
  | { step: 'map'; file: File; head: CsvHead }
  | { step: 'checking'; file: File; progress: number }
  | { step: 'checked'; file: File; check: CsvCheck }
  | { step: 'importing'; file: File; written: number; total: number }
  | { step: 'done'; file: File; check: CsvCheck; outcome: CsvImportOutcome };

/**
 * Import of a helpdesk's CSV export, in steps the user can leave at any point without a trace:
 * pick (or drop) a file → map its columns, with a preview → check every row (progress bar) → read
 * the report → import (progress bar). Only the last step writes, in one transaction, so cancelling
 * it, or a file that fails, leaves the stored ratings exactly as they were.
 */
export function CsvImportPanel({ connection, onClose }: { connection: Connection; onClose(): void }) {
  const [state, setState] = useState<Step>({ step: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [scale, setScale] = useState<RatingScaleChoice>({ type: 'five-point' });
  const abort = useRef<AbortController | null>(null);

  async function pick(file: File | undefined) {
    if (!file) return;
    setError(null);
    try {
      const head = await readCsvHead(file);
      setMapping(guessMapping(head.headers));
      setState({ step: 'map', file, head });
    } catch (failure) {
      setError(`${file.name} cannot be read as CSV: ${(failure as Error).message}`);
    }
  }

  async function check(file: File, head: CsvHead) {
    const scaleRead = scaleOfChoice(scale);
    if (!mapping || !scaleRead.ok) return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'checking', file, progress: 0 });
    try {
      const result = await checkCsv(file, head.headers, mapping, scaleRead.scale, {
        signal: controller.signal,
        onProgress: (progress) => setState({ step: 'checking', file, progress }),
      });
      setState(result.aborted ? { step: 'pick' } : { step: 'checked', file, check: result });
      if (result.aborted) setError('Cancelled. Nothing was imported.');
    } catch (failure) {
      setState({ step: 'pick' });
      setError(`${file.name} cannot be read: ${(failure as Error).message}. Nothing was imported.`);
    }
  }

  async function store(file: File, checked: CsvCheck) {
    const controller = new AbortController();
    abort.current = controller;
    const total = checked.ratings.length;
    setState({ step: 'importing', file, written: 0, total });
    try {
      const outcome = await importCsvRatings(connection, checked.ratings, {
        signal: controller.signal,
        onProgress: (written) => setState({ step: 'importing', file, written, total }),
      });
      setState({ step: 'done', file, check: checked, outcome });
    } catch (failure) {
      setState({ step: 'checked', file, check: checked });
      setError(
        controller.signal.aborted
          ? 'Cancelled. Nothing was imported; the stored ratings are as they were.'
          : `The import failed and was rolled back; the stored ratings are as they were. (${(failure as Error).message})`,
      );
    }
  }

  const cancelButton = (label = 'Cancel') => (
    <button type="button" onClick={() => (abort.current ? abort.current.abort() : onClose())}>
      {label}
    </button>
  );

  return (
    <div className="csv-import" aria-label={`Import ratings into ${connection.label}`} role="group">
      {state.step === 'pick' && (
        <FileDropZone
          prompt="Drop the helpdesk’s CSAT export (.csv) here, or"
          buttonLabel="Choose a CSV file…"
          accept=".csv,text/csv"
          onFiles={(files) => void pick(files[0])}
          testId="csv-drop-zone"
        >
          <div className="actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </FileDropZone>
      )}

      {state.step === 'map' && mapping && (
        <CsvMappingForm
          fileName={state.file.name}
          head={state.head}
          mapping={mapping}
          onMapping={setMapping}
          scale={scale}
          onScale={setScale}
          onCheck={() => void check(state.file, state.head)}
          onCancel={onClose}
          blocked={mappingProblem(mapping, state.head.headers) ?? (scaleOfChoice(scale).ok ? null : 'scale')}
        />
      )}

      {state.step === 'checking' && (
        <div>
          <label>
            Checking every row of {state.file.name}…
            <progress value={state.progress} max={1} aria-label="Checking rows" />
          </label>{' '}
          {Math.round(state.progress * 100)} % {cancelButton()}
        </div>
      )}

      {(state.step === 'checked' || state.step === 'importing' || state.step === 'done') && 'check' in state && (
        <CheckReport check={state.check} />
      )}
      {state.step === 'checked' && (
        <div className="actions">
          <button
            type="button"
            disabled={state.check.ratings.length === 0}
            onClick={() => void store(state.file, state.check)}
          >
            Import {state.check.ratings.length} rating{state.check.ratings.length === 1 ? '' : 's'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      )}

      {state.step === 'importing' && (
        <div>
          <label>
            Importing {state.written} of {state.total}…
            <progress value={state.written} max={state.total} aria-label="Importing ratings" />
          </label>{' '}
          {cancelButton()}
        </div>
      )}

      {state.step === 'done' && (
        <>
          <p role="status" className="notice ok" data-testid="csv-import-result">
            Imported {state.file.name}: {state.outcome.inserted} new, {state.outcome.updated} updated,{' '}
            {state.outcome.unchanged} unchanged
            {state.outcome.keptNewer > 0 ? `, ${state.outcome.keptNewer} kept (GapLens has a newer rating)` : ''}.
          </p>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                abort.current = null;
                setState({ step: 'pick' });
              }}
            >
              Import another file
            </button>
            <button type="button" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      )}
      <Notice tone={error ? 'warn' : null} testId="csv-import-error">
        {error}
      </Notice>
    </div>
  );
}

/** What checking found: counts, then every invalid row with its row, column and reason. */
function CheckReport({ check }: { check: CsvCheck }) {
  const tickets = check.ratings.length;
  return (
    <div className="csv-report" data-testid="csv-check-report">
      <p>
        {check.rows} row{check.rows === 1 ? '' : 's'}: {tickets} rating{tickets === 1 ? '' : 's'} to import
        {check.superseded > 0
          ? ` (${check.superseded} older rating${check.superseded === 1 ? '' : 's'} of the same tickets left out)`
          : ''}
        , {check.invalidRows} invalid row{check.invalidRows === 1 ? '' : 's'} skipped.
      </p>
      {check.problems.length > 0 && (
        <ul className="row-problems" aria-label="Invalid rows">
          {check.problems.map((problem, index) => (
            <li key={index}>{formatRowProblem(problem)}</li>
          ))}
        </ul>
      )}
      {check.problems.length >= MAX_LISTED_PROBLEMS && (
        <p className="muted small">Only the first {check.problems.length} problems are listed.</p>
      )}
    </div>
  );
}
