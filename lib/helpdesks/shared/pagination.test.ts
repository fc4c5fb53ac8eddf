import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zendeskSatisfactionRatingsPageSchema } from '../zendesk/schemas';
import { createHttpClient } from './http-client';
import { compareNumericIds, idBatches, nextFromCursorLinks, nextFromLinkHeader, walkPages } from './pagination';
import { clone, fakeFetch, fixture } from './test-fixtures';

const ORIGIN = 'https://example.zendesk.com';
const NAMES = { limit: [], remaining: [], resetSeconds: [] };

describe('walkPages with cursor links (Zendesk)', () => {
  it('follows links.next as-is while meta.has_more, and stops when it is false even if a link is left', async () => {
    const page1 = fixture<Record<string, unknown>>(
      'zendesk',
      'zendesk-satisfaction_ratings-cursor-page1-reconstructed.json',
    );
    const page2 = clone(page1) as { meta: { has_more: boolean }; links: { next: string } };
    page2.meta.has_more = false;
    page2.links.next = `${ORIGIN}/api/v2/satisfaction_ratings.json?page%5Bafter%5D=zzz&page%5Bsize%5D=2&score=received`;
    const fetch = fakeFetch([
      ['page%5Bafter%5D=xxx', { body: page2 }],
      ['/api/v2/satisfaction_ratings', { body: page1 }],
    ]);
    const client = createHttpClient({ origin: ORIGIN, authorization: 'x', rateLimitHeaders: NAMES, fetch });
    const pages = [];
    for await (const page of walkPages(
      client,
      client.url('/api/v2/satisfaction_ratings', { 'page[size]': 2 }),
      zendeskSatisfactionRatingsPageSchema,
      nextFromCursorLinks,
    )) {
      pages.push(page);
    }
    expect(fetch.calls.map((call) => call.url)).toEqual([
      `${ORIGIN}/api/v2/satisfaction_ratings?page%5Bsize%5D=2`,
      // Used as-is: the host alias, `.json` and the percent-encoded brackets of the fixture.
      'https://example.zendesk.com/api/v2/satisfaction_ratings.json?page%5Bafter%5D=xxx&page%5Bsize%5D=2&score=received',
    ]);
    expect(pages.map((page) => page.next)).toEqual([(page1 as { links: { next: string } }).links.next, null]);
  });

  it('continues with page[after] when a page has after_cursor but no links (survey_responses)', async () => {
    const body = { survey_responses: [], meta: { has_more: true, after_cursor: 'MW==' } };
    const fetch = fakeFetch([
      ['page%5Bafter%5D=MW%3D%3D', { body: { ...body, meta: { has_more: false } } }],
      ['/api', { body }],
    ]);
    const client = createHttpClient({ origin: ORIGIN, authorization: 'x', rateLimitHeaders: NAMES, fetch });
    const schema = z.object({ meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullish() }) });
    const nexts = [];
    for await (const page of walkPages(
      client,
      `${ORIGIN}/api/v2/guide/survey_responses?page%5Bsize%5D=100`,
      schema,
      nextFromCursorLinks,
    ))
      nexts.push(page.next);
    expect(nexts).toEqual([
      `${ORIGIN}/api/v2/guide/survey_responses?page%5Bsize%5D=100&page%5Bafter%5D=MW%3D%3D`,
      null,
    ]);
  });
});

describe('walkPages with the Link header (Freshdesk)', () => {
  it('follows rel="next" until a page has no Link header', async () => {
    const list = fixture<unknown[]>('freshdesk', 'freshdesk-satisfaction_ratings-list-docs-example.json');
    const origin = 'https://acme.freshdesk.com';
    const fetch = fakeFetch([
      [/[?&]page=2/, { body: list }],
      [
        /[?&]page=1/,
        {
          body: list,
          headers: { link: `< ${origin}/api/v2/surveys/satisfaction_ratings?page=2&per_page=2>;rel="next"` },
        },
      ],
    ]);
    const client = createHttpClient({ origin, authorization: 'x', rateLimitHeaders: NAMES, fetch });
    const nexts = [];
    for await (const page of walkPages(
      client,
      `${origin}/api/v2/surveys/satisfaction_ratings?page=1&per_page=2`,
      z.array(z.unknown()),
      nextFromLinkHeader,
    )) {
      nexts.push(page.next);
    }
    expect(nexts).toEqual([`${origin}/api/v2/surveys/satisfaction_ratings?page=2&per_page=2`, null]);
    expect(fetch.calls).toHaveLength(2);
  });

  it('stops instead of looping when a server names the same page as next', async () => {
    const url = 'https://acme.freshdesk.com/api/v2/x?page=1';
    const fetch = fakeFetch([['/api', { body: [], headers: { link: `<${url}>; rel="next"` } }]]);
    const client = createHttpClient({
      origin: 'https://acme.freshdesk.com',
      authorization: 'x',
      rateLimitHeaders: NAMES,
      fetch,
    });
    let pages = 0;
    for await (const _page of walkPages(client, url, z.array(z.unknown()), nextFromLinkHeader)) pages++;
    expect(pages).toBe(1);
  });
});

describe('idBatches', () => {
  const ids = Array.from({ length: 250 }, (_, index) => String(1000 + index));

  it('cuts ascending ids into batches of the given size', () => {
    expect([...idBatches(ids, 100, null)].map((batch) => batch.length)).toEqual([100, 100, 50]);
  });

  it('resumes after the last id of the last committed batch', () => {
    const rest = [...idBatches(ids, 100, '1099')];
    expect(rest.map((batch) => batch[0])).toEqual(['1100', '1200']);
    expect([...idBatches(ids, 100, '1249')]).toEqual([]);
  });

  it('orders ids as numbers, beyond 2^53 too', () => {
    expect(['10', '9', '100', '18446744073709551615', '9007199254740993'].sort(compareNumericIds)).toEqual([
      '9',
      '10',
      '100',
      '9007199254740993',
      '18446744073709551615',
    ]);
  });
});
