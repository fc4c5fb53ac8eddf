import { describe, expect, it } from 'vitest';
import { attributedAgent, attributedDay, isAgentIncluded } from './attribution';
import { latestAssessments, latestRatings, matchTickets, ticketEntries } from './match';
import { normalizedPrediction, normalizedRating, ticketGap } from './ticket-gap';
import { assessment, BAD, GOOD, pair, rating, stars } from './test-support';

describe('matchTickets', () => {
  it('pairs an assessment with the rating of the same origin and ticket id, and lists the rest', () => {
    const match = matchTickets(
      [assessment('1'), assessment('2'), assessment('3', { origin: 'https://other.zendesk.com' })],
      [rating('1', GOOD), rating('3', BAD), rating('4', BAD)],
    );
    expect(match.matched.map((m) => m.ticketKey)).toEqual(['https://acme.zendesk.com#1']);
    // Ticket 3 exists on both sides but on different helpdesks: no match.
    expect(match.assessedOnly.map((a) => a.ticketKey)).toEqual([
      'https://acme.zendesk.com#2',
      'https://other.zendesk.com#3',
    ]);
    expect(match.ratedOnly.map((r) => r.ticketKey)).toEqual([
      'https://acme.zendesk.com#3',
      'https://acme.zendesk.com#4',
    ]);
  });

  it('takes the latest rating by updatedAt when a ticket was rated several times, whatever the input order', () => {
    const first = rating('1', BAD, { sourceId: 'a', createdAt: '2026-11-17T10:00:00.000Z' });
    const rerated = rating('1', GOOD, {
      sourceId: 'a',
      createdAt: '2026-11-17T10:00:00.000Z',
      updatedAt: '2026-11-19T08:00:00.000Z',
    });
    const resurveyed = rating('1', stars(3), { sourceId: 'b', createdAt: '2026-11-18T10:00:00.000Z' });
    for (const ratings of [
      [first, rerated, resurveyed],
      [resurveyed, rerated, first],
    ]) {
      const [matched] = matchTickets([assessment('1')], ratings).matched;
      expect(matched?.rating).toBe(rerated);
    }
  });

  it('compares timestamps as instants, not text (…:00Z is later than …:00.5Z as text, earlier as time)', () => {
    const earlier = rating('1', BAD, { updatedAt: '2026-11-19T08:00:00Z' });
    const later = rating('1', GOOD, { updatedAt: '2026-11-19T08:00:00.5Z' });
    expect(latestRatings([later, earlier]).get(later.ticketKey)).toBe(later);
  });

  it('counts an edited assessment once, in its latest version', () => {
    const original = assessment('1', { predicted: GOOD, updatedAt: '2026-11-16T10:00:00.000Z' });
    const edited = assessment('1', { predicted: BAD, updatedAt: '2026-11-16T12:00:00.000Z' });
    expect(latestAssessments([edited, original]).get(original.ticketKey)).toBe(edited);
    const match = matchTickets([original, edited], [rating('1', GOOD)]);
    expect(match.matched).toHaveLength(1);
    expect(match.matched[0]?.assessment).toBe(edited);
  });

  it('breaks ties of equal timestamps the same way in any input order', () => {
    const a = rating('1', GOOD, { sourceId: 'a' });
    const b = rating('1', BAD, { sourceId: 'b' });
    expect(latestRatings([a, b]).get(a.ticketKey)).toBe(b);
    expect(latestRatings([b, a]).get(a.ticketKey)).toBe(b);
  });

  it('is empty for no data', () => {
    expect(matchTickets([], [])).toEqual({ matched: [], assessedOnly: [], ratedOnly: [] });
    expect(ticketEntries([], [])).toEqual([]);
  });
});

describe('ticket gap', () => {
  it('is predicted − actual on the normalized scale', () => {
    // predicted 4 stars → (4 − 1)/4 = 0.75; customer 2 stars → 0.25; gap 0.75 − 0.25 = 0.5
    const p = pair('1', stars(4), stars(2));
    expect(normalizedPrediction(p.assessment)).toBe(0.75);
    expect(normalizedRating(p.rating)).toBe(0.25);
    expect(ticketGap(p)).toBe(0.5);
    // predicted bad (0), customer good (1): −1, the lower end
    expect(ticketGap(pair('2', BAD, GOOD))).toBe(-1);
  });
});

describe('attribution', () => {
  it('gives a matched pair to the assessor, even when the rating names another agent', () => {
    const [entry] = ticketEntries([assessment('1', { agentId: 'alice' })], [rating('1', GOOD, { agentId: 'bob' })]);
    expect(attributedAgent(entry!)).toBe('alice');
  });

  it('gives a rating without an assessment to the agent on the rating', () => {
    const [entry] = ticketEntries([], [rating('1', GOOD, { agentId: 'bob' })]);
    expect(attributedAgent(entry!)).toBe('bob');
  });

  it('places a pair by the assessment’s createdAt and a lone rating by its createdAt, in the user’s zone', () => {
    const [matched, ratedOnly] = ticketEntries(
      [assessment('1', { createdAt: '2026-11-22T23:30:00.000Z' })],
      [
        rating('1', GOOD, { createdAt: '2026-11-25T10:00:00.000Z' }),
        rating('2', GOOD, { createdAt: '2026-11-25T23:30:00.000Z' }),
      ],
    );
    expect(attributedDay(matched!, 'Europe/Berlin')).toBe('2026-11-23');
    expect(attributedDay(ratedOnly!, 'Europe/Berlin')).toBe('2026-11-26');
  });

  it('filters by one id, a list of ids, or null for unattributed tickets', () => {
    expect(isAgentIncluded('alice', undefined)).toBe(true);
    expect(isAgentIncluded(null, undefined)).toBe(true);
    expect(isAgentIncluded('alice', 'alice')).toBe(true);
    expect(isAgentIncluded('bob', 'alice')).toBe(false);
    expect(isAgentIncluded(null, 'alice')).toBe(false);
    expect(isAgentIncluded(null, null)).toBe(true);
    expect(isAgentIncluded('zd-7', ['zd-7', 'fd-9'])).toBe(true);
    expect(isAgentIncluded(null, ['zd-7', null])).toBe(true);
    expect(isAgentIncluded('bob', ['zd-7', null])).toBe(false);
  });
});
