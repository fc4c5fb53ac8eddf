import { expect, type Page } from '@playwright/test';
import type { SelfAssessment, StandardScore } from '../../../lib/model';
import { DEFAULT_STANDARD_SET } from '../../../lib/model/default-standard-set';
import type { SimAgent, SimCredential, SimTicket, Simulator } from '../../helpdesk-sim';

/**
 * A known seed for the side panel tests: one simulator agent, a hand-picked set of their tickets
 * with self-assessments written here, and the extension connected to the simulator as that agent.
 * Everything goes in through the options page, as a user would: a settings file and an
 * assessments backup.
 */

export interface SeedAgent {
  agent: SimAgent;
  credential: SimCredential;
}

/** The first agent who overestimates, as the product's demo also picks. */
export function seedAgent(sim: Simulator): SeedAgent {
  const agent = sim.zendesk.data.agents.find((a) => a.role === 'agent' && a.persona.tendency === 'overestimates')!;
  const credential = sim.zendesk.credentials.agents.find((c) => c.agentId === String(agent.id))!;
  return { agent, credential };
}

export const isAnswered = (ticket: SimTicket) => ticket.rating?.score === 'good' || ticket.rating?.score === 'bad';

/** The agent's solved tickets: those with an answered survey, and those without one. */
export function agentTickets(sim: Simulator, agent: SimAgent) {
  const solved = sim.zendesk.data.tickets.filter((t) => t.handledBy === agent.id && t.solvedAt !== null);
  return { rated: solved.filter(isAnswered), unrated: solved.filter((t) => !isAnswered(t)) };
}

export interface PlannedAssessment {
  ticketId: string;
  predicted: 'good' | 'bad';
  scores: Record<string, StandardScore>;
  /** Days before now the work was done. */
  daysAgo: number;
}

const STANDARD_IDS = DEFAULT_STANDARD_SET.standards.map((s) => s.id);

/** Every standard at `score`, except the ones given. */
export function scoresOf(
  score: StandardScore,
  except: Record<string, StandardScore> = {},
): Record<string, StandardScore> {
  return Object.fromEntries(STANDARD_IDS.map((id) => [id, except[id] ?? score]));
}

export function assessmentOf(sim: Simulator, agent: SimAgent, plan: PlannedAssessment, now: Date): SelfAssessment {
  const origin = sim.zendesk.origin;
  const createdAt = new Date(now.getTime() - plan.daysAgo * 24 * 3600 * 1000).toISOString();
  const good = plan.predicted === 'good';
  return {
    ticketKey: `${origin}#${plan.ticketId}`,
    ticket: { kind: 'zendesk', origin, ticketId: plan.ticketId },
    agentId: String(agent.id),
    standardSetId: DEFAULT_STANDARD_SET.id,
    standardSetVersion: DEFAULT_STANDARD_SET.version,
    scores: plan.scores,
    predictedCsat: { scale: 'good-bad', value: plan.predicted, normalized: good ? 1 : 0, satisfied: good },
    notes: { gotInTheWay: '', worked: '' },
    createdAt,
    updatedAt: createdAt,
  };
}

/** Imports the assessments through Options → Your data → Import assessments. */
export async function importAssessments(options: Page, assessments: readonly SelfAssessment[]): Promise<void> {
  const file = { format: 'gaplens-assessments', version: 1, exportedAt: new Date().toISOString(), assessments };
  await options.getByLabel('Import assessments (JSON)…').setInputFiles({
    name: 'assessments.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(options.getByTestId('data-result')).toContainText(`${assessments.length} added`, { timeout: 30_000 });
}

/** Connects the simulator's Zendesk as the agent through Options → Settings file, then syncs once. */
export async function connectAndSync(options: Page, sim: Simulator, { agent, credential }: SeedAgent): Promise<void> {
  const settingsFile = {
    format: 'gaplens-settings',
    version: 1,
    settings: {
      version: 1,
      helpdeskOrigins: [{ kind: 'zendesk', origin: sim.zendesk.origin }],
      activeStandardSetId: 'gaplens-default',
      sync: { intervalMinutes: 60, trailingWindowDays: 14 },
      timeZone: null,
    },
    connections: [
      {
        kind: 'zendesk',
        label: `Simulator Zendesk (${agent.name})`,
        origin: sim.zendesk.origin,
        credentials: credential.auth,
      },
    ],
  };
  await options.getByLabel('Import settings file…').setInputFiles({
    name: 'settings.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(settingsFile)),
  });
  await options.getByRole('button', { name: 'Import these settings' }).click();
  await expect(options.getByTestId('settings-file-result')).toContainText('with 1 connection', { timeout: 30_000 });
  await syncFromOptions(options);
}

/** Presses the connection's Sync now and waits for the pass to finish. */
export async function syncFromOptions(options: Page): Promise<void> {
  const card = options.getByRole('article').first();
  const last = card.locator('dt:text("Last successful sync") + dd');
  const before = (await last.textContent().catch(() => null)) ?? 'never';
  await card.getByRole('button', { name: 'Sync now' }).click();
  await expect(last).not.toHaveText(before, { timeout: 60_000 });
}
