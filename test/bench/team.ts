import { performance } from 'node:perf_hooks';
import { buildTeamBundle, parseTeamBundle } from '../../lib/export/team-bundle';
import { teamReportCsv, teamReportXlsx } from '../../lib/export/team-report-files';
import { DEFAULT_STANDARD_SET, ticketKey, type CsatRating } from '../../lib/model';
import { bundleAssessments } from '../../lib/export/team-bundle';
import { mergeBundles } from '../../lib/team/merge';
import { computeTeamReport } from '../../lib/team/team-report';
import { sampleAssessments, TEST_ORIGIN } from '../../lib/team/test-bundles';

export interface TeamBenchResult {
  agents: number;
  assessmentsPerAgent: number;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  /** Median of each step, for where the time goes. */
  stepsMs: Record<string, number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

/**
 * Import + aggregate + export for a team of `agents` × `perAgent` assessments, in Node (the pure
 * lib code the team page runs; IndexedDB writes are not included): parse and validate every bundle
 * file, merge, compute the team report over the window with a rating for ~60 % of tickets, write
 * the agents CSV and the XLSX workbook.
 */
export async function measureTeam(agents = 50, perAgent = 2_000, runs = 7): Promise<TeamBenchResult> {
  const texts: string[] = [];
  const ratings: CsatRating[] = [];
  for (let a = 0; a < agents; a++) {
    const agentId = String(1000 + a);
    const assessments = sampleAssessments(agentId, perAgent, a * perAgent + 1).map((x, i) => ({
      ...x,
      createdAt: new Date(Date.UTC(2026, 5, 1) + i * 3_600_000).toISOString(),
      updatedAt: new Date(Date.UTC(2026, 5, 1) + i * 3_600_000).toISOString(),
    }));
    texts.push(
      JSON.stringify(
        buildTeamBundle({
          agent: { id: agentId, name: `Agent ${a}` },
          helpdesk: { kind: 'zendesk', origin: TEST_ORIGIN },
          assessments,
          standardSets: [DEFAULT_STANDARD_SET],
          includeNotes: true,
        }),
      ),
    );
    assessments.forEach((x, i) => {
      if (i % 5 >= 3) return;
      const good = (i * 7 + a) % 3 !== 0;
      ratings.push({
        id: `c:${x.ticket.ticketId}`,
        connectionId: 'c',
        sourceId: x.ticket.ticketId,
        source: 'satisfaction_ratings',
        kind: 'zendesk',
        origin: TEST_ORIGIN,
        ticketId: x.ticket.ticketId,
        ticketKey: ticketKey(TEST_ORIGIN, x.ticket.ticketId),
        rating: { scale: 'good-bad', value: good ? 'good' : 'bad', normalized: good ? 1 : 0, satisfied: good },
        comment: null,
        agentId,
        createdAt: x.createdAt,
        updatedAt: x.createdAt,
        syncedAt: x.createdAt,
      });
    });
  }
  const totals: number[] = [];
  const steps: Record<string, number[]> = { parse: [], merge: [], aggregate: [], csv: [], xlsx: [] };
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    const bundles = texts.map((text) => {
      const read = parseTeamBundle(text);
      if (!read.ok) throw new Error(read.error);
      return read.bundle;
    });
    const t1 = performance.now();
    const { bundles: held } = mergeBundles(new Map(), bundles, TEST_ORIGIN);
    const t2 = performance.now();
    const report = computeTeamReport({
      members: [...held.values()].map((b) => ({
        agentId: b.agent.id,
        name: b.agent.name,
        exportedAt: b.exportedAt,
        assessments: bundleAssessments(b),
      })),
      ratings,
      standardSets: [DEFAULT_STANDARD_SET],
      window: { from: '2026-06-01', to: '2026-12-31' },
      timeZone: 'Europe/Berlin',
    });
    const t3 = performance.now();
    teamReportCsv(report, 'agents', true);
    teamReportCsv(report, 'standards', true);
    const t4 = performance.now();
    await teamReportXlsx(report);
    const t5 = performance.now();
    totals.push(t5 - t0);
    steps.parse!.push(t1 - t0);
    steps.merge!.push(t2 - t1);
    steps.aggregate!.push(t3 - t2);
    steps.csv!.push(t4 - t3);
    steps.xlsx!.push(t5 - t4);
  }
  return {
    agents,
    assessmentsPerAgent: perAgent,
    runs,
    p50Ms: Math.round(median(totals)),
    p95Ms: Math.round(p95(totals)),
    stepsMs: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, Math.round(median(v))])),
  };
}

export function summarizeTeam(r: TeamBenchResult): string {
  const steps = Object.entries(r.stepsMs)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms for ${r.agents} agents × ${r.assessmentsPerAgent} assessments (${r.runs} runs; median steps ms: ${steps})`;
}

if (process.argv[1]?.endsWith('team.ts')) {
  void measureTeam().then((r) => console.log(summarizeTeam(r)));
}
