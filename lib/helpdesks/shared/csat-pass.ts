import { z } from 'zod';
import type { HttpClient } from './http-client';
import { walkPages, type NextPageOf } from './pagination';
import type { CsatPage, CsatReadRequest, RatingDraft } from '../types';

/** One page of a stream and where that stream continues (null: the stream is done). */
export interface StreamPage {
  ratings: RatingDraft[];
  skipped: number;
  endpoint: string;
  next: unknown;
}

/**
 * One source of ratings inside a pass, e.g. Zendesk's legacy `satisfaction_ratings` list, then its
 * new-CSAT `survey_responses`. `pages(at)` starts at `at` (a position an earlier page returned as
 * `next`) or at the beginning when `at` is null or not understood.
 */
export interface CsatStream {
  id: string;
  pages(at: unknown, request: CsatReadRequest): AsyncGenerator<StreamPage, void, undefined>;
}

const resumeSchema = z.object({ stream: z.string(), at: z.unknown() });

/**
 * Runs the streams of a pass one after another and turns each stream's position into the pass's
 * resume value `{ stream, at }`. The last page of a stream points at the start of the next stream,
 * so a pass interrupted between streams neither repeats the finished one nor skips the next.
 */
export async function* runCsatStreams(
  streams: readonly CsatStream[],
  request: CsatReadRequest,
): AsyncGenerator<CsatPage, void, undefined> {
  const saved = resumeSchema.safeParse(request.resume);
  let index = saved.success ? streams.findIndex((stream) => stream.id === saved.data.stream) : -1;
  let at: unknown = index >= 0 && saved.success ? saved.data.at : null;
  if (index < 0) index = 0;
  for (; index < streams.length; index++, at = null) {
    const stream = streams[index]!;
    const following = streams[index + 1];
    for await (const page of stream.pages(at ?? null, request)) {
      const resume =
        page.next !== null
          ? { stream: stream.id, at: page.next }
          : following
            ? { stream: following.id, at: null }
            : null;
      yield { ratings: page.ratings, skipped: page.skipped, endpoint: page.endpoint, resume };
    }
  }
}

/** Reads a stream position that should be a string (a URL or an id); anything else means "from the start". */
export function stringPosition(at: unknown): string | null {
  return typeof at === 'string' && at.length > 0 ? at : null;
}

/** A stream page from mapped records: the nulls (non-answers) are counted as skipped and left out. */
export function streamPage(endpoint: string, next: unknown, drafts: readonly (RatingDraft | null)[]): StreamPage {
  const ratings = drafts.filter((draft): draft is RatingDraft => draft !== null);
  return { ratings, skipped: drafts.length - ratings.length, endpoint, next };
}

/**
 * A stream's page walk: from the saved position `at` (a next-page URL) when there is one, else from
 * `start`, with the pass's signal.
 */
export function resumeWalk<S extends z.ZodType>(
  client: HttpClient,
  at: unknown,
  start: string,
  schema: S,
  nextOf: NextPageOf<z.output<S>>,
  request: CsatReadRequest,
) {
  return walkPages(client, stringPosition(at) ?? start, schema, nextOf, request);
}
