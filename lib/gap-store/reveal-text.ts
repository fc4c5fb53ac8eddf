import { findScale } from '../helpdesks/shared/scales';
import type { ScaledValue } from '../model';
import type { GapReveal } from './schema';

/**
 * Words for a verdict as an agent would say it: “good”, “4 of 5”, “very happy”. Good/bad and the
 * five-point scale read best as their values; the others by their scale's own label, lower-cased
 * to sit inside a sentence.
 */
export function verdictWords(value: ScaledValue): string {
  if (value.scale === 'good-bad') return String(value.value);
  if (value.scale === 'five-point') return `${value.value} of 5`;
  const label = findScale(value.scale)?.points.find((point) => point.value === value.value)?.label;
  return label ? label.charAt(0).toLowerCase() + label.slice(1) : String(value.value);
}

/** “#1234: the customer said bad — you predicted good” (issue 5, item 4). */
export function revealSentence(reveal: Pick<GapReveal, 'ticket' | 'predicted' | 'actual' | 'changed'>): string {
  const said = reveal.changed ? 'changed their rating to' : 'said';
  return `#${reveal.ticket.ticketId}: the customer ${said} ${verdictWords(reveal.actual)} — you predicted ${verdictWords(reveal.predicted)}`;
}

/** Whether the prediction got the customer's satisfaction right: the lesson in one word. */
export function revealOutcome(
  reveal: Pick<GapReveal, 'predicted' | 'actual'>,
): 'as-predicted' | 'overestimated' | 'underestimated' {
  if (reveal.predicted.satisfied === reveal.actual.satisfied) return 'as-predicted';
  return reveal.predicted.satisfied ? 'overestimated' : 'underestimated';
}

/** A notification for one or more new reveals; the newest first. */
export function revealNotification(
  reveals: readonly Pick<GapReveal, 'ticket' | 'predicted' | 'actual' | 'changed' | 'comment'>[],
): {
  title: string;
  message: string;
} {
  const [first] = reveals;
  if (!first) throw new Error('no reveals to notify about');
  if (reveals.length === 1) {
    return {
      title: revealSentence(first),
      message: first.comment ? `“${first.comment}”` : 'Open GapLens to see your gap.',
    };
  }
  return {
    title: `${reveals.length} customers rated tickets you assessed`,
    message: reveals.slice(0, 3).map(revealSentence).join('\n'),
  };
}
