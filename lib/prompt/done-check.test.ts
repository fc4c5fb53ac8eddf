import { describe, expect, it, vi } from 'vitest';
import type { TicketState } from '../helpdesks/types';
import type { Connection } from '../model';
import { createDoneChecker } from './done-check';

const connection = { id: 'c1', origin: 'https://acme.zendesk.com', agent: { id: '9' } } as Connection;
const state = (ticketId: string): TicketState => ({
  ticketId,
  status: 'solved',
  done: true,
  assigneeId: '9',
  subject: null,
  updatedAt: '2026-11-20T12:00:00.000Z',
});

function harness() {
  let clock = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const ticketStates = vi.fn(async (_c: Connection, ids: readonly string[]) => ids.map(state));
  const onChecked = vi.fn();
  const checker = createDoneChecker({
    ticketStates,
    onChecked,
    now: () => clock,
    setTimer: (fn, ms) => timers.push({ at: clock + ms, fn }),
  });
  const advance = async (ms: number) => {
    clock += ms;
    for (const timer of timers.splice(0).filter((t) => t.at <= clock)) timer.fn();
    timers.push(...[]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { checker, ticketStates, onChecked, advance, timers };
}

describe('done checks', () => {
  it('batches reports of one connection into one API call', async () => {
    const { checker, ticketStates, onChecked, advance } = harness();
    checker.report(connection, { ticketId: '1', tabId: 5, reason: 'left', domDone: null });
    checker.report(connection, { ticketId: '2', tabId: 5, reason: 'left', domDone: null });
    checker.report(connection, { ticketId: '1', tabId: 6, reason: 'updated', domDone: null });
    await advance(1000);
    expect(ticketStates).toHaveBeenCalledTimes(1);
    expect(ticketStates.mock.calls[0]![1]).toEqual(['1', '2']);
    expect(onChecked).toHaveBeenCalledTimes(2);
    expect(onChecked.mock.calls[0]![2]).toHaveLength(2);
  });

  it('asks at once when the page already shows done, yet never twice within the minimum interval', async () => {
    const { checker, ticketStates, advance, timers } = harness();
    checker.report(connection, { ticketId: '1', tabId: 5, reason: 'updated', domDone: true });
    await advance(100);
    expect(ticketStates).toHaveBeenCalledTimes(1);
    checker.report(connection, { ticketId: '2', tabId: 5, reason: 'updated', domDone: true });
    expect(timers[0]!.at).toBe(2100);
    await advance(2000);
    expect(ticketStates).toHaveBeenCalledTimes(2);
  });
});
