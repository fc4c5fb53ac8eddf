import { describe, expect, it } from 'vitest';
import { clone, fixture, FIVE_POINT_EXPECTATIONS } from '../shared/test-fixtures';
import { draftFromConversation } from './csat';
import { intercomConversationPageSchema, type IntercomConversation } from './schemas';

/** The spec's search example, whose conversation has `conversation_rating: null`. */
const searchExample = () =>
  fixture<Record<string, unknown>>('intercom', 'intercom-conversations-search-response-spec-example.json');
/** The rating object reconstructed from the spec's property examples (rating 5, empty remark). */
const ratingExample = () =>
  fixture<Record<string, unknown>>(
    'intercom',
    'intercom-conversation_rating-from-spec-property-examples-reconstructed.json',
  );

/** The documented conversation with `conversation_rating` replaced, parsed as the client would. */
function conversationWith(rating: unknown, extra: Record<string, unknown> = {}): IntercomConversation {
  const page = clone(searchExample()) as { conversations: Record<string, unknown>[] };
  Object.assign(page.conversations[0]!, { conversation_rating: rating }, extra);
  return intercomConversationPageSchema.parse(page).conversations[0]!;
}

describe('Intercom CSAT normalization (DESIGN.md §4: 1–5 → (r − 1) / 4, satisfied from 4)', () => {
  it.each(FIVE_POINT_EXPECTATIONS)('rating %d → %f, satisfied %s', (value, normalized, satisfied) => {
    const draft = draftFromConversation(conversationWith({ ...ratingExample(), rating: value }));
    expect(draft?.rating).toEqual({ scale: 'five-point', value, normalized, satisfied });
  });

  it('reads the documented rating object: conversation id as ticket and rating id, teammate as agent', () => {
    expect(draftFromConversation(conversationWith(ratingExample()))).toEqual({
      sourceId: '515',
      source: 'conversation_rating',
      ticketId: '515',
      rating: { scale: 'five-point', value: 5, normalized: 1, satisfied: true },
      // The example's remark is "": no comment.
      comment: null,
      agentId: '1a2b3c',
      createdAt: '2022-12-14T14:41:34.000Z',
      updatedAt: '2022-12-14T14:41:34.000Z',
    });
  });

  it('keeps the remark as the comment and the later updated_at of a changed rating', () => {
    const draft = draftFromConversation(
      conversationWith({ ...ratingExample(), remark: 'Quick and kind', updated_at: 1671032494 }),
    );
    expect(draft).toMatchObject({ comment: 'Quick and kind', updatedAt: '2022-12-14T15:41:34.000Z' });
  });

  it.each([
    ['null (the documented examples)', null],
    ['{} (older payloads)', {}],
    ['a rating off the scale', { ...ratingExample(), rating: 6 }],
    ['a rating of 0', { ...ratingExample(), rating: 0 }],
  ])('skips %s: not a rating', (_label, rating) => {
    expect(draftFromConversation(conversationWith(rating))).toBeNull();
  });

  it('never reads Fin’s ai_agent.rating: not the customer’s verdict on the teammate', () => {
    const fin = { rating: 1, rating_remark: 'Bot was useless', resolution_state: 'routed_to_team' };
    expect(draftFromConversation(conversationWith(null, { ai_agent: fin }))).toBeNull();
    expect(draftFromConversation(conversationWith(ratingExample(), { ai_agent: fin }))?.rating.value).toBe(5);
  });

  it('a rating without a teammate belongs to no agent', () => {
    const { teammate: _teammate, ...withoutTeammate } = ratingExample();
    expect(draftFromConversation(conversationWith(withoutTeammate))?.agentId).toBeNull();
  });
});
