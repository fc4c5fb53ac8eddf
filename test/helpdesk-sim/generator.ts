/**
 * The seeded dataset behind the simulator: a support team, six months of tickets, and the surveys
 * their customers answered (or didn't). Pure and deterministic: the same options give the same data,
 * so tests can name records, and the demo looks the same every time.
 *
 * Scale: 100k+ ratings must generate in well under a few seconds, so the loop draws numbers, shares
 * strings from tables, and sorts once.
 */
import {
  AGENT_TEMPLATES,
  BAD_RATING_REASONS,
  FIRST_NAMES,
  LAST_NAMES,
  SATISFIED_COMMENTS,
  TEAM_LEAD,
  TICKET_TOPICS,
  UNSATISFIED_COMMENTS,
  emailLocalPart,
} from './content';
import type { CsatMode, Persona, SimAgent, SimData, SimKind, SimRating, SimTicket, TicketStatus } from './model';
import { Random, hash32 } from './prng';

export const DEFAULT_SEED = 20261120;
export const DEFAULT_NOW = new Date('2026-11-20T12:00:00Z');
export const DEFAULT_AGENTS = 6;
export const DEFAULT_TICKETS_PER_AGENT = 150;
export const DEFAULT_RESPONSE_RATE = 0.22;

export interface GeneratorOptions {
  kind: SimKind;
  csat: CsatMode;
  seed?: number;
  now?: Date;
  agents?: number;
  /**
   * Tickets per agent. Expected answered ratings ≈ agents × ticketsPerAgent × ~0.9 (solved and
   * offered a survey) × responseRate; e.g. 10 agents × 11,200 tickets × responseRate 1 ≈ 100k.
   */
  ticketsPerAgent?: number;
  /** Share of offered surveys the customer answers (real-world: 15–30%). */
  responseRate?: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Tickets are spread over the half year before `now`. */
const HISTORY = 182 * DAY;
/** Zendesk's default automation sends the survey 24 h after a ticket is solved. */
const SURVEY_DELAY = 24 * HOUR;
/** Solved tickets close after 4 days (Zendesk's default "close ticket 4 days after status is set to solved"). */
const CLOSE_AFTER = 4 * DAY;
const SURVEY_LIFETIME = 28 * DAY;
/** Share of solved tickets that get a survey (no e-mail on file, suppressed by a trigger…). */
const OFFER_RATE = 0.93;
/** Share of answered ratings the customer changes later. */
const RERATE_RATE = 0.07;

/** Number ranges that look like each vendor's ids (Zendesk: 13-digit users, 4-digit tickets…). */
export const ID_BASES: Record<SimKind, { user: number; requester: number; group: number; ticket: number; rating: number }> = {
  zendesk: { user: 6_131_000_000_000, requester: 6_140_000_000_000, group: 6_130_852_536_000, ticket: 1001, rating: 41_000_001 },
  freshdesk: { user: 6_010_396_000, requester: 6_012_691_000, group: 6_000_200_000, ticket: 1, rating: 100 },
  gorgias: { user: 310_000, requester: 92_000_000, group: 5_100, ticket: 63_091_001, rating: 2_400_001 },
  // Help Scout: conversation ids are large (2199011258 in the docs' URL), users and ratings small.
  helpscout: { user: 69_001, requester: 121_198_000, group: 39_835, ticket: 2_199_011_001, rating: 5_434 },
  // Intercom: 9-digit admin ids, team ids, 15-digit conversation ids (HELPDESK-APIS.md URL examples).
  intercom: { user: 991_267_459, requester: 6_762_000_000, group: 5_017_691, ticket: 215_475_827_400_001, rating: 1 },
};

/** Per helpdesk: its own random streams, the length of its secrets (hex), its team's e-mail domain. */
const KIND_TRAITS: Record<SimKind, { stream: number; secretHex: number; domain: string }> = {
  zendesk: { stream: 1, secretHex: 40, domain: 'acme-support.test' },
  freshdesk: { stream: 2, secretHex: 20, domain: 'globex-support.test' },
  gorgias: { stream: 3, secretHex: 64, domain: 'initech-support.test' },
  // The App secret of each user's OAuth app; the App ID is derived from the user (helpscout-oauth.ts).
  helpscout: { stream: 4, secretHex: 32, domain: 'umbrella-support.test' },
  // Intercom's secret is a base64 access token around this many hex digits (secretFor).
  intercom: { stream: 5, secretHex: 28, domain: 'stark-support.test' },
};

/** Survey modes that keep a record for a survey that went out unanswered (Zendesk legacy, Gorgias). */
const KEEPS_UNANSWERED: ReadonlySet<CsatMode> = new Set(['zendesk-legacy', 'gorgias']);

/** Survey modes whose record is dated from the request, answered or not (Intercom's `created_at`). */
const DATED_FROM_REQUEST: ReadonlySet<CsatMode> = new Set([...KEEPS_UNANSWERED, 'intercom']);

const wholeSecond = (ms: number) => Math.floor(ms / SECOND) * SECOND;

/** Builds the dataset for one helpdesk. */
export function generateData(options: GeneratorOptions): SimData {
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const now = wholeSecond((options.now ?? DEFAULT_NOW).getTime());
  const agentCount = Math.max(1, Math.floor(options.agents ?? DEFAULT_AGENTS));
  const perAgent = Math.max(0, Math.floor(options.ticketsPerAgent ?? DEFAULT_TICKETS_PER_AGENT));
  const responseRate = Math.min(1, Math.max(0, options.responseRate ?? DEFAULT_RESPONSE_RATE));
  const ids = ID_BASES[options.kind];
  // Each helpdesk gets its own stream, so Zendesk and Freshdesk look like two different companies.
  const random = new Random(hash32(seed, KIND_TRAITS[options.kind].stream));

  const agents = buildTeam(agentCount, ids, now, options.kind);
  const workers = agents.filter((agent) => agent.role === 'agent');
  const ticketCount = workers.length * perAgent;
  const customerCount = Math.max(40, Math.ceil(ticketCount / 3));

  const createdTimes = sortedUniformTimes(random, ticketCount, now - HISTORY, now - 10 * MINUTE);
  const owners = shuffledOwners(random, workers.length, perAgent);

  const tickets: SimTicket[] = new Array<SimTicket>(ticketCount);
  const ratings: SimRating[] = [];
  for (let index = 0; index < ticketCount; index++) {
    const worker = workers[owners[index] ?? 0];
    if (!worker) throw new Error('generator: no agent for ticket');
    const ticket = buildTicket(random, {
      id: ids.ticket + index,
      createdAt: createdTimes[index] ?? now,
      worker,
      workers,
      requesterId: ids.requester + random.int(0, customerCount - 1),
      now,
      responseRate,
      csat: options.csat,
    });
    tickets[index] = ticket;
    if (ticket.rating) ratings.push(ticket.rating);
  }

  // Ids are handed out in creation order, as a real helpdesk would.
  ratings.sort((a, b) => a.createdAt - b.createdAt || a.ticketId - b.ticketId);
  for (let i = 0; i < ratings.length; i++) {
    const rating = ratings[i];
    if (rating) rating.id = ids.rating + i;
  }

  const secrets = new Map<number, string>();
  const secretRandom = new Random(hash32(seed, 0x5ec2e7, KIND_TRAITS[options.kind].stream));
  for (const agent of agents) {
    secrets.set(agent.id, secretFor(options.kind, secretRandom));
  }

  return { kind: options.kind, csat: options.csat, seed, now, agents, tickets, ratings, secrets };
}

/** Hex of the kind's length; Intercom's is a base64 access token (`dG9rOi…` = "tok:…"). */
function secretFor(kind: SimKind, random: Random): string {
  const hex = random.hex(KIND_TRAITS[kind].secretHex);
  return kind === 'intercom' ? Buffer.from(`tok:${hex}`).toString('base64') : hex;
}

function buildTeam(count: number, ids: (typeof ID_BASES)[SimKind], now: number, kind: SimKind): SimAgent[] {
  const domain = KIND_TRAITS[kind].domain;
  const groupId = ids.group + 1;
  const lead: SimAgent = {
    id: ids.user,
    name: TEAM_LEAD.name,
    email: `${emailLocalPart(TEAM_LEAD.name)}@${domain}`,
    role: 'admin',
    groupId,
    persona: { tendency: 'calibrated', customerSatisfiedRate: 0.8, predictSatisfiedWhenSatisfied: 0.9, predictSatisfiedWhenUnsatisfied: 0.1 },
    createdAt: now - 400 * DAY,
  };
  const team: SimAgent[] = [lead];
  for (let i = 0; i < count; i++) {
    const template = AGENT_TEMPLATES[i % AGENT_TEMPLATES.length];
    if (!template) throw new Error('no agent templates');
    // Beyond the six named agents, names come from the tables and personas repeat.
    const name =
      i < AGENT_TEMPLATES.length
        ? template.name
        : `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]} ${i + 1}`;
    team.push({
      id: ids.user + 1 + i * 17,
      name,
      email: `${emailLocalPart(name)}@${domain}`,
      role: 'agent',
      groupId: ids.group + 1 + (i % 2),
      persona: template.persona,
      createdAt: now - (380 - i) * DAY,
    });
  }
  return team;
}

/**
 * `count` ascending times, uniformly spread over [from, to]: cumulative exponential gaps scaled to
 * the range (order statistics of the uniform distribution), so no sort is needed.
 */
function sortedUniformTimes(random: Random, count: number, from: number, to: number): Float64Array {
  const times = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += random.exponential(1);
    times[i] = total;
  }
  total += random.exponential(1);
  const span = to - from;
  for (let i = 0; i < count; i++) times[i] = wholeSecond(from + ((times[i] ?? 0) / total) * span);
  return times;
}

/** Each agent exactly `perAgent` tickets, in random order (Fisher–Yates). */
function shuffledOwners(random: Random, agents: number, perAgent: number): Uint32Array {
  const owners = new Uint32Array(agents * perAgent);
  for (let i = 0; i < owners.length; i++) owners[i] = i % agents;
  for (let i = owners.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    const tmp = owners[i] ?? 0;
    owners[i] = owners[j] ?? 0;
    owners[j] = tmp;
  }
  return owners;
}

interface TicketInput {
  id: number;
  createdAt: number;
  worker: SimAgent;
  workers: SimAgent[];
  requesterId: number;
  now: number;
  responseRate: number;
  csat: CsatMode;
}

function buildTicket(random: Random, input: TicketInput): SimTicket {
  const { id, createdAt, worker, now, csat } = input;
  const [subject, description] = random.pick(TICKET_TOPICS);
  const priorityDraw = random.float();
  const priority = priorityDraw < 0.15 ? 'low' : priorityDraw < 0.75 ? 'normal' : priorityDraw < 0.95 ? 'high' : 'urgent';
  // Handling time: most within a day, a long tail; slow tickets make customers less happy.
  const handling = Math.min(7 * DAY, 20 * MINUTE + random.exponential(20 * HOUR));
  const satisfiedRate = input.worker.persona.customerSatisfiedRate - (handling > 2 * DAY ? 0.12 : 0);
  const customerSatisfied = random.chance(satisfiedRate);

  const solvedCandidate = wholeSecond(createdAt + handling);
  const ticket: SimTicket = {
    id,
    subject,
    description,
    requesterId: input.requesterId,
    assigneeId: worker.id,
    handledBy: worker.id,
    groupId: worker.groupId,
    status: 'open',
    priority,
    createdAt,
    solvedAt: null,
    updatedAt: createdAt,
    surveyOffered: false,
    customerSatisfied,
    rating: null,
  };

  if (solvedCandidate > now) {
    // Still being worked.
    ticket.status = openStatus(random, now - createdAt);
    ticket.updatedAt = Math.min(now, wholeSecond(createdAt + random.float() * (now - createdAt)));
    return ticket;
  }

  ticket.solvedAt = solvedCandidate;
  ticket.status = now - solvedCandidate >= CLOSE_AFTER ? 'closed' : 'solved';
  let updatedAt = ticket.status === 'closed' ? solvedCandidate + CLOSE_AFTER : solvedCandidate;

  const offerAt = wholeSecond(solvedCandidate + SURVEY_DELAY + random.int(0, 30) * MINUTE);
  if (offerAt <= now) {
    const offered = random.chance(OFFER_RATE);
    ticket.surveyOffered = offered;
    if (offered) updatedAt = Math.max(updatedAt, offerAt);
    const answerAt = wholeSecond(offerAt + Math.min(96 * HOUR, 5 * MINUTE + random.exponential(10 * HOUR)));
    const answered = offered && random.chance(input.responseRate) && answerAt <= now;
    if (answered) {
      const rating = answeredRating(random, ticket, { offerAt, answerAt, now, csat });
      ticket.rating = rating;
      updatedAt = Math.max(updatedAt, rating.updatedAt);
      // A few tickets move to another agent after the rating: the rating keeps the old assignee.
      if (random.chance(0.02) && input.workers.length > 1) {
        const others = input.workers.filter((agent) => agent.id !== worker.id);
        ticket.assigneeId = random.pick(others).id;
      }
    } else if (KEEPS_UNANSWERED.has(csat) && offered) {
      ticket.rating = nonAnswer(ticket, 'offered', offerAt, offerAt + SURVEY_LIFETIME);
    } else if (csat === 'zendesk-legacy' && !offered && random.chance(0.3)) {
      // Zendesk lists records in the "unoffered" state too (its score filter has a value for them).
      ticket.rating = nonAnswer(ticket, 'unoffered', offerAt, offerAt);
    }
  }
  ticket.updatedAt = Math.min(now, updatedAt);
  return ticket;
}

function openStatus(random: Random, age: number): TicketStatus {
  if (age < HOUR) return 'new';
  const draw = random.float();
  return draw < 0.3 ? 'pending' : draw < 0.35 ? 'hold' : 'open';
}

function nonAnswer(ticket: SimTicket, score: 'offered' | 'unoffered', at: number, expiresAt: number): SimRating {
  return {
    id: 0,
    ticketId: ticket.id,
    requesterId: ticket.requesterId,
    assigneeId: ticket.assigneeId,
    groupId: ticket.groupId,
    score,
    comment: null,
    reason: null,
    extraAnswers: null,
    createdAt: at,
    updatedAt: at,
    expiresAt,
  };
}

function answeredRating(
  random: Random,
  ticket: SimTicket,
  times: { offerAt: number; answerAt: number; now: number; csat: CsatMode },
): SimRating {
  const { offerAt, answerAt, now, csat } = times;
  let satisfied = ticket.customerSatisfied;
  let score = scoreFor(random, csat, satisfied);
  let updatedAt = answerAt;
  // Some customers change their mind later, mostly upwards after a follow-up.
  if (random.chance(satisfied ? RERATE_RATE / 3 : RERATE_RATE * 2)) {
    const rerateAt = wholeSecond(answerAt + HOUR + random.float() * 10 * DAY);
    if (rerateAt <= now) {
      satisfied = !satisfied;
      score = scoreFor(random, csat, satisfied);
      updatedAt = rerateAt;
    }
  }
  const hasComment = random.chance(satisfied ? 0.3 : 0.6);
  const comment = hasComment ? random.pick(satisfied ? SATISFIED_COMMENTS : UNSATISFIED_COMMENTS) : null;
  const reason = csat === 'zendesk-legacy' && score === 'bad' && random.chance(0.5) ? random.pick(BAD_RATING_REASONS) : null;
  const extraAnswers = csat === 'freshdesk' && random.chance(0.3) ? { question_2: scoreFor(random, 'freshdesk', random.chance(0.7)) as number } : null;
  // Freshdesk sometimes has no agent on a rating (its agent_id is nullable).
  const assigneeId = csat === 'freshdesk' && random.chance(0.04) ? null : ticket.assigneeId;
  return {
    id: 0,
    ticketId: ticket.id,
    requesterId: ticket.requesterId,
    assigneeId,
    groupId: ticket.groupId,
    score,
    comment,
    reason,
    extraAnswers,
    // Zendesk legacy and Gorgias create the record when the survey goes out, and Intercom's created_at
    // is when the rating was requested; the others date it from the answer.
    createdAt: DATED_FROM_REQUEST.has(csat) ? offerAt : answerAt,
    updatedAt,
    expiresAt: offerAt + SURVEY_LIFETIME,
  };
}

/** A score in the account's vocabulary for a satisfied (or not) customer. Neutral counts as not satisfied. */
function scoreFor(random: Random, csat: CsatMode, satisfied: boolean): string | number {
  const draw = random.float();
  switch (csat) {
    case 'zendesk-legacy':
      return satisfied ? 'good' : 'bad';
    case 'zendesk-new':
    case 'gorgias':
    case 'intercom':
      return satisfied ? (draw < 0.6 ? 5 : 4) : draw < 0.35 ? 1 : draw < 0.7 ? 2 : 3;
    case 'freshdesk':
      return satisfied
        ? draw < 0.4 ? 103 : draw < 0.7 ? 102 : 101
        : draw < 0.3 ? 100 : draw < 0.6 ? -101 : draw < 0.8 ? -102 : -103;
    case 'helpscout':
      // Okay is neutral, not satisfied (DESIGN.md §4).
      return satisfied ? 'great' : draw < 0.45 ? 'okay' : 'not_good';
  }
}

/** What a self-assessing agent would have said about one ticket. */
export interface SelfAssessmentSeed {
  ticketId: string;
  predictedSatisfied: boolean;
  /** The prediction on the helpdesk's own scale (good/bad, 1–5, or Freshdesk points). */
  predictedValue: string | number;
  /** When the agent would have assessed it: minutes after solving, ISO 8601. */
  createdAt: string;
}

/**
 * For every ticket `agentId` worked to a solution, the self-assessment that agent would plausibly
 * have made, following their persona: overestimators predict "satisfied" for many tickets whose
 * customers were not. Deterministic per (seed, agent, ticket), whatever order tickets come in.
 */
export function generateSelfAssessmentSeeds(data: SimData, agentId: string | number): SelfAssessmentSeed[] {
  const id = Number(agentId);
  const agent = data.agents.find((candidate) => candidate.id === id);
  if (!agent) throw new Error(`Unknown agent ${agentId}`);
  const seeds: SelfAssessmentSeed[] = [];
  for (const ticket of data.tickets) {
    if (ticket.handledBy !== id || ticket.solvedAt === null) continue;
    const random = new Random(hash32(data.seed, id, ticket.id));
    const predictedSatisfied = random.chance(predictionProbability(agent.persona, ticket.customerSatisfied));
    seeds.push({
      ticketId: String(ticket.id),
      predictedSatisfied,
      predictedValue: scoreFor(random, data.csat, predictedSatisfied),
      createdAt: new Date(ticket.solvedAt + random.int(1, 20) * MINUTE).toISOString(),
    });
  }
  return seeds;
}

function predictionProbability(persona: Persona, customerSatisfied: boolean): number {
  return customerSatisfied ? persona.predictSatisfiedWhenSatisfied : persona.predictSatisfiedWhenUnsatisfied;
}

/** A customer's display name, derived from their id so customers need no storage. */
export function customerName(requesterId: number): { name: string; email: string } {
  const first = FIRST_NAMES[requesterId % FIRST_NAMES.length] ?? 'Pat';
  const last = LAST_NAMES[Math.floor(requesterId / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Doe';
  return { name: `${first} ${last}`, email: `${emailLocalPart(`${first} ${last}`)}.${requesterId % 100000}@example.com` };
}

/** Whether a stored score is an actual answer (not Zendesk's offered/unoffered placeholders). */
export function isAnswered(rating: SimRating): boolean {
  return rating.score !== 'offered' && rating.score !== 'unoffered';
}
