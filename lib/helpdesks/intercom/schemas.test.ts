import { describe, expect, it } from 'vitest';
import { formatPath } from '../../model/common';
import { clone, fixture } from '../shared/test-fixtures';
import { intercomConversationPageSchema, intercomConversationSchema, intercomMeSchema } from './schemas';

describe('Intercom schemas accept the documented payloads', () => {
  it('GET /me', () => {
    expect(intercomMeSchema.parse(fixture('intercom', 'intercom-me-spec-example.json'))).toMatchObject({
      type: 'admin',
      id: '991267459',
      name: 'Ciaran1 Lee',
      email: 'admin1@email.com',
      app: { id_code: 'this_is_an_id1_that_should_be_at_least_40', region: 'US' },
    });
  });

  it.each([
    'intercom-conversations-search-response-spec-example.json',
    'intercom-conversations-list-spec-example.json',
  ])('%s', (name) => {
    const page = intercomConversationPageSchema.parse(fixture('intercom', name));
    expect(page.conversations).toHaveLength(1);
    expect(page.conversations[0]).toMatchObject({ state: 'closed', admin_assignee_id: '991267715' });
    // The examples are single pages: no next cursor.
    expect(page.pages?.next?.starting_after ?? null).toBeNull();
  });

  it('a conversation’s times become ISO instants', () => {
    const page = fixture<{ conversations: unknown[] }>('intercom', 'intercom-conversations-list-spec-example.json');
    expect(intercomConversationSchema.parse(page.conversations[0]).updated_at).toBe('2024-12-18T15:57:40.000Z');
  });

  it.each([
    [
      'a conversation id that is not digits',
      { id: 'abc' },
      /conversations\[0\]\.id: expected a conversation id of digits/,
    ],
    [
      'a rating that is text',
      { conversation_rating: { rating: 'five' } },
      /conversations\[0\]\.conversation_rating\.rating/,
    ],
    ['an updated_at in ISO', { updated_at: '2024-12-18T15:57:40Z' }, /conversations\[0\]\.updated_at/],
  ])('rejects %s, naming the field', (_label, change, path) => {
    const page = clone(
      fixture<{ conversations: Record<string, unknown>[] }>(
        'intercom',
        'intercom-conversations-search-response-spec-example.json',
      ),
    );
    Object.assign(page.conversations[0]!, change);
    const result = intercomConversationPageSchema.safeParse(page);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(`${formatPath(issue.path)}: ${issue.message}`).toMatch(path);
  });
});
