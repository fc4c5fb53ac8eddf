import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { parseCsv } from '../export/csv';
import { teamReportTables } from '../export/team-report-columns';
import { teamReportCsv, teamReportJson, teamReportXlsx } from '../export/team-report-files';
import { DEFAULT_STANDARD_SET, ticketKey, type CsatRating, type SelfAssessment } from '../model';
import { computeTeamReport, type TeamMember } from './team-report';
import { sampleAssessments, TEST_ORIGIN } from './test-bundles';

function rating(ticketId: string, good: boolean, agentId: string | null): CsatRating {
  const at = '2026-10-02T10:00:00.000Z';
  return {
    id: `c1:${ticketId}`,
    connectionId: 'c1',
    sourceId: ticketId,
    source: 'satisfaction_ratings',
    kind: 'zendesk',
    origin: TEST_ORIGIN,
    ticketId,
    ticketKey: ticketKey(TEST_ORIGIN, ticketId),
    rating: { scale: 'good-bad', value: good ? 'good' : 'bad', normalized: good ? 1 : 0, satisfied: good },
    comment: null,
    agentId,
    createdAt: at,
    updatedAt: at,
    syncedAt: at,
  };
}

/** Agent 101: 12 assessments, 10 rated (customer happy on even tickets); agent 102: 3 assessed, 2 rated; one rating 101 did not assess. */
function fixture() {
  const a101 = sampleAssessments('101', 12, 1);
  const a102 = sampleAssessments('102', 3, 100).map((a, i) =>
    i === 0 ? { ...a, notes: { gotInTheWay: 'Waiting on engineering!', worked: '' } } : a,
  );
  const members: TeamMember[] = [
    { agentId: '101', name: 'Ana', exportedAt: '2026-11-01T00:00:00.000Z', assessments: a101 },
    { agentId: '102', name: 'Ben', exportedAt: '2026-11-01T00:00:00.000Z', assessments: a102 },
  ];
  const ratings = [
    ...a101.slice(0, 10).map((a) => rating(a.ticket.ticketId, Number(a.ticket.ticketId) % 2 === 0, '101')),
    rating('500', true, '101'),
    rating('100', false, '102'),
    rating('101', true, '102'),
    rating('900', false, '999'), // an agent without a bundle: not part of the team
  ];
  return { members, ratings, a101 };
}

/** Independent arithmetic for agent 101, from the fixture's rules rather than lib/gap. */
function expected101(a101: SelfAssessment[]) {
  const pairs = a101
    .slice(0, 10)
    .map((a) => ({ p: a.predictedCsat.normalized, y: Number(a.ticket.ticketId) % 2 === 0 ? 1 : 0 }));
  const gaps = pairs.map(({ p, y }) => p - y);
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  return {
    mean,
    over: pairs.filter(({ p, y }) => p === 1 && y === 0).length / pairs.length,
    predicted: pairs.reduce((s, { p }) => s + p, 0) / pairs.length,
  };
}

describe('computeTeamReport', () => {
  const { members, ratings, a101 } = fixture();
  const report = computeTeamReport({ members, ratings, standardSets: [DEFAULT_STANDARD_SET], timeZone: 'UTC' });

  it('gives each agent’s numbers as plain arithmetic does', () => {
    const ana = report.agents.find((r) => r.agentId === '101')!;
    const want = expected101(a101);
    expect(ana).toMatchObject({ assessed: 12, matched: 10, rated: 11, gapStatus: 'ok' });
    expect(ana.gap).toBeCloseTo(want.mean, 12);
    expect(ana.predictedMean).toBeCloseTo(want.predicted, 12);
    expect(ana.overestimationRate).toBeCloseTo(want.over, 12);
    expect(ana.coverageRatedAssessed).toBeCloseTo(10 / 11, 12);
    expect(ana.coverageAssessedRated).toBeCloseTo(10 / 12, 12);
    expect(ana.gapCiLow! < ana.gap! && ana.gap! < ana.gapCiHigh!).toBe(true);
  });

  it('says not enough data below the minimum sample, and sums the team', () => {
    const ben = report.agents.find((r) => r.agentId === '102')!;
    expect(ben).toMatchObject({
      assessed: 3,
      matched: 2,
      gapStatus: 'not-enough-data',
      gap: null,
      overestimationRate: null,
    });
    expect(report.team).toMatchObject({ assessed: 15, matched: 12, rated: 13 });
  });

  it('groups blockers from shared notes', () => {
    // Ana wrote it three times, Ben once with an exclamation mark: one group, in the common wording.
    expect(report.blockers).toEqual([{ text: 'Waiting on engineering', count: 4, agents: ['Ana', 'Ben'] }]);
  });

  it('limits to the date window in the time zone given', () => {
    const none = computeTeamReport({
      members,
      ratings,
      standardSets: [DEFAULT_STANDARD_SET],
      timeZone: 'UTC',
      window: { from: '2026-10-02', to: '2026-10-31' },
    });
    expect(none.team).toMatchObject({ assessed: 0, matched: 0 });
  });
});

describe('team exports parse back to the same numbers', () => {
  const { members, ratings } = fixture();
  const report = computeTeamReport({ members, ratings, standardSets: [DEFAULT_STANDARD_SET], timeZone: 'UTC' });
  const tables = teamReportTables(report);

  it('CSV (agents and standards, plain and Excel-friendly)', () => {
    for (const excel of [false, true]) {
      for (const [part, index] of [
        ['agents', 0],
        ['standards', 1],
      ] as const) {
        const rows = parseCsv(teamReportCsv(report, part, excel));
        expect(rows[0]).toEqual(tables[index]!.header);
        expect(rows.slice(1)).toEqual(tables[index]!.rows.map((row) => row.map((v) => (v === null ? '' : String(v)))));
        rows.slice(1).forEach((row, r) =>
          row.forEach((cell, c) => {
            const value = tables[index]!.rows[r]![c];
            if (typeof value === 'number') expect(Number(cell)).toBe(value);
          }),
        );
      }
    }
  });

  it('JSON', () => {
    const json = JSON.parse(JSON.stringify(teamReportJson(report))) as ReturnType<typeof teamReportJson>;
    expect(json.agents[1]).toMatchObject({ agent_id: '101', gap: report.agents[0]!.gap, matched: 10 });
    expect(json.agents).toHaveLength(3);
  });

  it('XLSX', async () => {
    const blob = await teamReportXlsx(report);
    const sheets = await readXlsxFile(Buffer.from(await blob.arrayBuffer()));
    expect(sheets.map((s) => s.sheet)).toEqual(['Agents', 'Standards', 'Blockers']);
    sheets.forEach((sheet, i) => {
      expect(sheet.data[0]).toEqual(tables[i]!.header);
      expect(sheet.data.slice(1)).toEqual(tables[i]!.rows);
    });
  });
});
