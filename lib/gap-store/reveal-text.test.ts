import { describe, expect, it } from 'vitest';
import { BAD, GOOD, on, stars } from '../gap/test-support';
import { FRESHDESK_POINTS_SCALE, GREAT_OKAY_NOT_GOOD_SCALE } from '../helpdesks/shared/scales';
import { revealNotification, revealOutcome, revealSentence, verdictWords } from './reveal-text';

const ticket = { kind: 'zendesk', origin: 'https://acme.zendesk.com', ticketId: '1234' };

describe('reveal texts', () => {
  it('say what the customer said against the prediction', () => {
    expect(revealSentence({ ticket, predicted: GOOD, actual: BAD, changed: false })).toBe(
      '#1234: the customer said bad — you predicted good',
    );
    expect(revealSentence({ ticket, predicted: stars(5), actual: stars(2), changed: true })).toBe(
      '#1234: the customer changed their rating to 2 of 5 — you predicted 5 of 5',
    );
  });

  it('name verdicts in the words of their scale', () => {
    expect(verdictWords(on(FRESHDESK_POINTS_SCALE, -102))).toBe('very unhappy');
    expect(verdictWords(on(GREAT_OKAY_NOT_GOOD_SCALE, 'not_good'))).toBe('not good');
    expect(verdictWords({ scale: 'unknown', value: 7, normalized: 1, satisfied: true })).toBe('7');
  });

  it('classify the lesson strictly by satisfied (a neutral answer is not satisfied)', () => {
    expect(revealOutcome({ predicted: GOOD, actual: BAD })).toBe('overestimated');
    expect(revealOutcome({ predicted: stars(3), actual: stars(4) })).toBe('underestimated');
    expect(revealOutcome({ predicted: stars(4), actual: stars(5) })).toBe('as-predicted');
  });

  it('make one notification for one reveal, and a summary for several', () => {
    const one = { ticket, predicted: GOOD, actual: BAD, changed: false, comment: 'Slow.' };
    expect(revealNotification([one])).toEqual({
      title: '#1234: the customer said bad — you predicted good',
      message: '“Slow.”',
    });
    const many = revealNotification([one, { ...one, ticket: { ...ticket, ticketId: '9' }, comment: null }]);
    expect(many.title).toBe('2 customers rated tickets you assessed');
    expect(many.message.split('\n')).toHaveLength(2);
  });
});
