import { describe, expect, it } from 'vitest';
import { describeIssues } from '../shared/http-client';
import { clone, fixture } from '../shared/test-fixtures';
import { helpscoutConversationListSchema, helpscoutReportPageSchema, helpscoutUserSchema } from './schemas';

const userRatings = () =>
  clone(
    fixture<{ results: Record<string, unknown>[] }>('helpscout', 'helpscout-reports-user-ratings-docs-example.json'),
  );

function problem(schema: { safeParse(value: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a rejection');
  return describeIssues(parsed.error as never);
}

describe('Help Scout schemas accept the documented payloads', () => {
  it('the user-ratings report, with page/pages/count', () => {
    const page = helpscoutReportPageSchema.parse(userRatings());
    expect(page).toMatchObject({ page: 1, pages: 17, count: 165 });
    expect(page.results.map((row) => [row.id, row.ratingId, row.ratingUserId, row.ratingCreatedAt])).toEqual([
      [424890237, 1, 19, '2017-09-02T11:23:43.000Z'],
      [424910211, 1, 4, '2017-09-02T11:28:47.000Z'],
    ]);
  });

  it('the happiness-ratings report page (reconstructed envelope around the documented row)', () => {
    const page = helpscoutReportPageSchema.parse(
      fixture('helpscout', 'helpscout-reports-happiness-ratings-page1-reconstructed.json'),
    );
    expect(page.results[0]).toMatchObject({ id: 432207336, ratingComments: 'Thanks for the clear reply, Amanda!' });
  });

  it('the user (PHP SDK fixture)', () => {
    expect(helpscoutUserSchema.parse(fixture('helpscout', 'helpscout-user-php-sdk-fixture-rendered.json'))).toEqual({
      id: 1,
      firstName: 'Big',
      lastName: 'Bird',
      email: 'bird@sesamestreet.com',
      role: 'owner',
    });
  });

  it('a HAL list without _embedded (an empty list) and one with a next link', () => {
    expect(
      helpscoutConversationListSchema.parse({ page: { size: 25, totalElements: 0, totalPages: 0, number: 1 } }),
    ).toEqual({});
    expect(
      helpscoutConversationListSchema.parse(fixture('helpscout', 'helpscout-pagination-links-docs-snippet.json'))._links
        ?.next?.href,
    ).toBe('https://api.helpscout.net/v2/conversations?page=3');
  });
});

describe('Help Scout schemas reject broken variants, naming the field', () => {
  it('a conversation id that is a string', () => {
    const broken = userRatings();
    broken.results[1]!.id = 'abc';
    expect(problem(helpscoutReportPageSchema, broken)).toBe('results[1].id: expected number, received string');
  });

  it('a rating time that is not a time', () => {
    const broken = userRatings();
    broken.results[0]!.ratingCreatedAt = 'yesterday';
    expect(problem(helpscoutReportPageSchema, broken)).toMatch(/^results\[0\]\.ratingCreatedAt: expected an ISO-8601/);
  });

  it('a report without its page count (the walk could not know when to stop)', () => {
    const excerpt = fixture('helpscout', 'helpscout-reports-happiness-ratings-docs-example-excerpt.json');
    expect(problem(helpscoutReportPageSchema, excerpt)).toMatch(/^page: expected number/);
  });

  it('a user without an id', () => {
    expect(problem(helpscoutUserSchema, { firstName: 'x' })).toMatch(/^id: expected number/);
  });
});
