import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimHelpdesk, type Simulator } from '../../test/helpdesk-sim';
import { freshdeskApiProvider } from '../helpdesks/freshdesk/client';
import { gorgiasApiProvider } from '../helpdesks/gorgias/client';
import { helpscoutApiProvider } from '../helpdesks/helpscout/client';
import { intercomApiProvider } from '../helpdesks/intercom/client';
import { zendeskApiProvider } from '../helpdesks/zendesk/client';
import type { HelpdeskApiProvider } from '../helpdesks/types';
import type { Credentials } from '../model';

/* The two API reads the prompt relies on, against the simulator's documented endpoints. */

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 4, now: new Date(), ticketsPerAgent: 80 });
});
afterAll(() => sim.close());

/** An API client of `provider` signed in as the first agent of the simulated `helpdesk`. */
function asFirstAgent(helpdesk: SimHelpdesk, provider: HelpdeskApiProvider) {
  const agent = helpdesk.credentials.agents[0]!;
  return { agent, api: provider.createApi(helpdesk.origin, agent.auth as Credentials) };
}

describe('Zendesk', () => {
  it('reads the state of many tickets with one show_many per 100', async () => {
    const { api } = asFirstAgent(sim.zendesk, zendeskApiProvider);
    const tickets = sim.zendesk.data.tickets.slice(0, 150);
    sim.zendesk.requestLog.length = 0;
    const states = await api.ticketStates(tickets.map((t) => String(t.id)));
    expect(sim.zendesk.requestLog.filter((r) => r.path.startsWith('/api/v2/tickets/show_many'))).toHaveLength(2);
    expect(states).toHaveLength(150);
    for (const [index, state] of states.entries()) {
      const ticket = tickets[index]!;
      expect(state).toMatchObject({
        ticketId: String(ticket.id),
        status: ticket.status,
        done: ticket.status === 'solved' || ticket.status === 'closed',
        assigneeId: ticket.assigneeId === null ? null : String(ticket.assigneeId),
      });
    }
  });

  it('finds the tickets the agent solved since a time, with search', async () => {
    const { agent, api } = asFirstAgent(sim.zendesk, zendeskApiProvider);
    const mine = sim.zendesk.data.tickets.find((t) => String(t.assigneeId) === agent.agentId)!;
    sim.zendesk.setTicketStatus(String(mine.id), 'open');
    sim.zendesk.setTicketStatus(String(mine.id), 'solved');
    const states = await api.solvedTickets(new Date(Date.now() - 60_000).toISOString());
    expect(states.map((s) => s.ticketId)).toContain(String(mine.id));
    expect(states.every((s) => s.done && s.assigneeId === agent.agentId)).toBe(true);
  });
});

describe('Freshdesk', () => {
  it('reads ticket states one by one, skipping tickets the agent may not see', async () => {
    const agent = sim.freshdesk.credentials.agents[0]!;
    const api = freshdeskApiProvider.createApi(sim.freshdesk.origin, agent.auth as Credentials);
    const mine = sim.freshdesk.data.tickets.filter((t) => String(t.assigneeId) === agent.agentId).slice(0, 3);
    const theirs = sim.freshdesk.data.tickets.find(
      (t) => t.assigneeId !== null && String(t.assigneeId) !== agent.agentId,
    )!;
    const states = await api.ticketStates([...mine.map((t) => String(t.id)), String(theirs.id)]);
    expect(states.map((s) => s.ticketId)).toEqual(mine.map((t) => String(t.id)));
    for (const state of states) expect(state.done).toBe(state.status === '4' || state.status === '5');
  });

  it('lists the done tickets updated since a time', async () => {
    const agent = sim.freshdesk.credentials.agents[0]!;
    const mine = sim.freshdesk.data.tickets.find((t) => String(t.assigneeId) === agent.agentId)!;
    sim.freshdesk.setTicketStatus(String(mine.id), '2');
    sim.freshdesk.setTicketStatus(String(mine.id), '4');
    const api = freshdeskApiProvider.createApi(sim.freshdesk.origin, agent.auth as Credentials);
    const states = await api.solvedTickets(new Date(Date.now() - 60_000).toISOString());
    expect(states).toContainEqual(expect.objectContaining({ ticketId: String(mine.id), status: '4', done: true }));
    expect(states.every((s) => s.done)).toBe(true);
  });
});

describe('Gorgias', () => {
  it('reads the state of many tickets with one ticket_ids request per 100: closed is done', async () => {
    const { api } = asFirstAgent(sim.gorgias, gorgiasApiProvider);
    const tickets = sim.gorgias.data.tickets.slice(0, 150);
    sim.gorgias.requestLog.length = 0;
    const states = await api.ticketStates(tickets.map((t) => String(t.id)));
    expect(sim.gorgias.requestLog.filter((r) => r.path.startsWith('/api/tickets?'))).toHaveLength(2);
    const seen = new Map(states.map((s) => [s.ticketId, [s.status, s.done, s.assigneeId]]));
    const closed = (status: string) => status === 'solved' || status === 'closed';
    expect(seen).toEqual(
      new Map(
        tickets.map((t) => [
          String(t.id),
          [closed(t.status) ? 'closed' : 'open', closed(t.status), t.assigneeId === null ? null : String(t.assigneeId)],
        ]),
      ),
    );
  });

  it('lists the tickets closed since a time, newest first, stopping at older ones', async () => {
    const { agent, api } = asFirstAgent(sim.gorgias, gorgiasApiProvider);
    const mine = sim.gorgias.data.tickets.find((t) => String(t.assigneeId) === agent.agentId)!;
    sim.gorgias.setTicketStatus(String(mine.id), 'open');
    sim.gorgias.setTicketStatus(String(mine.id), 'closed');
    sim.gorgias.requestLog.length = 0;
    const states = await api.solvedTickets(new Date(Date.now() - 60_000).toISOString());
    expect(states).toContainEqual(expect.objectContaining({ ticketId: String(mine.id), status: 'closed', done: true }));
    expect(states.every((s) => s.done)).toBe(true);
    expect(sim.gorgias.requestLog).toHaveLength(1);
  });
});

describe('Help Scout', () => {
  it('reads conversation states one by one (after one token): closed is done, others’ conversations left out', async () => {
    const { agent, api } = asFirstAgent(sim.helpscout, helpscoutApiProvider);
    const mine = sim.helpscout.data.tickets.filter((t) => String(t.assigneeId) === agent.agentId).slice(0, 3);
    const theirs = sim.helpscout.data.tickets.find(
      (t) => t.assigneeId !== null && String(t.assigneeId) !== agent.agentId,
    )!;
    sim.helpscout.requestLog.length = 0;
    const states = await api.ticketStates([...mine.map((t) => String(t.id)), String(theirs.id)]);
    expect(sim.helpscout.requestLog.map((r) => r.path.split('?')[0])).toEqual([
      '/v2/oauth2/token',
      ...[...mine, theirs].map((t) => `/v2/conversations/${t.id}`),
    ]);
    expect(states.map((s) => [s.ticketId, s.done])).toEqual(
      mine.map((t) => [String(t.id), t.status === 'solved' || t.status === 'closed']),
    );
  });

  it('lists the agent’s conversations closed since a time', async () => {
    const { agent, api } = asFirstAgent(sim.helpscout, helpscoutApiProvider);
    const mine = sim.helpscout.data.tickets.find((t) => String(t.assigneeId) === agent.agentId)!;
    sim.helpscout.setTicketStatus(String(mine.id), 'active');
    sim.helpscout.setTicketStatus(String(mine.id), 'closed');
    const states = await api.solvedTickets(new Date(Date.now() - 60_000).toISOString());
    expect(states).toContainEqual(expect.objectContaining({ ticketId: String(mine.id), status: 'closed', done: true }));
    expect(states.every((s) => s.done && s.assigneeId === agent.agentId)).toBe(true);
  });
});
describe('Intercom', () => {
  it('reads conversation states one by one: closed is done, snoozed and open are not; unknown ids are left out', async () => {
    const { api } = asFirstAgent(sim.intercom, intercomApiProvider);
    const [closed, snoozed, open] = sim.intercom.data.tickets.slice(0, 3);
    sim.intercom.setTicketStatus(String(closed!.id), 'closed');
    sim.intercom.setTicketStatus(String(snoozed!.id), 'snoozed');
    sim.intercom.setTicketStatus(String(open!.id), 'open');
    const states = await api.ticketStates([closed, snoozed, open].map((t) => String(t!.id)).concat('1'));
    expect(states.map((s) => [s.ticketId, s.status, s.done])).toEqual([
      [String(closed!.id), 'closed', true],
      [String(snoozed!.id), 'snoozed', false],
      [String(open!.id), 'open', false],
    ]);
    expect(states[0]).toMatchObject({ subject: closed!.subject, assigneeId: String(closed!.assigneeId) });
  });

  it('finds the conversations the agent closed since a time, with search, newest first', async () => {
    const { agent, api } = asFirstAgent(sim.intercom, intercomApiProvider);
    const mine = sim.intercom.data.tickets.filter((t) => String(t.assigneeId) === agent.agentId).slice(0, 2);
    for (const ticket of mine) {
      sim.intercom.setTicketStatus(String(ticket.id), 'open');
      sim.intercom.setTicketStatus(String(ticket.id), 'closed');
    }
    const states = await api.solvedTickets(new Date(Date.now() - 60_000).toISOString());
    expect(states.map((s) => s.ticketId)).toEqual(expect.arrayContaining(mine.map((t) => String(t.id))));
    expect(states.every((s) => s.done && s.assigneeId === agent.agentId)).toBe(true);
    const times = states.map((s) => s.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
  });
});
