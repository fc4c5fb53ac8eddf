import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatDateTime, hostOf } from '../../components/format';
import { RatingInput } from '../../components/rating-input';
import { RevealedVerdict } from '../../components/revealed-verdict';
import { ScalePicker } from '../../components/scale-picker';
import { useMarkReady } from '../../components/use-mark-ready';
import { sendMessage } from '../../lib/messaging/messenger';
import { NOTE_MAX_LENGTH, type SelfAssessment } from '../../lib/model';
import {
  PREDICTION_TITLE,
  applyCommand,
  buildDraft,
  commandForKey,
  describeMissing,
  formItems,
  initialValues,
  missingItems,
  predictionDigit,
  type KeyPress,
} from './form-state';
import type { PopupData } from './load';

type Status = { tone: 'ok' | 'warn' | 'error'; text: string };

/** The rating form for the ticket in the active tab. Keyboard first; everything also works by mouse. */
export function RatingForm({ data }: { data: Extract<PopupData, { view: 'ticket' }> }) {
  const { ticket, adapter, set } = data;
  const scale = adapter.csatScale;
  const items = useMemo(() => formItems(set), [set]);
  const [saved, setSaved] = useState<SelfAssessment | null>(data.saved.status === 'ok' ? data.saved.value : null);
  const [values, setValues] = useState(() => initialValues(set, scale, saved));
  const [damage, setDamage] = useState(data.saved.status === 'damaged' ? data.saved.problem : null);
  const [status, setStatus] = useState<Status | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  /** Focuses a stop: the checked option of a group (or its first), or Save after the last group. */
  const focusStop = (index: number) => {
    const form = formRef.current;
    const group = form?.querySelector<HTMLElement>(`[data-item="${index}"]`);
    const target = group
      ? (group.querySelector<HTMLElement>('input:checked') ?? group.querySelector<HTMLElement>('input'))
      : form?.querySelector<HTMLElement>('button[type="submit"]');
    target?.focus();
  };

  useMarkReady();
  useEffect(() => {
    // Start where the work is: the first standard not rated yet (the prediction, or Save, when all are).
    const first = items.findIndex((item) =>
      item.kind === 'standard' ? values.scores[item.standardId] === undefined : values.prediction === null,
    );
    focusStop(first === -1 ? items.length : first);
    // Only on open: later focus follows the keys.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function save() {
    const missing = missingItems(set, scale, values);
    const draft = buildDraft(ticket, set, scale, values);
    if (missing.length > 0 || !draft) {
      setStatus({ tone: 'warn', text: describeMissing(missing) });
      const firstMissing = items.findIndex((item) =>
        item.kind === 'standard' ? missing.includes(item.title) : missing.includes(PREDICTION_TITLE),
      );
      if (firstMissing !== -1) focusStop(firstMissing);
      return;
    }
    setSaving(true);
    try {
      const { assessment } = await sendMessage('saveAssessment', draft);
      setSaved(assessment);
      setDamage(null);
      setStatus({ tone: 'ok', text: `Saved #${ticket.ticketId} · edit any time` });
    } catch (error) {
      setStatus({ tone: 'error', text: `Not saved: ${(error as Error).message}` });
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    const group = target.closest<HTMLElement>('[data-item]');
    const press: KeyPress = {
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      target:
        target.tagName === 'TEXTAREA'
          ? 'textarea'
          : target.tagName === 'BUTTON' || target.tagName === 'A'
            ? 'button'
            : 'other',
    };
    const command = commandForKey(press, items, group ? Number(group.dataset.item) : null, scale);
    if (!command) return;
    event.preventDefault();
    switch (command.type) {
      case 'close':
        return; // the page-wide handler in app.tsx closes the popup
      case 'save':
        void save();
        return;
      case 'na-not-allowed':
        setStatus({ tone: 'warn', text: `${command.title} cannot be marked N/A: rate it 1–5.` });
        return;
      default:
        setValues((current) => applyCommand(current, command));
        if (status?.tone === 'warn') setStatus(null);
        focusStop(command.focus);
    }
  }

  return (
    <form
      ref={formRef}
      className="rating-form"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      aria-label={`Rate ${adapter.label} ticket #${ticket.ticketId}`}
      noValidate
    >
      <header>
        <h1>
          {adapter.label} · #{ticket.ticketId}
        </h1>
        <p className="muted small">
          {hostOf(ticket.origin)} · {set.name} (version {set.version})
        </p>
        {saved && (
          <p className="muted small" data-testid="editing">
            Editing your assessment from {formatDateTime(saved.createdAt)}
            {saved.updatedAt !== saved.createdAt && `, last changed ${formatDateTime(saved.updatedAt)}`}
          </p>
        )}
      </header>
      {damage && (
        <p className="notice warn" role="alert">
          The saved assessment for this ticket is damaged: {damage}. Saving will replace it.
        </p>
      )}
      <div className="standards">
        {set.standards.map((standard, index) => (
          <RatingInput
            key={standard.id}
            standard={standard}
            itemIndex={index}
            value={values.scores[standard.id]}
            onChange={(score) =>
              setValues((current) => ({ ...current, scores: { ...current.scores, [standard.id]: score } }))
            }
          />
        ))}
      </div>
      <ScalePicker
        scale={scale}
        itemIndex={items.length - 1}
        label={`How will the customer rate this ticket? (${scale.label})`}
        value={values.prediction}
        keyFor={(value) => String(predictionDigit(scale, value))}
        onChange={(prediction) => setValues((current) => ({ ...current, prediction }))}
      />
      <div className="notes">
        <label>
          <span>
            What got in the way <span className="muted small">(optional)</span>
          </span>
          <textarea
            rows={2}
            maxLength={NOTE_MAX_LENGTH}
            value={values.notes.gotInTheWay}
            onChange={(event) =>
              setValues((current) => ({ ...current, notes: { ...current.notes, gotInTheWay: event.target.value } }))
            }
          />
        </label>
        <label>
          <span>
            What worked <span className="muted small">(optional)</span>
          </span>
          <textarea
            rows={2}
            maxLength={NOTE_MAX_LENGTH}
            value={values.notes.worked}
            onChange={(event) =>
              setValues((current) => ({ ...current, notes: { ...current.notes, worked: event.target.value } }))
            }
          />
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saved ? 'Save changes' : 'Save'}
        </button>
        <span className="muted small">Enter saves · Ctrl+Enter in a note · Esc closes</span>
      </div>
      <p role="status" className={`notice ${status?.tone ?? ''}`} data-testid="status">
        {status?.text}
      </p>
      {/* Blind first, then reveal: the customer's verdict only once the agent's own is saved. */}
      {saved && <RevealedVerdict ticketKey={saved.ticketKey} prediction={saved.predictedCsat} />}
    </form>
  );
}
