import { describe, expect, it } from 'vitest';
import { parseLinkHeader } from './link-header';
import { fixtureText } from './test-fixtures';

describe('parseLinkHeader', () => {
  it('reads the recorded Freshdesk header, space inside the brackets and all', () => {
    const line = fixtureText('freshdesk', 'freshdesk-link-header-node-freshdesk-api-fixture.txt').trim();
    const value = line.replace(/^link:\s*/i, '');
    expect(parseLinkHeader(value)).toEqual({ next: 'https://test.freshdesk.com/api/v2/agents?page=13&per_page=10' });
  });

  it('reads several links, bare and multi-valued rels', () => {
    const value = '<https://a.test/p?page=1>; rel=prev, <https://a.test/p?page=3>; rel="next last"';
    expect(parseLinkHeader(value)).toEqual({
      prev: 'https://a.test/p?page=1',
      next: 'https://a.test/p?page=3',
      last: 'https://a.test/p?page=3',
    });
  });

  it('has no next on the last page', () => {
    expect(parseLinkHeader(null)).toEqual({});
    expect(parseLinkHeader('<https://a.test/p?page=1>; rel="prev"').next).toBeUndefined();
  });
});
