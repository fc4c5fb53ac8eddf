import { useState } from 'react';
import { Notice, type NoticeTone } from '../../components/notice';
import { factorSchema, type Standard, type StandardSet } from '../../lib/model';
import { publishStandardSet } from '../../lib/standards/publish';
import { RECOMMENDED_MAX_STANDARDS, standardIdFor } from '../../lib/standards/standard-set-file';

/** Edits a copy of the active set; nothing changes until Publish stores it as the next version. */
export function StandardsEditor({ set, onDone }: { set: StandardSet; onDone: () => void }) {
  const [name, setName] = useState(set.name);
  const [standards, setStandards] = useState<Standard[]>(set.standards);
  const [result, setResult] = useState<{ tone: NoticeTone; text: string } | null>(null);

  const update = (index: number, change: Partial<Standard>) =>
    setStandards((list) => list.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const move = (index: number, by: -1 | 1) =>
    setStandards((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const add = () =>
    setStandards((list) => [
      ...list,
      {
        id: standardIdFor(`New standard ${list.length + 1}`, new Set(list.map((s) => s.id))),
        title: '',
        description: '',
        factor: 'practices',
        weight: 1,
        allowNa: true,
      },
    ]);

  async function publish() {
    const published = await publishStandardSet({ id: set.id, name, standards });
    if (!published.ok) return setResult({ tone: 'error', text: `Not published:\n${published.error}` });
    setResult({ tone: 'ok', text: `Published version ${published.set.version}.` });
    onDone();
  }

  return (
    <form
      aria-label="Edit standards"
      onSubmit={(event) => {
        event.preventDefault();
        void publish();
      }}
    >
      <label>
        Set name
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      {standards.length > RECOMMENDED_MAX_STANDARDS && (
        <Notice tone="warn">
          {standards.length} standards: rating takes longer with each one. Keep to {RECOMMENDED_MAX_STANDARDS} or fewer
          so agents can rate a ticket in seconds.
        </Notice>
      )}
      <ol className="standards-editor">
        {standards.map((standard, index) => (
          <li key={standard.id} aria-label={`Standard ${index + 1}`}>
            <label>
              Title
              <input value={standard.title} onChange={(event) => update(index, { title: event.target.value })} />
            </label>
            <label>
              What the customer may expect
              <input
                value={standard.description}
                onChange={(event) => update(index, { description: event.target.value })}
              />
            </label>
            <label>
              Factor
              <select
                value={standard.factor}
                onChange={(event) => update(index, { factor: factorSchema.parse(event.target.value) })}
              >
                {factorSchema.options.map((factor) => (
                  <option key={factor}>{factor}</option>
                ))}
              </select>
            </label>
            <label>
              Weight
              <input
                type="number"
                min={0.1}
                max={10}
                step={0.1}
                value={standard.weight}
                onChange={(event) => update(index, { weight: event.target.valueAsNumber })}
              />
            </label>
            <label>
              <input
                type="checkbox"
                checked={standard.allowNa}
                onChange={(event) => update(index, { allowNa: event.target.checked })}
              />{' '}
              N/A allowed
            </label>
            <span className="actions">
              <button type="button" onClick={() => move(index, -1)} disabled={index === 0}>
                Move up
              </button>
              <button type="button" onClick={() => move(index, 1)} disabled={index === standards.length - 1}>
                Move down
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => setStandards((list) => list.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" onClick={add}>
          Add a standard
        </button>
        <button type="submit">Publish as version {set.version + 1}</button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <Notice tone={result?.tone ?? null} testId="standards-editor-result">
        {result?.text}
      </Notice>
    </form>
  );
}
