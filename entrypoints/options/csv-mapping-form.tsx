import { useId } from 'react';
import {
  IMPORT_FIELDS,
  createRowReader,
  formatRowProblem,
  mappingProblem,
  type ColumnMapping,
} from '../../lib/helpdesks/generic/csv-rows';
import type { CsvHead } from '../../lib/helpdesks/generic/csv-scan';
import { scaleOfChoice, type RatingScaleChoice } from '../../lib/helpdesks/generic/rating-scale';

const formatScore = (normalized: number) => normalized.toFixed(2).replace(/\.?0+$/, '');

/**
 * Which column holds what, on which scale the ratings are, and a preview of the first rows read
 * exactly as the import will read them (same reader), each with its problems.
 */
export function CsvMappingForm({
  fileName,
  head,
  mapping,
  onMapping,
  scale,
  onScale,
  onCheck,
  onCancel,
  blocked,
}: {
  fileName: string;
  head: CsvHead;
  mapping: ColumnMapping;
  onMapping(mapping: ColumnMapping): void;
  scale: RatingScaleChoice;
  onScale(scale: RatingScaleChoice): void;
  onCheck(): void;
  onCancel(): void;
  /** Why the rows cannot be checked yet, or null. */
  blocked: string | null;
}) {
  const id = useId();
  const problem = mappingProblem(mapping, head.headers);
  const scaleRead = scaleOfChoice(scale);
  const readRow = !problem && scaleRead.ok ? createRowReader(head.headers, mapping, scaleRead.scale) : null;
  const customValues = scale.type === 'custom' ? scale.values.join(', ') : 'Great, Okay, Not good';
  const customSatisfied = scale.type === 'custom' ? scale.satisfiedCount : 1;
  const setCustom = (values: string, satisfiedCount: number) =>
    onScale({ type: 'custom', values: values.split(','), satisfiedCount });

  return (
    <div className="csv-mapping">
      <h4>Columns of {fileName}</h4>
      <div className="form-grid">
        {IMPORT_FIELDS.map(({ field, label, required }) => (
          <label key={field} className="mapping-field">
            {label}
            {required ? '' : ' (optional)'}
            <select
              value={mapping[field] ?? ''}
              onChange={(event) =>
                onMapping({ ...mapping, [field]: event.target.value === '' ? null : Number(event.target.value) })
              }
            >
              <option value="">{required ? 'Choose a column' : 'Not in this file'}</option>
              {head.headers.map((header, index) => (
                <option key={index} value={index}>
                  {header || `Column ${index + 1}`}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>

      <fieldset className="scale-choice">
        <legend>The ratings are on</legend>
        <label>
          <input
            type="radio"
            name={`${id}-scale`}
            checked={scale.type === 'five-point'}
            onChange={() => onScale({ type: 'five-point' })}
          />
          1–5 (satisfied from 4)
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-scale`}
            checked={scale.type === 'good-bad'}
            onChange={() => onScale({ type: 'good-bad' })}
          />
          good / bad
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-scale`}
            checked={scale.type === 'custom'}
            onChange={() => setCustom(customValues, customSatisfied)}
          />
          its own words
        </label>
        {scale.type === 'custom' && (
          <div className="form-grid">
            <label htmlFor={`${id}-values`}>Answers, best first, separated by commas</label>
            <input
              id={`${id}-values`}
              value={customValues}
              onChange={(event) => setCustom(event.target.value, customSatisfied)}
            />
            <label htmlFor={`${id}-satisfied`}>How many of the best count as satisfied</label>
            <input
              id={`${id}-satisfied`}
              type="number"
              min={1}
              value={customSatisfied}
              onChange={(event) => setCustom(customValues, Number(event.target.value))}
            />
          </div>
        )}
        {!scaleRead.ok && <p className="error-text">{scaleRead.error}</p>}
      </fieldset>

      {problem && (
        <p className="error-text" data-testid="mapping-problem">
          {problem}
        </p>
      )}
      {readRow && (
        <table className="standards-table" aria-label="Preview">
          <caption className="muted small">The first rows, read as the import will read them</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Ticket</th>
              <th scope="col">Rating</th>
              <th scope="col">Date (UTC)</th>
              <th scope="col">Comment</th>
              <th scope="col">Agent</th>
            </tr>
          </thead>
          <tbody>
            {head.rows.map(({ row, cells }) => {
              const read = readRow(cells, row);
              return read.ok ? (
                <tr key={row}>
                  <td>{row}</td>
                  <td>{read.rating.ticketId}</td>
                  <td>
                    {String(read.rating.rating.value)} → {formatScore(read.rating.rating.normalized)}
                    {read.rating.rating.satisfied ? ' (satisfied)' : ''}
                  </td>
                  <td>{read.rating.ratedAt.replace('T', ' ').replace(/:00\.000Z$|\.000Z$/, '')}</td>
                  <td>{read.rating.comment ?? ''}</td>
                  <td>{read.rating.agentId ?? ''}</td>
                </tr>
              ) : (
                <tr key={row} className="invalid">
                  <td>{row}</td>
                  <td colSpan={5} className="error-text">
                    {read.problems.map(formatRowProblem).join('; ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" disabled={blocked !== null} onClick={onCheck}>
          Check all rows
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
