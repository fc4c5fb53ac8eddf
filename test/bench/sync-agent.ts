import { loadavg } from 'node:os';
import { expect } from '@playwright/test';
import { DEFAULT_STANDARD_SET } from '../../lib/model/default-standard-set';
import type { SelfAssessment } from '../../lib/model';
import { generateSelfAssessmentSeeds, startSimulator, type SimRequest, type Simulator } from '../helpdesk-sim';
import { round } from './stats';
import { jsonFile, openRig, otherRequests, progress, progressEnd, requestLine, syncNow } from './sync-rig';

const SHOW_MANY_PATH = '/api/v2/tickets/show_many';
const SEARCH_PATH = '/api/v2/search';
const SHOW_MANY_LIMIT = 100;

/** The done check of open ticket tabs also uses show_many; no ticket tab is open here, so all are the sync's. */
const isShowMany = (r: SimRequest) => r.path.startsWith(SHOW_MANY_PATH);
/**
 * The sync's searches ask for rated tickets (`satisfaction:good|bad`); the extension also searches
 * for solved tickets (the unrated queue), which is not the sync and is listed with the other requests.
 */
const isRatedTicketsSearch = (r: SimRequest) =>
  r.path.startsWith(SEARCH_PATH) &&
  (new URL(r.path, 'http://sim').searchParams.get('query') ?? '').includes('satisfaction:');

export interface AgentSyncResult {
  assessedTickets: number;
  ratingsStored: number;
  showManyRequests: number;
  expectedShowManyRequests: number;
  requestsMatch: boolean;
  requestLine: string;
  /** Rated tickets of the agent found by search (good, bad): a few pages, capped by search's 1,000 results. */
  searchRequests: number;
  failedRequests: number;
  otherRequests: Record<string, number>;
  wallMs: number;
  ratingsPerSecond: number;
  peakHeapMb: number;
  firstHeapMb: number;
  loadAverageAtStart: number[];
}

/**
 * Issue 4, agent path: an agent's own token cannot list ratings, so the engine reads the tickets
 * the agent assessed with `tickets/show_many`, 100 ids a request, plus a search for rated tickets
 * assigned to them. Seeds `assessments` assessments of tickets that agent solved through Options →
 * "Import assessments (JSON)…", connects with the agent's token, then "Sync now".
 */
export async function measureAgentSync(assessments = 5_000): Promise<AgentSyncResult> {
  const loadAverageAtStart = loadavg().map((l) => round(l));
  // Enough solved tickets for one agent; every survey answered so most assessed tickets carry a rating.
  const sim = await startSimulator({ now: new Date(), agents: 3, ticketsPerAgent: 6_000, responseRate: 1 });
  try {
    const credential = sim.zendesk.credentials.agents[0]!;
    const file = assessmentsFile(sim, credential.agentId, assessments);
    const rig = await openRig(sim.zendesk, credential, 'Bench Zendesk (agent)');
    try {
      await rig.options
        .getByLabel('Import assessments (JSON)…')
        .setInputFiles(jsonFile('bench-assessments.json', file));
      await expect(rig.options.getByTestId('data-result')).toContainText(`${assessments} added`, { timeout: 60_000 });
      const run = await syncNow(rig, sim.zendesk);
      const showMany = run.requests.filter(isShowMany).length;
      const line = requestLine('show_many', showMany, assessments, SHOW_MANY_LIMIT);
      progress(`agent sync: ${line.text}; ${run.state.ratingsStored} stored in ${run.wallMs} ms`);
      progressEnd();
      return {
        assessedTickets: assessments,
        ratingsStored: run.state.ratingsStored,
        showManyRequests: showMany,
        expectedShowManyRequests: Math.ceil(assessments / SHOW_MANY_LIMIT),
        requestsMatch: line.match,
        requestLine: line.text,
        searchRequests: run.requests.filter(isRatedTicketsSearch).length,
        failedRequests: run.requests.filter((r) => r.status >= 400).length,
        otherRequests: otherRequests(run.requests, (r) => isShowMany(r) || isRatedTicketsSearch(r)),
        wallMs: run.wallMs,
        ratingsPerSecond: round(run.state.ratingsStored / (run.wallMs / 1000), 0),
        peakHeapMb: run.heap.peakMb,
        firstHeapMb: run.heap.firstMb,
        loadAverageAtStart,
      };
    } finally {
      await rig.close();
    }
  } finally {
    await sim.close();
  }
}

/**
 * An assessments export (README "Data formats") of the agent's first `count` solved tickets, each
 * predicting what the simulator's persona would predict; the scores do not matter to the sync.
 */
function assessmentsFile(sim: Simulator, agentId: string, count: number) {
  const origin = sim.zendesk.origin;
  const now = new Date().toISOString();
  const seeds = generateSelfAssessmentSeeds(sim.zendesk.data, agentId).filter((seed) => seed.createdAt <= now);
  if (seeds.length < count) throw new Error(`The agent solved only ${seeds.length} tickets; ${count} needed`);
  const assessments: SelfAssessment[] = seeds.slice(0, count).map((seed) => {
    const good = seed.predictedValue === 'good';
    return {
      ticketKey: `${origin}#${seed.ticketId}`,
      ticket: { kind: 'zendesk', origin, ticketId: seed.ticketId },
      agentId,
      standardSetId: DEFAULT_STANDARD_SET.id,
      standardSetVersion: DEFAULT_STANDARD_SET.version,
      scores: Object.fromEntries(DEFAULT_STANDARD_SET.standards.map((s) => [s.id, good ? 4 : 2])),
      predictedCsat: { scale: 'good-bad', value: good ? 'good' : 'bad', normalized: good ? 1 : 0, satisfied: good },
      notes: { gotInTheWay: '', worked: '' },
      createdAt: seed.createdAt,
      updatedAt: seed.createdAt,
    };
  });
  return { format: 'gaplens-assessments', version: 1, exportedAt: now, assessments };
}

/** The BENCHMARKS.md table cell. */
export function summarizeAgentSync(r: AgentSyncResult): string {
  return (
    `${r.assessedTickets} assessed tickets: ${r.requestLine} + ${r.searchRequests} search; ` +
    `${r.ratingsStored} ratings in ${round(r.wallMs / 1000)} s = ${r.ratingsPerSecond}/s; peak SW heap ${r.peakHeapMb} MB`
  );
}
