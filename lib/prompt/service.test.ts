import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '../../test/helpdesk-sim';
import type { PromptMessage } from '../content/channel';
import { saveConnection } from '../connections';
import { getDb } from '../db/db';
import { seedDefaultStandardSet } from '../db/standard-sets';
import type { Credentials } from '../model';
import { DEFAULT_STANDARD_SET } from '../model/default-standard-set';
import { freshDatabase } from '../sync/test-harness';
import { DEFAULT_PROMPT_SETTINGS } from './prompt-settings';
import { checkSolvedTickets, contentHandlers, refreshBadge } from './service';
import { readAllPromptSettings, readQueue, writePromptSettings } from './store';

/*
 * The background's decisions about a done signal, against the simulator's API: what is queued,
 * when a card is sent to the tab, and what the card may save.
 */

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 9, now: new Date(), ticketsPerAgent: 40 });
});
afterAll(() => sim.close());

const agent = () => sim.zendesk.credentials.agents[0]!;
const otherAgent = () => sim.zendesk.credentials.agents[1]!;
let connectionId: string;
let origin: string;
let sent: PromptMessage[];
let nextTicket = 0;

/** A ticket of the simulator, open and assigned to `assignee`, fresh for each test. */
function openTicket(assignee = agent()): string {
  const ticket = sim.zendesk.data.tickets[nextTicket++]!;
  ticket.assigneeId = Number(assignee.agentId);
  ticket.status = 'open';
  ticket.solvedAt = null;
  return String(ticket.id);
}

beforeEach(async () => {
  fakeBrowser.reset();
  freshDatabase();
  sent = [];
  vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async (_tabId: number, message: unknown) => {
    sent.push(message as PromptMessage);
  });
  origin = sim.zendesk.origin;
  await seedDefaultStandardSet();
  const result = await saveConnection(
    { kind: 'zendesk', label: 'Sim', origin, credentials: agent().auth as Credentials },
    { schedule: false },
  );
  if (!result.ok) throw new Error(result.error.message);
  connectionId = result.connection.id;
});

async function report(ticketId: string, event: 'left' | 'updated' = 'left') {
  await contentHandlers.reportTicketEvent({ event, ticketId, domStatus: null }, { tabId: 7, origin });
  // The checker gathers reports for a second before it asks the API, and asks a connection at most
  // every two seconds.
  await new Promise((resolve) => setTimeout(resolve, 2200));
}

describe('a done signal', () => {
  it('prompts in the reporting tab for a ticket the API says is solved and mine, once', async () => {
    const ticketId = openTicket();
    sim.zendesk.setTicketStatus(ticketId, 'solved');
    await report(ticketId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'showPrompt', data: { ticketId, label: 'Zendesk' } });
    const card = sent[0]!.type === 'showPrompt' ? sent[0]!.data : null;
    expect(card?.standards.map((s) => s.id)).toEqual(DEFAULT_STANDARD_SET.standards.map((s) => s.id));
    expect((await readQueue()).tickets.map((t) => t.ticketId)).toEqual([ticketId]);
    expect(await browser.action.getBadgeText({})).toBe('1');
    await report(ticketId);
    expect(sent).toHaveLength(1);
  });

  it('does not prompt for a ticket that is still open, or solved by someone else', async () => {
    const open = openTicket();
    const theirs = openTicket(otherAgent());
    sim.zendesk.setTicketStatus(theirs, 'solved');
    await contentHandlers.reportTicketEvent(
      { event: 'left', ticketId: open, domStatus: 'solved' },
      { tabId: 7, origin },
    );
    await report(theirs);
    expect(sent).toEqual([]);
    expect((await readQueue()).tickets).toEqual([]);
  });

  it('queues but does not prompt in quiet hours, when snoozed, or when prompts are off', async () => {
    const quiet = openTicket();
    const now = new Date();
    const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    await writePromptSettings(connectionId, {
      ...DEFAULT_PROMPT_SETTINGS,
      quietHours: { from: hhmm(new Date(now.getTime() - 3600_000)), to: hhmm(new Date(now.getTime() + 3600_000)) },
    });
    sim.zendesk.setTicketStatus(quiet, 'solved');
    await report(quiet);

    await writePromptSettings(connectionId, DEFAULT_PROMPT_SETTINGS);
    await contentHandlers.dismissPrompt({ ticketId: quiet, snoozeMinutes: 30 }, { tabId: 7, origin });
    const snoozed = openTicket();
    sim.zendesk.setTicketStatus(snoozed, 'solved');
    await report(snoozed);

    expect(sent).toEqual([]);
    expect((await readQueue()).tickets.map((t) => t.ticketId).sort()).toEqual([quiet, snoozed].sort());
  });

  it('with “only on solved” off, prompts after an update to my ticket that stays open', async () => {
    await writePromptSettings(connectionId, { ...DEFAULT_PROMPT_SETTINGS, onlyOnSolved: false });
    const ticketId = openTicket();
    sim.zendesk.setTicketStatus(ticketId, 'pending');
    await report(ticketId, 'updated');
    expect(sent.map((m) => m.data.ticketId)).toEqual([ticketId]);
  });
});

describe('saving from the card', () => {
  const scores = Object.fromEntries(DEFAULT_STANDARD_SET.standards.map((s) => [s.id, 4 as const]));
  const rating = (ticketId: string) => ({
    ticketId,
    standardSetId: DEFAULT_STANDARD_SET.id,
    standardSetVersion: DEFAULT_STANDARD_SET.version,
    scores,
    prediction: 'good',
  });

  it('stores the same record the popup would, and the badge drops', async () => {
    const ticketId = openTicket();
    sim.zendesk.setTicketStatus(ticketId, 'solved');
    await report(ticketId);
    expect(await contentHandlers.saveCardRating(rating(ticketId), { tabId: 7, origin })).toEqual({ ok: true });
    const stored = await getDb().assessments.get(`${origin}#${ticketId}`);
    expect(stored).toMatchObject({
      ticket: { kind: 'zendesk', origin, ticketId },
      agentId: agent().agentId,
      scores,
      predictedCsat: { scale: 'good-bad', value: 'good', normalized: 1, satisfied: true },
      notes: { gotInTheWay: '', worked: '' },
    });
    expect(await refreshBadge()).toBe(0);
  });

  it('refuses a ticket GapLens has not seen done', async () => {
    const result = await contentHandlers.saveCardRating(rating(openTicket()), { tabId: 7, origin });
    expect(result.ok).toBe(false);
    expect(await getDb().assessments.count()).toBe(0);
  });
});

it('the unrated queue learns from the API what the agent solved since the last check', async () => {
  const ticketId = openTicket();
  sim.zendesk.setTicketStatus(ticketId, 'solved');
  await checkSolvedTickets();
  const queue = await readQueue();
  expect(queue.tickets.map((t) => t.ticketId)).toContain(ticketId);
  const expected = sim.zendesk.data.tickets.filter(
    (t) =>
      String(t.assigneeId) === agent().agentId &&
      (t.status === 'solved' || t.status === 'closed') &&
      t.updatedAt >= Date.parse(queue.tickets.at(-1)!.doneAt),
  );
  expect(queue.tickets).toHaveLength(expected.length);
  expect(queue.checkedUntil[connectionId]).toBeDefined();
  expect(sent).toEqual([]);
});

it('forgets a removed connection’s queue, settings and page checks', async () => {
  const ticketId = openTicket();
  sim.zendesk.setTicketStatus(ticketId, 'solved');
  await writePromptSettings(connectionId, { ...DEFAULT_PROMPT_SETTINGS, enabled: false });
  await checkSolvedTickets();
  expect((await readQueue()).tickets.length).toBeGreaterThan(0);
  await getDb().connections.clear();
  await checkSolvedTickets();
  expect(await readQueue()).toMatchObject({ tickets: [], checkedUntil: {}, snoozedUntil: {} });
  expect(await readAllPromptSettings()).toEqual({});
});
