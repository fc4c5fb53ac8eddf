/*
 * Test helpers (never imported by extension code): vendor payloads from test/fixtures/api/<kind>/,
 * and a fake `fetch` that answers from a table.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Credentials } from '../../model';
import type { CsatPage, CsatReadRequest, HelpdeskApiProvider } from '../types';
import type { FetchLike } from './http-client';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/api/', import.meta.url));

/** The helpdesks with vendor payloads under test/fixtures/api/. */
export type FixtureKind = 'zendesk' | 'freshdesk' | 'gorgias' | 'helpscout' | 'intercom';

export function fixtureText(kind: FixtureKind, name: string): string {
  return readFileSync(`${FIXTURES}${kind}/${name}`, 'utf8');
}

export function fixture<T = unknown>(kind: FixtureKind, name: string): T {
  return JSON.parse(fixtureText(kind, name)) as T;
}

/** A deep copy to break in a test without touching the cached original. */
export const clone = <T>(value: T): T => structuredClone(value);

export interface FakeAnswer {
  status?: number;
  body?: unknown;
  /** Sent as-is instead of JSON. */
  text?: string;
  headers?: Record<string, string>;
}

/**
 * A fetch that answers each request with the first route whose pattern matches the URL, and
 * records the requests. An unmatched URL is a test bug: it answers 599 so the failure is visible.
 */
export function fakeFetch(
  routes: [RegExp | string, FakeAnswer | ((url: string) => FakeAnswer)][],
): FetchLike & { calls: { url: string; init: RequestInit }[] } {
  const calls: { url: string; init: RequestInit }[] = [];
  const handler = async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({ url, init });
    const route = routes.find(([pattern]) => (typeof pattern === 'string' ? url.includes(pattern) : pattern.test(url)));
    if (!route) return new Response(`no route for ${url}`, { status: 599 });
    const answer = typeof route[1] === 'function' ? route[1](url) : route[1];
    const isText = answer.text !== undefined;
    return new Response(isText ? answer.text : JSON.stringify(answer.body ?? {}), {
      status: answer.status ?? 200,
      headers: {
        'content-type': isText ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
        ...answer.headers,
      },
    });
  };
  return Object.assign(handler, { calls });
}

/** Every page of a pass, for assertions. */
export async function readAllPages(pages: AsyncGenerator<CsatPage>): Promise<CsatPage[]> {
  const all: CsatPage[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

/** A read request: the list path from the beginning, unless changed. */
export const csatRequest = (change: Partial<CsatReadRequest> = {}): CsatReadRequest => ({
  path: 'list',
  since: null,
  resume: null,
  assessedTicketIds: [],
  ...change,
});

/** An API client of `provider` for one account whose network is a {@link fakeFetch} of `routes`. */
export function fakeApi(
  provider: HelpdeskApiProvider,
  origin: string,
  credentials: Credentials,
  routes: Parameters<typeof fakeFetch>[0],
) {
  const fetch = fakeFetch(routes);
  return { api: provider.createApi(origin, credentials, { fetch }), fetch };
}

/**
 * Every answer of a 1–5 survey as DESIGN.md §4 reads it: value, `(r − 1) / 4`, satisfied from 4.
 * One table for the adapters that rate on it (Gorgias, Intercom), so they are held to the same numbers.
 */
export const FIVE_POINT_EXPECTATIONS: readonly [value: number, normalized: number, satisfied: boolean][] = [
  [5, 1, true],
  [4, 0.75, true],
  [3, 0.5, false],
  [2, 0.25, false],
  [1, 0, false],
];
