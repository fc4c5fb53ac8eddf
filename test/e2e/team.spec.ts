import readXlsxFile from 'read-excel-file/node';
import { parseTeamBundle, type TeamBundle } from '../../lib/export/team-bundle';
import { parseCsv } from '../../lib/export/csv';
import { demoAssessmentsFile, demoSettingsFile } from '../demo/demo-data';
import { simAgentBundle, simTeam } from '../fixtures/bundles/sim-bundles';
import type { Simulator } from '../helpdesk-sim';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { TeamPage } from './pages/team-page';

/** A settings file that connects the simulator's Zendesk with the lead's admin token (list path: all agents' CSAT). */
function leadSettingsFile(sim: Simulator) {
  const file = demoSettingsFile(sim);
  return {
    ...file,
    connections: [
      {
        kind: 'zendesk',
        label: 'Team Zendesk (lead)',
        origin: sim.zendesk.origin,
        credentials: sim.zendesk.credentials.admin.auth,
      },
    ],
  };
}

/** Each answered rating's verdict by ticket id, the latest by updated time: straight from the simulator's data. */
function verdicts(sim: Simulator): Map<string, { satisfied: boolean; agentId: string | null }> {
  const latest = new Map<string, { satisfied: boolean; agentId: string | null; updatedAt: number }>();
  for (const r of sim.zendesk.data.ratings) {
    if (r.score !== 'good' && r.score !== 'bad') continue;
    const key = String(r.ticketId);
    const held = latest.get(key);
    if (held && held.updatedAt >= r.updatedAt) continue;
    latest.set(key, {
      satisfied: r.score === 'good',
      agentId: r.assigneeId === null ? null : String(r.assigneeId),
      updatedAt: r.updatedAt,
    });
  }
  return latest;
}

/** What the team table must show for one bundle: plain arithmetic over the bundle and the ratings. */
function expectedRow(
  bundle: TeamBundle,
  all: Map<string, { satisfied: boolean; agentId: string | null }>,
  teamTickets: Set<string>,
) {
  const pairs = bundle.assessments.flatMap((a) => {
    const verdict = all.get(a.ticketId);
    return verdict ? [{ predicted: a.predictedCsat.normalized, actual: verdict.satisfied ? 1 : 0 }] : [];
  });
  const n = pairs.length;
  const sum = (f: (p: { predicted: number; actual: number }) => number) => pairs.reduce((s, p) => s + f(p), 0);
  const ratedOnly = [...all].filter(([ticket, v]) => v.agentId === bundle.agent.id && !teamTickets.has(ticket)).length;
  return {
    assessed: bundle.assessments.length,
    matched: n,
    predicted: sum((p) => p.predicted) / n,
    actual: sum((p) => p.actual) / n,
    gap: sum((p) => p.predicted - p.actual) / n,
    overestimation: pairs.filter((p) => p.predicted === 1 && p.actual === 0).length / n,
    coverage: n / (n + ratedOnly),
  };
}

const fixed = (x: number) => x.toFixed(2);
const signed = (x: number) => (x > 0 && fixed(x) !== '0.00' ? `+${fixed(x)}` : fixed(x));
const percent = (x: number) => `${Math.round(x * 100)}%`;

test('a lead imports three bundles, an invalid and a duplicate one, syncs the team’s CSAT and exports the gaps', async ({
  ext,
  sim,
}) => {
  test.setTimeout(120_000);
  const agents = simTeam(sim, 3);
  const bundles = agents.map((agent, i) => simAgentBundle(sim, agent, i === 0));

  const options = await OptionsPage.open(ext);
  await options.importSettingsFile('lead-settings.json', leadSettingsFile(sim));
  await options.page.getByRole('button', { name: 'Import these settings' }).click();
  await expect(options.page.getByTestId('settings-file-result')).toContainText(/import/i, { timeout: 30_000 });

  const team = await TeamPage.open(ext);
  const page = team.page;
  await team.importFiles([
    ...bundles.map((bundle, i) => ({ name: `agent-${i + 1}.json`, content: bundle })),
    { name: 'broken.json', content: { ...bundles[1], agent: { name: 'No id' } } },
    { name: 'agent-1-again.json', content: bundles[0] },
  ]);
  const rows = team.report.locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'imported');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'imported');
  await expect(rows.nth(2)).toHaveAttribute('data-status', 'imported');
  await expect(rows.nth(3)).toHaveAttribute('data-status', 'invalid');
  await expect(rows.nth(3)).toContainText('agent.id: Invalid input: expected string, received undefined');
  await expect(rows.nth(4)).toHaveAttribute('data-status', 'unchanged');

  // Dropping the same three again changes nothing.
  await team.importFiles(bundles.map((bundle, i) => ({ name: `agent-${i + 1}.json`, content: bundle })));
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toHaveAttribute('data-status', 'unchanged');

  await page.getByRole('button', { name: 'Sync team CSAT' }).click();
  const all = verdicts(sim);
  await expect(page.getByTestId('ratings-stored')).toHaveText(String(all.size), { timeout: 45_000 });

  const teamTickets = new Set(bundles.flatMap((b) => b.assessments.map((a) => a.ticketId)));
  const expected = bundles.map((bundle) => expectedRow(bundle, all, teamTickets));
  for (const [i, bundle] of bundles.entries()) {
    const want = expected[i]!;
    const id = bundle.agent.id;
    expect(want.matched).toBeGreaterThanOrEqual(5);
    await expect(team.cell(id, 'assessed')).toHaveText(String(want.assessed));
    await expect(team.cell(id, 'matched')).toHaveText(String(want.matched));
    await expect(team.cell(id, 'predicted-actual')).toHaveText(`${fixed(want.predicted)} / ${fixed(want.actual)}`);
    await expect(team.cell(id, 'gap')).toContainText(new RegExp(`^${signed(want.gap).replace('+', '\\+')} \\(`));
    await expect(team.cell(id, 'overestimation')).toHaveText(percent(want.overestimation));
    await expect(team.cell(id, 'coverage')).toHaveText(percent(want.coverage));
  }
  const totalAssessed = expected.reduce((s, e) => s + e.assessed, 0);
  await expect(team.cell('team', 'assessed')).toHaveText(String(totalAssessed));
  await expect(team.cell('team', 'matched')).toHaveText(String(expected.reduce((s, e) => s + e.matched, 0)));
  // Only the first agent shared notes; their two spellings of one blocker are grouped.
  await expect(page.getByTestId('blockers').locator('li').first()).toContainText(/waiting on engineering/i);

  // Sorting by gap puts the largest first when clicked twice.
  await page.getByRole('button', { name: /^Gap/ }).click();
  await page.getByRole('button', { name: /^Gap/ }).click();
  const byGap = [...bundles.keys()].sort((a, b) => expected[b]!.gap - expected[a]!.gap);
  await expect(team.table.locator('tbody tr').nth(1)).toHaveAttribute('data-agent', bundles[byGap[0]!]!.agent.id);

  // CSV: Excel-friendly (BOM) by default; numbers parse back to what was computed independently.
  const csv = (await team.download('Agents CSV')).bytes.toString('utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header, ...csvRows] = parseCsv(csv);
  const col = (name: string) => header!.indexOf(name);
  for (const [i, bundle] of bundles.entries()) {
    const row = csvRows.find((r) => r[col('agent_id')] === bundle.agent.id)!;
    expect(Number(row[col('assessed')])).toBe(expected[i]!.assessed);
    expect(Number(row[col('matched')])).toBe(expected[i]!.matched);
    expect(Number(row[col('gap')])).toBeCloseTo(expected[i]!.gap, 10);
    expect(Number(row[col('overestimation_rate')])).toBeCloseTo(expected[i]!.overestimation, 10);
  }
  const standardsCsv = parseCsv((await team.download('Standards CSV')).bytes.toString('utf8'));
  expect(standardsCsv[0]).toContain('blind_spot');
  expect(standardsCsv.length).toBeGreaterThan(8);

  const xlsx = await readXlsxFile((await team.download('XLSX')).bytes);
  expect(xlsx.map((s) => s.sheet)).toEqual(['Agents', 'Standards', 'Blockers']);
  const agentsSheet = xlsx[0]!.data;
  for (const [i, bundle] of bundles.entries()) {
    const row = agentsSheet.find((r) => r[0] === bundle.agent.id)!;
    expect(row[agentsSheet[0]!.indexOf('matched')]).toBe(expected[i]!.matched);
    expect(row[agentsSheet[0]!.indexOf('gap')] as number).toBeCloseTo(expected[i]!.gap, 10);
  }
});

test('an agent exports a team bundle from their own profile', async ({ ext, sim }) => {
  const options = await OptionsPage.open(ext);
  const page = options.page;
  await options.importSettingsFile('agent-settings.json', demoSettingsFile(sim));
  await page.getByRole('button', { name: 'Import these settings' }).click();
  await expect(page.getByTestId('settings-file-result')).toContainText(/import/i, { timeout: 30_000 });
  const backup = demoAssessmentsFile(sim);
  await page.getByLabel('Import assessments (JSON)…').setInputFiles({
    name: 'assessments.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(page.getByTestId('data-result')).toContainText('added', { timeout: 30_000 });

  const section = page.locator('section#team-bundle');
  await section.getByLabel(/Include my notes/).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Export team bundle' }).click(),
  ]);
  await expect(page.getByTestId('team-bundle-result')).toContainText(
    `Exported ${backup.assessments.length} assessments`,
  );
  const { readFileSync } = await import('node:fs');
  const read = parseTeamBundle(readFileSync((await download.path())!, 'utf8'));
  expect(read.ok).toBe(true);
  if (!read.ok) return;
  const agent = demoSettingsFile(sim).connections[0]!;
  expect(read.bundle.helpdesk).toEqual({ kind: 'zendesk', origin: agent.origin });
  expect(read.bundle.includesNotes).toBe(true);
  expect(read.bundle.assessments).toHaveLength(backup.assessments.length);
  expect(download.suggestedFilename()).toMatch(/^gaplens-team-bundle-\d+-\d{4}-\d{2}-\d{2}\.json$/);
});
