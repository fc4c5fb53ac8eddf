import type { PromptCard } from './channel';

/**
 * The in-page card's keyboard logic as plain functions (the DOM lives in card.ts): the same stops
 * and digits as the popup's form (entrypoints/popup/form-state.ts), so an agent's fingers learn one
 * thing. A digit rates the current standard and moves on, `n` marks N/A where allowed, then a
 * digit picks the prediction (1 = worst answer), Enter saves, Esc dismisses.
 */
export interface CardState {
  /** The stop in focus: a standard's index, or `standards.length` for the prediction. */
  index: number;
  scores: Record<string, number | 'na'>;
  prediction: string | number | null;
}

export type CardAction = 'none' | 'changed' | 'save' | 'dismiss' | 'incomplete';

export function initialCardState(): CardState {
  return { index: 0, scores: {}, prediction: null };
}

export function isComplete(card: PromptCard, state: CardState): boolean {
  return state.prediction !== null && card.standards.every((standard) => state.scores[standard.id] !== undefined);
}

/** The first stop that still needs an answer, or the prediction. */
function firstMissing(card: PromptCard, state: CardState): number {
  const index = card.standards.findIndex((standard) => state.scores[standard.id] === undefined);
  return index === -1 ? card.standards.length : index;
}

/** What one key press does. Returns the next state (a new object when anything changed) and the action. */
export function cardKey(card: PromptCard, state: CardState, key: string): { state: CardState; action: CardAction } {
  const stops = card.standards.length;
  if (key === 'Escape') return { state, action: 'dismiss' };
  if (key === 'Enter') {
    if (isComplete(card, state)) return { state, action: 'save' };
    return { state: { ...state, index: firstMissing(card, state) }, action: 'incomplete' };
  }
  if (key === 'Backspace' || key === 'ArrowLeft' || key === 'ArrowUp') {
    return state.index > 0
      ? { state: { ...state, index: state.index - 1 }, action: 'changed' }
      : { state, action: 'none' };
  }
  if (key === 'ArrowRight' || key === 'ArrowDown') {
    return state.index < stops
      ? { state: { ...state, index: state.index + 1 }, action: 'changed' }
      : { state, action: 'none' };
  }
  const standard = card.standards[state.index];
  if (standard) {
    let score: number | 'na' | null = null;
    if (/^[1-5]$/.test(key)) score = Number(key);
    else if ((key === 'n' || key === 'N') && standard.allowNa) score = 'na';
    if (score === null) return { state, action: 'none' };
    const scores = { ...state.scores, [standard.id]: score };
    return { state: { ...state, scores, index: state.index + 1 }, action: 'changed' };
  }
  // The prediction: digit d is the d-th point from the worst (points are listed best first).
  const digit = /^[1-9]$/.test(key) ? Number(key) : 0;
  const point = digit > 0 ? card.predictionPoints[card.predictionPoints.length - digit] : undefined;
  if (!point) return { state, action: 'none' };
  return { state: { ...state, prediction: point.value }, action: 'changed' };
}

/**
 * Whether a key press belongs to the helpdesk rather than the card: the agent is typing in a field
 * (input, textarea, select, contenteditable), or holds a modifier (helpdesk and browser shortcuts).
 */
export function isAgentTyping(
  target: EventTarget | null,
  event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey'>,
): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return true;
  const element = target as (Element & { isContentEditable?: boolean }) | null;
  if (!element || typeof element.tagName !== 'string') return false;
  const tag = element.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || element.isContentEditable === true;
}
