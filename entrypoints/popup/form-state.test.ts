import { describe, expect, it } from 'vitest';
import { FRESHDESK_POINTS_SCALE, GOOD_BAD_SCALE } from '../../lib/helpdesks/shared/scales';
import { DEFAULT_STANDARD_SET, type SelfAssessment } from '../../lib/model';
import {
  applyCommand,
  buildDraft,
  commandForKey,
  describeMissing,
  formItems,
  initialValues,
  missingItems,
  predictionDigit,
  type FormValues,
  type KeyPress,
} from './form-state';

const set = DEFAULT_STANDARD_SET;
const items = formItems(set);
const PREDICTION = items.length - 1;
const SAVE = items.length;
const indexOf = (id: string) => items.findIndex((item) => item.kind === 'standard' && item.standardId === id);
const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: 'other',
  ...more,
});
const empty: FormValues = { scores: {}, prediction: null, notes: { gotInTheWay: '', worked: '' } };
const ticket = { kind: 'zendesk', origin: 'https://acme.zendesk.com', ticketId: '123' };

describe('keys on a standard', () => {
  it('a digit 1–5 rates the focused standard and moves to the next stop', () => {
    expect(commandForKey(press('4'), items, 0, GOOD_BAD_SCALE)).toEqual({
      type: 'score',
      standardId: 'timely',
      score: 4,
      focus: 1,
    });
    const last = PREDICTION - 1;
    expect(commandForKey(press('1'), items, last, GOOD_BAD_SCALE)).toMatchObject({ score: 1, focus: PREDICTION });
  });

  it('ignores 6–9, letters and digits typed with a modifier', () => {
    for (const key of ['6', '9', 'a', 'Tab', 'ArrowRight'])
      expect(commandForKey(press(key), items, 0, GOOD_BAD_SCALE)).toBeNull();
    expect(commandForKey(press('3', { ctrlKey: true }), items, 0, GOOD_BAD_SCALE)).toBeNull();
    expect(commandForKey(press('3', { altKey: true }), items, 0, GOOD_BAD_SCALE)).toBeNull();
  });

  it('0 and n mark N/A only where the standard allows it', () => {
    const clear = indexOf('clear-next-steps');
    expect(commandForKey(press('0'), items, clear, GOOD_BAD_SCALE)).toEqual({
      type: 'score',
      standardId: 'clear-next-steps',
      score: 'na',
      focus: clear + 1,
    });
    expect(commandForKey(press('n'), items, clear, GOOD_BAD_SCALE)).toMatchObject({ score: 'na' });
    expect(commandForKey(press('n'), items, indexOf('timely'), GOOD_BAD_SCALE)).toEqual({
      type: 'na-not-allowed',
      title: 'Timely',
    });
    expect(commandForKey(press('0'), items, indexOf('complete-correct'), GOOD_BAD_SCALE)).toEqual({
      type: 'na-not-allowed',
      title: 'Complete and correct',
    });
  });

  it('digits do nothing while typing a note or outside the rating groups', () => {
    expect(commandForKey(press('4', { target: 'textarea' }), items, null, GOOD_BAD_SCALE)).toBeNull();
    expect(commandForKey(press('4'), items, null, GOOD_BAD_SCALE)).toBeNull();
  });
});

describe('keys on the prediction', () => {
  it('counts up from the worst answer on the helpdesk’s scale', () => {
    expect(commandForKey(press('2'), items, PREDICTION, GOOD_BAD_SCALE)).toEqual({
      type: 'predict',
      value: 'good',
      focus: SAVE,
    });
    expect(commandForKey(press('1'), items, PREDICTION, GOOD_BAD_SCALE)).toMatchObject({ value: 'bad' });
    expect(commandForKey(press('3'), items, PREDICTION, GOOD_BAD_SCALE)).toBeNull();
    expect(commandForKey(press('7'), items, PREDICTION, FRESHDESK_POINTS_SCALE)).toMatchObject({ value: 103 });
    expect(commandForKey(press('4'), items, PREDICTION, FRESHDESK_POINTS_SCALE)).toMatchObject({ value: 100 });
    expect(commandForKey(press('1'), items, PREDICTION, FRESHDESK_POINTS_SCALE)).toMatchObject({ value: -103 });
    expect(commandForKey(press('8'), items, PREDICTION, FRESHDESK_POINTS_SCALE)).toBeNull();
    expect(commandForKey(press('n'), items, PREDICTION, FRESHDESK_POINTS_SCALE)).toBeNull();
  });

  it('shows the same digit it accepts', () => {
    expect(GOOD_BAD_SCALE.points.map((p) => predictionDigit(GOOD_BAD_SCALE, p.value))).toEqual([2, 1]);
    expect(FRESHDESK_POINTS_SCALE.points.map((p) => predictionDigit(FRESHDESK_POINTS_SCALE, p.value))).toEqual([
      7, 6, 5, 4, 3, 2, 1,
    ]);
  });
});

describe('Enter and Escape', () => {
  it('Enter saves, except in a note (Ctrl/Cmd+Enter there) and on a button (which it clicks)', () => {
    expect(commandForKey(press('Enter'), items, 0, GOOD_BAD_SCALE)).toEqual({ type: 'save' });
    expect(commandForKey(press('Enter'), items, null, GOOD_BAD_SCALE)).toEqual({ type: 'save' });
    expect(commandForKey(press('Enter', { target: 'textarea' }), items, null, GOOD_BAD_SCALE)).toBeNull();
    expect(commandForKey(press('Enter', { target: 'textarea', ctrlKey: true }), items, null, GOOD_BAD_SCALE)).toEqual({
      type: 'save',
    });
    expect(commandForKey(press('Enter', { target: 'textarea', metaKey: true }), items, null, GOOD_BAD_SCALE)).toEqual({
      type: 'save',
    });
    expect(commandForKey(press('Enter', { target: 'button' }), items, null, GOOD_BAD_SCALE)).toBeNull();
  });

  it('Escape closes from anywhere', () => {
    expect(commandForKey(press('Escape', { target: 'textarea' }), items, null, GOOD_BAD_SCALE)).toEqual({
      type: 'close',
    });
  });
});

describe('validation', () => {
  it('names every unrated standard and the missing prediction', () => {
    let values = empty;
    for (const item of items.slice(0, 6)) {
      if (item.kind === 'standard')
        values = applyCommand(values, { type: 'score', standardId: item.standardId, score: 5, focus: 0 });
    }
    const missing = missingItems(set, GOOD_BAD_SCALE, values);
    expect(missing).toEqual(['Owned it', 'Well presented', 'your prediction of the customer’s rating']);
    expect(describeMissing(missing)).toBe(
      'Not saved yet. Still missing: Owned it, Well presented and your prediction of the customer’s rating.',
    );
    expect(buildDraft(ticket, set, GOOD_BAD_SCALE, values)).toBeNull();
  });

  it('builds a complete draft once everything is rated', () => {
    let values: FormValues = { ...empty, notes: { gotInTheWay: '  Billing was slow ', worked: '' } };
    for (const item of items) {
      const command = commandForKey(
        press(item.kind === 'standard' && item.allowNa ? 'n' : '2'),
        items,
        items.indexOf(item),
        GOOD_BAD_SCALE,
      );
      values = applyCommand(values, command!);
    }
    expect(missingItems(set, GOOD_BAD_SCALE, values)).toEqual([]);
    const draft = buildDraft(ticket, set, GOOD_BAD_SCALE, values)!;
    expect(draft.ticketKey).toBe('https://acme.zendesk.com#123');
    expect(draft.scores).toEqual({
      timely: 2,
      'complete-correct': 2,
      'clear-next-steps': 'na',
      'low-effort': 'na',
      'understood-need': 2,
      'warm-personal': 'na',
      'owned-it': 'na',
      'well-presented': 'na',
    });
    expect(draft.predictedCsat).toEqual({ scale: 'good-bad', value: 'good', normalized: 1, satisfied: true });
    expect(draft.notes.gotInTheWay).toBe('Billing was slow');
  });
});

describe('initialValues', () => {
  it('loads a saved assessment, dropping what no longer fits the set or scale', () => {
    const saved = {
      standardSetId: set.id,
      scores: { timely: 'na', 'owned-it': 3, retired: 5 },
      predictedCsat: { scale: 'good-bad', value: 'bad', normalized: 0, satisfied: false },
      notes: { gotInTheWay: 'x', worked: 'y' },
    } as unknown as SelfAssessment;
    expect(initialValues(set, GOOD_BAD_SCALE, saved)).toEqual({
      scores: { 'owned-it': 3 },
      prediction: 'bad',
      notes: { gotInTheWay: 'x', worked: 'y' },
    });
    expect(initialValues(set, FRESHDESK_POINTS_SCALE, saved).prediction).toBeNull();
  });
});
