import { checkScores, type AssessmentDraft } from '../../lib/db/assessments';
import { scaleValue } from '../../lib/helpdesks/shared/scales';
import {
  ticketKey,
  type CsatScale,
  type CsatValue,
  type SelfAssessment,
  type StandardScore,
  type StandardSet,
  type TicketRef,
} from '../../lib/model';

/**
 * The rating form's logic, kept apart from React so it can be tested as plain functions:
 * what the form starts with, what a key press does, what is still missing, and the draft it saves.
 */

export interface FormValues {
  scores: Partial<Record<string, StandardScore>>;
  prediction: CsatValue | null;
  notes: { gotInTheWay: string; worked: string };
}

/**
 * The form's focus stops, in order: one per standard, then the prediction. Index `items.length`
 * stands for the Save button.
 */
export type FormItem =
  { kind: 'standard'; standardId: string; title: string; allowNa: boolean } | { kind: 'prediction' };

export function formItems(set: StandardSet): FormItem[] {
  return [
    ...set.standards.map((s): FormItem => ({ kind: 'standard', standardId: s.id, title: s.title, allowNa: s.allowNa })),
    { kind: 'prediction' },
  ];
}

/** A saved assessment as form values: scores that still fit the set, a prediction that is still on the scale. */
export function initialValues(set: StandardSet, scale: CsatScale, saved: SelfAssessment | null): FormValues {
  const scores: FormValues['scores'] = {};
  if (saved && saved.standardSetId === set.id) {
    for (const standard of set.standards) {
      const score = saved.scores[standard.id];
      if (score !== undefined && (score !== 'na' || standard.allowNa)) scores[standard.id] = score;
    }
  }
  const prediction = saved && saved.predictedCsat.scale === scale.id && scaleValue(scale, saved.predictedCsat.value);
  return {
    scores,
    prediction: prediction ? prediction.value : null,
    notes: { gotInTheWay: saved?.notes.gotInTheWay ?? '', worked: saved?.notes.worked ?? '' },
  };
}

/**
 * Digits on the prediction count up from the worst answer, like the standards (1 = far below):
 * on Zendesk 1 = Bad, 2 = Good; on Freshdesk 1 = Extremely unhappy … 7 = Extremely happy.
 * Points are listed best first, so digit d is the d-th point from the end.
 */
export function predictionDigit(scale: CsatScale, value: CsatValue): number {
  return scale.points.length - scale.points.findIndex((point) => point.value === value);
}

export type KeyCommand =
  | { type: 'score'; standardId: string; score: StandardScore; focus: number }
  | { type: 'na-not-allowed'; title: string }
  | { type: 'predict'; value: CsatValue; focus: number }
  | { type: 'save' }
  | { type: 'close' };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Where the key was pressed: a textarea (typing), a button or link (Enter activates it), or elsewhere. */
  target: 'textarea' | 'button' | 'other';
}

/**
 * What a key does in the form, or null to let the browser handle it (Tab, arrows, typing).
 * `itemIndex` is the focus stop the key was pressed in, or null outside the rating groups.
 */
export function commandForKey(
  press: KeyPress,
  items: readonly FormItem[],
  itemIndex: number | null,
  scale: CsatScale,
): KeyCommand | null {
  if (press.key === 'Escape') return { type: 'close' };
  if (press.key === 'Enter') {
    if (press.target === 'textarea') return press.ctrlKey || press.metaKey ? { type: 'save' } : null;
    return press.target === 'button' ? null : { type: 'save' };
  }
  if (press.ctrlKey || press.metaKey || press.altKey || press.target === 'textarea' || itemIndex === null) return null;
  const item = items[itemIndex];
  if (!item) return null;
  const next = itemIndex + 1;
  if (item.kind === 'standard') {
    if (/^[1-5]$/.test(press.key))
      return { type: 'score', standardId: item.standardId, score: Number(press.key) as StandardScore, focus: next };
    if (press.key === '0' || press.key === 'n' || press.key === 'N') {
      return item.allowNa
        ? { type: 'score', standardId: item.standardId, score: 'na', focus: next }
        : { type: 'na-not-allowed', title: item.title };
    }
    return null;
  }
  const digit = /^[1-9]$/.test(press.key) ? Number(press.key) : 0;
  const point = digit > 0 ? scale.points[scale.points.length - digit] : undefined;
  return point ? { type: 'predict', value: point.value, focus: next } : null;
}

export function applyCommand(values: FormValues, command: KeyCommand): FormValues {
  if (command.type === 'score') return { ...values, scores: { ...values.scores, [command.standardId]: command.score } };
  if (command.type === 'predict') return { ...values, prediction: command.value };
  return values;
}

export const PREDICTION_TITLE = 'your prediction of the customer’s rating';

/** What still stands between the form and Save, as the names the agent sees. Empty when complete. */
export function missingItems(set: StandardSet, scale: CsatScale, values: FormValues): string[] {
  const missing = checkScores(set, values.scores).map((problem) => problem.title);
  if (values.prediction === null || !scaleValue(scale, values.prediction)) missing.push(PREDICTION_TITLE);
  return missing;
}

/** “Not saved yet. Still missing: Timely and your prediction of the customer’s rating.” */
export function describeMissing(missing: readonly string[]): string {
  if (missing.length === 0) return '';
  const list =
    missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
  return `Not saved yet. Still missing: ${list}.`;
}

/** The draft to send, or null while something is missing. */
export function buildDraft(
  ticket: TicketRef,
  set: StandardSet,
  scale: CsatScale,
  values: FormValues,
): AssessmentDraft | null {
  const predictedCsat = values.prediction === null ? null : scaleValue(scale, values.prediction);
  if (!predictedCsat || missingItems(set, scale, values).length > 0) return null;
  const scores = Object.fromEntries(set.standards.map((s) => [s.id, values.scores[s.id]!]));
  return {
    ticketKey: ticketKey(ticket.origin, ticket.ticketId),
    ticket,
    agentId: null,
    standardSetId: set.id,
    standardSetVersion: set.version,
    scores,
    predictedCsat,
    notes: { gotInTheWay: values.notes.gotInTheWay.trim(), worked: values.notes.worked.trim() },
  };
}
