import { loadavg } from 'node:os';
import { startSimulator, type SimRating, type SimRequest } from '../helpdesk-sim';
import { round } from './stats';
import { exportRows, measureRawPut, type RawPutResult } from './sync-raw-idb';
import {
  HUNDRED_K_RATINGS,
  TRAILING_WINDOW_DAYS,
  openRig,
  progress,
  progressEnd,
  requestLine,
  otherRequests,
  syncNow,
  type SyncRun,
} from './sync-rig';

/** Zendesk's admin list endpoint; the engine asks for `page[size]=100`, Zendesk's maximum. */
const LIST_PATH = '/api/v2/satisfaction_ratings';
const PAGE_SIZE = 100;
const DAY_MS = 86_400_000;
const isListRequest = (r: SimRequest) => r.path.startsWith(LIST_PATH);

export interface PassReport {
  ratings: number;
  listRequests: number;
  expectedListRequests: number;
  requestsMatch: boolean;
  requestLine: string;
  failedRequests: number;
  otherRequests: Record<string, number>;
  wallMs: number;
  ratingsPerSecond: number;
  peakHeapMb: number;
  firstHeapMb: number;
  heapSamples: number;
  heapSamplesMissed: number;
}

export interface ListSyncResult {
  first: PassReport & { ratingsStored: number };
  resync: PassReport & { windowStart: string; windowDays: number };
  raw: RawPutResult;
  /** First sync's ratings/s ÷ raw puts/s of the same rows. */
  endToEndVsRaw: number;
  /** 1-, 5-, 15-minute load averages when the benchmark started: the machine is shared. */
  loadAverageAtStart: number[];
}

/** A legacy rating the list returns with `score=received`: an answer, not offered/unoffered. */
const answered = (r: SimRating) => r.score === 'good' || r.score === 'bad';

/**
 * Issue 4, list path: the built extension's first sync of ~100k ratings as a Zendesk admin, in real
 * Chromium, started with "Sync now"; then a re-sync, which must read only the trailing window;
 * then raw IndexedDB puts of the very rows the sync stored, in a fresh profile, for the ratio.
 */
export async function measureListSync(): Promise<ListSyncResult> {
  const loadAverageAtStart = loadavg().map((l) => round(l));
  const sim = await startSimulator({ now: new Date(), ...HUNDRED_K_RATINGS });
  let first: ListSyncResult['first'];
  let resync: ListSyncResult['resync'];
  let rows: string[];
  try {
    const ratings = sim.zendesk.data.ratings.filter(answered);
    const rig = await openRig(sim.zendesk, sim.zendesk.credentials.admin, 'Bench Zendesk (admin)');
    try {
      const firstRun = await syncNow(rig, sim.zendesk);
      const stored = firstRun.state.ratingsStored;
      first = { ...passReport('first sync', firstRun, ratings.length, stored), ratingsStored: stored };
      progress(`${first.requestLine}; ${first.ratingsStored} stored in ${first.wallMs} ms`);
      if (first.ratingsStored !== ratings.length)
        console.error(`\n!!! first sync stored ${first.ratingsStored} ratings; the simulator has ${ratings.length}`);

      const resyncRun = await syncNow(rig, sim.zendesk);
      resync = resyncReport(firstRun, resyncRun, ratings, sim.zendesk.origin);
      progress(`${resync.requestLine}; ${resync.wallMs} ms`);
      rows = await exportRows(rig.options, 'csatRatings');
    } finally {
      await rig.close();
    }
  } finally {
    await sim.close();
  }
  const raw = await measureRawPut(rows);
  progress(`raw puts of the same rows: ${raw.recordsPerSecond}/s`);
  progressEnd();
  return {
    first,
    resync,
    raw,
    endToEndVsRaw: round(first.ratingsPerSecond / raw.recordsPerSecond, 2),
    loadAverageAtStart,
  };
}

/**
 * The re-sync reads from the last success minus the trailing window. Its expected page count comes
 * from the window it really asked for: the `start_time` (epoch s, inclusive on created_at) of its
 * first list request, which must also equal the first sync's start − the window.
 */
function resyncReport(
  firstRun: SyncRun,
  resyncRun: SyncRun,
  ratings: readonly SimRating[],
  origin: string,
): ListSyncResult['resync'] {
  const firstListRequest = resyncRun.requests.find(isListRequest)?.path ?? '/';
  const startTime = Number(new URL(firstListRequest, origin).searchParams.get('start_time'));
  const expectedStart = Date.parse(firstRun.state.lastSuccessAt ?? '') - TRAILING_WINDOW_DAYS * DAY_MS;
  if (!startTime || Math.abs(startTime * 1000 - expectedStart) >= 1000) {
    console.error(`\n!!! re-sync read from ${startTime}, not the last success − ${TRAILING_WINDOW_DAYS} days`);
  }
  const inWindow = ratings.filter((r) => r.createdAt >= startTime * 1000).length;
  return {
    ...passReport('re-sync', resyncRun, inWindow),
    windowStart: new Date(startTime * 1000).toISOString(),
    windowDays: TRAILING_WINDOW_DAYS,
  };
}

/** `ratings`: what the pass should read; `written`: what it stored (the first sync's count), for throughput. */
function passReport(what: string, run: SyncRun, ratings: number, written = ratings): PassReport {
  const listRequests = run.requests.filter(isListRequest).length;
  const line = requestLine(`${what}: list`, listRequests, ratings, PAGE_SIZE);
  return {
    ratings,
    listRequests,
    expectedListRequests: Math.max(1, Math.ceil(ratings / PAGE_SIZE)),
    requestsMatch: line.match,
    requestLine: line.text,
    failedRequests: run.requests.filter((r) => r.status >= 400).length,
    otherRequests: otherRequests(run.requests, isListRequest),
    wallMs: run.wallMs,
    ratingsPerSecond: round(written / (run.wallMs / 1000), 0),
    peakHeapMb: run.heap.peakMb,
    firstHeapMb: run.heap.firstMb,
    heapSamples: run.heap.samples,
    heapSamplesMissed: run.heap.missed,
  };
}

/** The BENCHMARKS.md table cell. */
export function summarizeListSync(r: ListSyncResult): string {
  const s = (ms: number) => `${round(ms / 1000)} s`;
  return (
    `${r.first.requestLine}; ${r.first.ratingsStored} ratings in ${s(r.first.wallMs)} = ` +
    `${r.first.ratingsPerSecond}/s = ${r.endToEndVsRaw}× raw (${r.raw.recordsPerSecond}/s); peak SW heap ${r.first.peakHeapMb} MB · ` +
    `${r.resync.requestLine} (${r.resync.windowDays}-day window from ${r.resync.windowStart.slice(0, 10)}), ${s(r.resync.wallMs)}, peak SW heap ${r.resync.peakHeapMb} MB`
  );
}
