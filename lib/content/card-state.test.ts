import { describe, expect, it } from 'vitest';
import type { PromptCard } from './channel';
import { cardKey, initialCardState, isAgentTyping, isComplete, type CardState } from './card-state';

const card: PromptCard = {
  ticketId: '7',
  label: 'Zendesk',
  subject: null,
  standardSetId: 'set',
  standardSetVersion: 1,
  standards: [
    { id: 'a', title: 'A', allowNa: false },
    { id: 'b', title: 'B', allowNa: true },
  ],
  predictionPoints: [
    { value: 'good', label: 'Good' },
    { value: 'bad', label: 'Bad' },
  ],
  autoHideMs: 60_000,
};

function press(keys: string[], state: CardState = initialCardState()) {
  let action = 'none';
  for (const key of keys) ({ state, action } = cardKey(card, state, key));
  return { state, action };
}

describe('card keys', () => {
  it('rates each standard with a digit, then predicts, then Enter saves', () => {
    const { state, action } = press(['4', 'n', '2', 'Enter']);
    expect(state.scores).toEqual({ a: 4, b: 'na' });
    expect(state.prediction).toBe('good');
    expect(action).toBe('save');
  });

  it('counts prediction digits up from the worst answer, like the popup', () => {
    expect(press(['3', '3', '1']).state.prediction).toBe('bad');
    expect(press(['3', '3', '2']).state.prediction).toBe('good');
    expect(press(['3', '3', '3']).state.prediction).toBeNull();
    expect(press(['3', '3', '3']).action).toBe('none');
  });

  it('refuses N/A where a standard does not allow it, and ignores other keys', () => {
    expect(press(['n']).action).toBe('none');
    expect(press(['x']).state).toEqual(initialCardState());
    expect(press(['6']).action).toBe('none');
  });

  it('Enter before everything is rated goes to the first gap instead of saving', () => {
    const { state, action } = press(['5', 'ArrowRight', 'Enter']);
    expect(action).toBe('incomplete');
    expect(state.index).toBe(1);
    expect(isComplete(card, state)).toBe(false);
  });

  it('Esc dismisses; Backspace goes back one stop', () => {
    expect(press(['Escape']).action).toBe('dismiss');
    expect(press(['5', 'Backspace']).state.index).toBe(0);
  });
});

describe('typing in the helpdesk', () => {
  const none = { altKey: false, ctrlKey: false, metaKey: false };
  it('is a field with focus, or a key with a modifier', () => {
    expect(isAgentTyping({ tagName: 'TEXTAREA' } as unknown as EventTarget, none)).toBe(true);
    expect(isAgentTyping({ tagName: 'INPUT' } as unknown as EventTarget, none)).toBe(true);
    expect(isAgentTyping({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget, none)).toBe(true);
    expect(isAgentTyping({ tagName: 'BUTTON' } as unknown as EventTarget, none)).toBe(false);
    expect(isAgentTyping(null, none)).toBe(false);
    expect(isAgentTyping(null, { ...none, ctrlKey: true })).toBe(true);
  });
});
