import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient } from './http-client';
import { collectFirstPages, nextFromHalLinks, nextFromPageCount, walkPages } from './pagination';
import { fakeFetch, fixture } from './test-fixtures';

const ORIGIN = 'https://api.helpscout.net';
const NAMES = { limit: [], remaining: [], resetSeconds: [] };
const client = (fetch: ReturnType<typeof fakeFetch>) =>
  createHttpClient({ origin: ORIGIN, authorization: 'Bearer x', rateLimitHeaders: NAMES, fetch });

describe('nextFromPageCount (page/pages in the body)', () => {
  const schema = z.object({ results: z.array(z.unknown()), page: z.number(), pages: z.number() });

  it('asks for page + 1 on the same URL until page >= pages', async () => {
    const fetch = fakeFetch([
      [/./, (url) => ({ body: { results: [url], page: Number(new URL(url).searchParams.get('page')), pages: 3 } })],
    ]);
    const start = `${ORIGIN}/v2/reports/user/ratings?user=4&rating=great&page=1`;
    const nexts = [];
    for await (const { next } of walkPages(client(fetch), start, schema, nextFromPageCount)) nexts.push(next);
    expect(fetch.calls.map((call) => new URL(call.url).searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(nexts).toEqual([
      `${ORIGIN}/v2/reports/user/ratings?user=4&rating=great&page=2`,
      `${ORIGIN}/v2/reports/user/ratings?user=4&rating=great&page=3`,
      null,
    ]);
  });

  it('stops at once on an empty report (pages 0) and on the documented last page', async () => {
    const empty = fakeFetch([[/./, { body: { results: [], page: 1, pages: 0 } }]]);
    for await (const { next } of walkPages(client(empty), `${ORIGIN}/v2/r?page=1`, schema, nextFromPageCount))
      expect(next).toBeNull();
    const documented = fixture<{ page: number; pages: number }>(
      'helpscout',
      'helpscout-reports-happiness-ratings-page1-reconstructed.json',
    );
    const last = fakeFetch([[/./, { body: documented }]]);
    const pages = [];
    for await (const page of walkPages(client(last), `${ORIGIN}/v2/r?page=1`, schema, nextFromPageCount))
      pages.push(page);
    expect(pages).toHaveLength(1);
  });
});

describe('nextFromHalLinks (HAL _links.next)', () => {
  const schema = z.object({ _links: z.object({ next: z.object({ href: z.string() }).nullish() }).nullish() });

  it('follows _links.next.href as documented, and stops where there is none', async () => {
    const snippet = fixture<Record<string, unknown>>('helpscout', 'helpscout-pagination-links-docs-snippet.json');
    const lastPage = fixture<Record<string, unknown>>('helpscout', 'helpscout-mailboxes-list-hal-docs-example.json');
    const fetch = fakeFetch([
      ['page=3', { body: lastPage }],
      [/./, { body: snippet }],
    ]);
    const nexts = [];
    for await (const { next } of walkPages(
      client(fetch),
      `${ORIGIN}/v2/conversations?page=2`,
      schema,
      nextFromHalLinks,
    ))
      nexts.push(next);
    expect(nexts).toEqual(['https://api.helpscout.net/v2/conversations?page=3', null]);
  });
});

describe('collectFirstPages', () => {
  it('reads no more than the pages it may, in order', async () => {
    const schema = z.object({ results: z.array(z.number()), page: z.number(), pages: z.number() });
    const fetch = fakeFetch([
      [/./, (url) => ({ body: { results: [Number(new URL(url).searchParams.get('page'))], page: 0, pages: 9 } })],
    ]);
    const walk = walkPages(client(fetch), `${ORIGIN}/v2/x?page=1`, schema, (response) => {
      const next = new URL(response.url);
      next.searchParams.set('page', String(Number(next.searchParams.get('page')) + 1));
      return next.toString();
    });
    expect(await collectFirstPages(walk, 3, (data) => data.results.map((n) => `page ${n}`))).toEqual([
      'page 1',
      'page 2',
      'page 3',
    ]);
    expect(fetch.calls).toHaveLength(3);
  });
});
