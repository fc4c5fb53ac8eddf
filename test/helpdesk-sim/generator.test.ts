import { describe, expect, it } from 'vitest';
import { generateData, generateSelfAssessmentSeeds, isAnswered } from './generator';
import type { SimData } from './model';
import { rerate } from './mutations';

const zendesk = (seed = 7, extra: Partial<Parameters<typeof generateData>[0]> = {}) =>
  generateData({ kind: 'zendesk', csat: 'zendesk-legacy', seed, ...extra });

/** Everything observable about a dataset, as plain JSON (Map and object identity left out). */
function snapshot(data: SimData): string {
  return JSON.stringify({ agents: data.agents, tickets: data.tickets.map((t) => ({ ...t, rating: t.rating?.id ?? null })), ratings: data.ratings, secrets: [...data.secrets] });
}

describe('generateData', () => {
  it('gives identical data for the same seed and options, different data for another seed', () => {
    expect(snapshot(zendesk(7))).toBe(snapshot(zendesk(7)));
    expect(snapshot(zendesk(8))).not.toBe(snapshot(zendesk(7)));
    const freshdesk = () => generateData({ kind: 'freshdesk', csat: 'freshdesk', seed: 7 });
    expect(snapshot(freshdesk())).toBe(snapshot(freshdesk()));
  });

  it('builds a lead and six agents with 150 tickets each over the half year before now', () => {
    const data = zendesk();
    expect(data.agents.map((agent) => agent.role)).toEqual(['admin', 'agent', 'agent', 'agent', 'agent', 'agent', 'agent']);
    expect(data.tickets).toHaveLength(900);
    for (const agent of data.agents.slice(1)) expect(data.tickets.filter((t) => t.handledBy === agent.id)).toHaveLength(150);
    const created = data.tickets.map((t) => t.createdAt);
    expect(Math.min(...created)).toBeGreaterThanOrEqual(data.now - 183 * 24 * 3600 * 1000);
    expect(Math.max(...created)).toBeLessThan(data.now);
    expect(data.agents.filter((a) => a.persona.tendency === 'overestimates').length).toBeGreaterThanOrEqual(3);
    expect(data.agents.slice(1).filter((a) => a.persona.tendency === 'calibrated')).toHaveLength(1);
  });

  it('has a realistic survey mix: 15–30% answered, unanswered offers, re-ratings and comments', () => {
    const data = zendesk();
    const offered = data.tickets.filter((t) => t.surveyOffered).length;
    const answered = data.ratings.filter(isAnswered);
    expect(answered.length / offered).toBeGreaterThan(0.15);
    expect(answered.length / offered).toBeLessThan(0.3);
    expect(data.ratings.some((r) => r.score === 'offered')).toBe(true);
    expect(data.ratings.some((r) => r.score === 'unoffered')).toBe(true);
    expect(answered.filter((r) => r.updatedAt > r.createdAt + 24 * 3600 * 1000).length).toBeGreaterThan(0);
    expect(answered.some((r) => r.comment !== null)).toBe(true);
    // Keyset paging relies on this order, and ids follow it.
    for (let i = 1; i < data.ratings.length; i++) {
      const [a, b] = [data.ratings[i - 1], data.ratings[i]];
      expect(a && b && (a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id))).toBe(true);
    }
  });

  it('uses each vendor vocabulary', () => {
    const legacy = new Set(zendesk().ratings.map((r) => r.score));
    expect([...legacy].sort()).toEqual(['bad', 'good', 'offered', 'unoffered']);
    const fresh = generateData({ kind: 'freshdesk', csat: 'freshdesk', seed: 7 });
    for (const r of fresh.ratings) expect([103, 102, 101, 100, -101, -102, -103]).toContain(r.score);
    expect(fresh.ratings.some((r) => r.assigneeId === null)).toBe(true);
    const survey = zendesk(7, { csat: 'zendesk-new' });
    for (const r of survey.ratings) expect([1, 2, 3, 4, 5]).toContain(r.score);
  });

  it('generates 100k answered ratings in well under a few seconds', () => {
    // CPU time of this (forked) test process: other processes on a busy machine don't inflate it.
    const started = process.cpuUsage();
    const data = zendesk(3, { agents: 10, ticketsPerAgent: 11_200, responseRate: 1 });
    const { user, system } = process.cpuUsage(started);
    expect(data.ratings.filter(isAnswered).length).toBeGreaterThan(100_000);
    expect((user + system) / 1000).toBeLessThan(2000);
  });
});

describe('generateSelfAssessmentSeeds', () => {
  const data = zendesk();
  const satisfiedShare = (agentIndex: number) => {
    const agent = data.agents[agentIndex];
    if (!agent) throw new Error('no agent');
    const seeds = generateSelfAssessmentSeeds(data, String(agent.id));
    const byTicket = new Map(data.tickets.map((t) => [String(t.id), t]));
    const predicted = seeds.filter((s) => s.predictedSatisfied).length / seeds.length;
    const actual = seeds.filter((s) => byTicket.get(s.ticketId)?.customerSatisfied).length / seeds.length;
    return { agent, seeds, predicted, actual };
  };

  it('covers the solved tickets an agent handled, deterministically', () => {
    const { agent, seeds } = satisfiedShare(1);
    const solved = data.tickets.filter((t) => t.handledBy === agent.id && t.solvedAt !== null);
    expect(seeds.map((s) => s.ticketId)).toEqual(solved.map((t) => String(t.id)));
    expect(generateSelfAssessmentSeeds(data, agent.id)).toEqual(seeds);
    for (const seed of seeds) expect(['good', 'bad']).toContain(seed.predictedValue);
  });

  it('makes overestimators predict "satisfied" more often than their customers are, the calibrated agent not', () => {
    for (let index = 1; index < data.agents.length; index++) {
      const { agent, predicted, actual } = satisfiedShare(index);
      if (agent.persona.tendency === 'overestimates') expect(predicted - actual).toBeGreaterThan(0.08);
      if (agent.persona.tendency === 'calibrated') expect(Math.abs(predicted - actual)).toBeLessThan(0.08);
    }
  });

  it('refuses an unknown agent', () => {
    expect(() => generateSelfAssessmentSeeds(data, '1')).toThrow(/Unknown agent/);
  });
});

describe('rerate', () => {
  it('keeps the rating id, changes the score and moves updated_at', () => {
    const data = zendesk();
    const rating = data.ratings.find((r) => r.score === 'good');
    if (!rating) throw new Error('no good rating');
    const at = data.now + 60_000;
    const changed = rerate(data, String(rating.ticketId), 'bad', at);
    expect(changed.id).toBe(rating.id);
    expect(changed.score).toBe('bad');
    expect(changed.updatedAt).toBe(at);
    expect(() => rerate(data, String(rating.ticketId), 4, at)).toThrow(/good.*bad/);
  });

  it('creates a rating for a ticket that had none, at the end of the list', () => {
    const data = zendesk();
    const ticket = data.tickets.find((t) => t.rating === null);
    if (!ticket) throw new Error('no unrated ticket');
    const before = data.ratings.length;
    const rating = rerate(data, ticket.id, 'good', data.now + 1000);
    expect(data.ratings).toHaveLength(before + 1);
    expect(data.ratings[data.ratings.length - 1]).toBe(rating);
    expect(ticket.rating).toBe(rating);
  });
});
