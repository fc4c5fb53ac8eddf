import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { draftFromSatisfactionRating } from '../../lib/helpdesks/zendesk/csat';
import { zendeskSatisfactionRatingsPageSchema } from '../../lib/helpdesks/zendesk/schemas';
import { startSimulator, type SimHelpdesk } from '../helpdesk-sim';
import { median, round } from './stats';
import { HUNDRED_K_RATINGS } from './sync-rig';

export interface ParseResult {
  pages: number;
  ratings: number;
  runs: number;
  /** JSON.parse + zod schema + normalization to RatingDraft, median over the runs. */
  ratingsPerSecond: number;
  medianMs: number;
  /** The same without JSON.parse: the adapter's own share. */
  zodAndNormalizeRatingsPerSecond: number;
  /** CPU-bound: the load of the shared machine shows directly in the number. */
  loadAverageAtStart: number[];
}

/**
 * Parse + validate throughput of the Zendesk adapter in Node: the list pages the simulator serves
 * for ~100k ratings are fetched first (untimed, exactly the bytes the extension receives), then
 * each run parses every page as the sync does — JSON.parse, the page's zod schema, then
 * `draftFromSatisfactionRating` per record. Median of `runs`; the first run includes JIT warm-up,
 * as a real sync's first pages do.
 */
export async function measureParse(runs = 5): Promise<ParseResult> {
  const loadAverageAtStart = loadavg().map((l) => round(l));
  const sim = await startSimulator({ now: new Date(), ...HUNDRED_K_RATINGS });
  let pages: string[];
  try {
    pages = await fetchListPages(sim.zendesk);
  } finally {
    await sim.close();
  }
  const totals: number[] = [];
  const withoutJson: number[] = [];
  let ratings = 0;
  for (let run = 0; run < runs; run++) {
    const bodies: unknown[] = [];
    const t0 = performance.now();
    for (const text of pages) bodies.push(JSON.parse(text));
    const t1 = performance.now();
    ratings = 0;
    for (const body of bodies) {
      const parsed = zendeskSatisfactionRatingsPageSchema.safeParse(body);
      if (!parsed.success) throw new Error(`A simulator page failed the schema: ${parsed.error.message}`);
      for (const record of parsed.data.satisfaction_ratings) if (draftFromSatisfactionRating(record)) ratings++;
    }
    const t2 = performance.now();
    totals.push(t2 - t0);
    withoutJson.push(t2 - t1);
  }
  const ms = median(totals);
  return {
    pages: pages.length,
    ratings,
    runs,
    ratingsPerSecond: round(ratings / (ms / 1000), 0),
    medianMs: round(ms),
    zodAndNormalizeRatingsPerSecond: round(ratings / (median(withoutJson) / 1000), 0),
    loadAverageAtStart,
  };
}

/** Every page of `score=received` at 100 a page, as text, following links.next while has_more. */
async function fetchListPages(helpdesk: SimHelpdesk): Promise<string[]> {
  const { auth } = helpdesk.credentials.admin;
  if (auth.type !== 'api-token') throw new Error('The simulator’s Zendesk admin uses an API token');
  const authorization = `Basic ${Buffer.from(`${auth.email}/token:${auth.token}`).toString('base64')}`;
  const pages: string[] = [];
  let url: string | null = `${helpdesk.origin}/api/v2/satisfaction_ratings?score=received&page%5Bsize%5D=100`;
  while (url) {
    const response = await fetch(url, { headers: { authorization, accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    const text = await response.text();
    pages.push(text);
    const { meta, links } = JSON.parse(text) as { meta: { has_more: boolean }; links: { next: string | null } };
    url = meta.has_more ? links.next : null;
  }
  return pages;
}

/** The BENCHMARKS.md table cell. */
export function summarizeParse(r: ParseResult): string {
  return (
    `${r.ratingsPerSecond} ratings/s (JSON.parse + zod + normalize; zod + normalize alone ${r.zodAndNormalizeRatingsPerSecond}/s), ` +
    `${r.ratings} ratings in ${r.pages} pages, median of ${r.runs}`
  );
}
