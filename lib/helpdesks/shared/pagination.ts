import type { z } from 'zod';
import type { HttpClient, JsonResponse, RequestOptions } from './http-client';
import { parseLinkHeader } from './link-header';

/** Where a list continues after a page, read from the page: a URL, or null at the end. */
export type NextPageOf<T> = (response: JsonResponse<T>) => string | null;

/** One page of a walk and the URL of the page after it. */
export interface WalkedPage<T> {
  response: JsonResponse<T>;
  next: string | null;
}

/**
 * Follows "next page" URLs from `start` until a page has none. Yields each page as soon as it
 * arrives, so the caller can store it and forget it; starting from a saved `next` resumes a walk.
 */
export async function* walkPages<S extends z.ZodType>(
  client: HttpClient,
  start: string,
  schema: S,
  nextOf: NextPageOf<z.output<S>>,
  options: RequestOptions = {},
): AsyncGenerator<WalkedPage<z.output<S>>, void, undefined> {
  let url: string | null = start;
  while (url !== null) {
    const response: JsonResponse<z.output<S>> = await client.getJson(url, schema, options);
    const next = nextOf(response);
    yield { response, next };
    // A server that hands back the same page as "next" would loop forever; stop instead.
    url = next !== null && next !== url ? next : null;
  }
}

/**
 * Follows cursors through a list that is read with POST (Intercom's search): every request goes to
 * `url` with the body `bodyAt(cursor)`, the first with `start` (null: the first page). Yields each
 * page with the cursor of the page after it (null at the end), so a saved cursor resumes the walk.
 */
export async function* walkPostPages<S extends z.ZodType>(
  client: HttpClient,
  url: string,
  bodyAt: (cursor: string | null) => unknown,
  schema: S,
  nextCursorOf: (response: JsonResponse<z.output<S>>) => string | null,
  start: string | null,
  options: RequestOptions = {},
): AsyncGenerator<WalkedPage<z.output<S>>, void, undefined> {
  let cursor: string | null = start;
  for (let first = true; first || cursor !== null; first = false) {
    const response: JsonResponse<z.output<S>> = await client.postJson(url, bodyAt(cursor), schema, options);
    const next = nextCursorOf(response);
    yield { response, next };
    // A cursor that points at itself would loop forever; stop instead.
    cursor = next !== null && next !== cursor ? next : null;
  }
}

/** The cursor envelope of Zendesk lists: `meta.has_more`, `meta.after_cursor`, `links.next`. */
export interface CursorEnvelope {
  meta?: { has_more?: boolean | null; after_cursor?: string | null } | null;
  links?: { next?: string | null } | null;
}

/**
 * Cursor pagination: while `meta.has_more`, the next page is `links.next`, used as-is (it may carry
 * percent-encoded brackets, HELPDESK-APIS.md §2). Lists that give only `meta.after_cursor` (the new
 * CSAT survey_responses example has no `links`) continue with `page[after]` on the same URL.
 */
export const nextFromCursorLinks: NextPageOf<CursorEnvelope> = (response) => {
  const { meta, links } = response.data;
  if (!meta?.has_more) return null;
  if (links?.next) return links.next;
  if (!meta.after_cursor) return null;
  const url = new URL(response.url);
  url.searchParams.set('page[after]', meta.after_cursor);
  return url.toString();
};

/** Link-header pagination (Freshdesk): `rel="next"`, absent on the last page. */
export const nextFromLinkHeader: NextPageOf<unknown> = (response) =>
  parseLinkHeader(response.headers.get('link')).next ?? null;

/** Offset pagination with a `next_page` URL in the body (Zendesk search, show_many). */
export const nextFromNextPageField: NextPageOf<{ next_page?: string | null }> = (response) =>
  response.data.next_page ?? null;

/**
 * Splits ascending ids into batches of `size`, starting after `after` (the last id of the last
 * committed batch), so a walk over ids resumes without repeating or skipping one.
 */
export function* idBatches(
  ids: readonly string[],
  size: number,
  after: string | null,
): Generator<string[], void, undefined> {
  let batch: string[] = [];
  for (const id of ids) {
    if (after !== null && compareNumericIds(id, after) <= 0) continue;
    batch.push(id);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Reads `ids` (duplicates dropped) `size` at a time, one request per batch, and joins what each
 * batch gives: a done-check of many tabs costs one request per batch, not one per ticket.
 */
export async function readInBatches<T>(
  ids: readonly string[],
  size: number,
  readBatch: (batch: string[]) => Promise<readonly T[]>,
): Promise<T[]> {
  const all: T[] = [];
  for (const batch of idBatches([...new Set(ids)], size, null)) all.push(...(await readBatch(batch)));
  return all;
}

/** Orders decimal id strings as numbers, without converting them (they can exceed 2^53). */
export function compareNumericIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The cursor envelope of Gorgias lists: `meta.next_cursor`, null on the last page. */
export interface NextCursorEnvelope {
  meta?: { next_cursor?: string | null } | null;
}

/**
 * Cursor pagination by query parameter: the next page is the same URL with `cursor` set to
 * `meta.next_cursor` (developers.gorgias.com, “cursor-based pagination”). Every other parameter
 * (limit, order, filters) stays, so a resumed walk asks for exactly the same list.
 */
export const nextFromMetaCursor: NextPageOf<NextCursorEnvelope> = (response) => {
  const cursor = response.data.meta?.next_cursor;
  if (!cursor) return null;
  const url = new URL(response.url);
  url.searchParams.set('cursor', cursor);
  return url.toString();
};

/** The envelope of page-numbered lists that say how many pages there are (Help Scout's reports). */
export interface PageCountEnvelope {
  page: number;
  pages: number;
}

/**
 * Page-number pagination with the count in the body (`{results, page, count, pages}`): the next
 * page is the same URL with `page` + 1, until `page >= pages`. An empty result has `pages: 0`.
 */
export const nextFromPageCount: NextPageOf<PageCountEnvelope> = (response) => {
  const { page, pages } = response.data;
  if (page >= pages) return null;
  const url = new URL(response.url);
  url.searchParams.set('page', String(page + 1));
  return url.toString();
};

/** The HAL envelope (Help Scout's lists): `_links.next.href`, absent on the last page. */
export interface HalLinksEnvelope {
  _links?: { next?: { href: string } | null } | null;
}

/** HAL pagination: follow `_links.next.href` as-is. */
export const nextFromHalLinks: NextPageOf<HalLinksEnvelope> = (response) => response.data._links?.next?.href ?? null;

/**
 * Reads at most `maxPages` pages of a walk and collects what `itemsOf` takes from each: for lists
 * sorted newest first where only the newest matter (recently done tickets for the unrated queue).
 */
export async function collectFirstPages<T, R>(
  walk: AsyncGenerator<WalkedPage<T>, void, undefined>,
  maxPages: number,
  itemsOf: (data: T) => readonly R[],
): Promise<R[]> {
  const items: R[] = [];
  let pages = 0;
  for await (const { response } of walk) {
    items.push(...itemsOf(response.data));
    if (++pages >= maxPages) break;
  }
  return items;
}
