import { DEFAULT_STANDARD_SET } from '../../lib/model/default-standard-set';
import type { SelfAssessment, StandardScore } from '../../lib/model';
import { generateSelfAssessmentSeeds, type SimAgent, type SimCredential, type Simulator } from '../helpdesk-sim';

/**
 * The files the demo imports through the options page, as a user would: a settings file that
 * connects the simulator's demo agent, and a backup of that agent's self-assessment history.
 */
export function demoAgent(sim: Simulator): { agent: SimAgent; credential: SimCredential } {
  // The first agent who overestimates: the demo should show a gap worth talking about.
  const agent =
    sim.zendesk.data.agents.find((a) => a.role === 'agent' && a.persona.tendency === 'overestimates') ??
    sim.zendesk.data.agents.find((a) => a.role === 'agent')!;
  const credential = sim.zendesk.credentials.agents.find((c) => c.agentId === String(agent.id))!;
  return { agent, credential };
}

export function demoSettingsFile(sim: Simulator) {
  const { agent, credential } = demoAgent(sim);
  return {
    format: 'gaplens-settings',
    version: 1,
    settings: {
      version: 1,
      helpdeskOrigins: [
        { kind: 'zendesk', origin: sim.zendesk.origin },
        { kind: 'freshdesk', origin: sim.freshdesk.origin },
      ],
      activeStandardSetId: 'gaplens-default',
      sync: { intervalMinutes: 15, trailingWindowDays: 14 },
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
}

/** A tiny deterministic PRNG (mulberry32) so the demo history is the same every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The demo agent's self-assessments of most tickets they solved (agents skip some), with scores that
 * follow their prediction: an overestimator rates themselves high where customers were not happy.
 */
export function demoAssessmentsFile(sim: Simulator, exportedAt = new Date()) {
  const { agent } = demoAgent(sim);
  const random = prng(agent.id);
  const origin = sim.zendesk.origin;
  const assessments: SelfAssessment[] = [];
  for (const seed of generateSelfAssessmentSeeds(sim.zendesk.data, agent.id)) {
    if (random() < 0.2 || Date.parse(seed.createdAt) > exportedAt.getTime()) continue;
    const scores: Record<string, StandardScore> = {};
    for (const standard of DEFAULT_STANDARD_SET.standards) {
      if (standard.allowNa && random() < 0.1) scores[standard.id] = 'na';
      else {
        const base = seed.predictedSatisfied ? 4 : 2.6;
        scores[standard.id] = Math.max(1, Math.min(5, Math.round(base + random() * 1.6 - 0.4))) as StandardScore;
      }
    }
    const good = seed.predictedValue === 'good';
    assessments.push({
      ticketKey: `${origin}#${seed.ticketId}`,
      ticket: { kind: 'zendesk', origin, ticketId: seed.ticketId },
      agentId: String(agent.id),
      standardSetId: DEFAULT_STANDARD_SET.id,
      standardSetVersion: DEFAULT_STANDARD_SET.version,
      scores,
      predictedCsat: { scale: 'good-bad', value: good ? 'good' : 'bad', normalized: good ? 1 : 0, satisfied: good },
      notes: { gotInTheWay: '', worked: '' },
      createdAt: seed.createdAt,
      updatedAt: seed.createdAt,
    });
  }
  return { format: 'gaplens-assessments', version: 1, exportedAt: exportedAt.toISOString(), assessments };
}
