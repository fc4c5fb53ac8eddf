import { browser } from 'wxt/browser';
import { z } from 'zod';
import { getDb } from '../db/db';
import { isoDateTimeSchema, ticketRefSchema, type TicketRef } from '../model';
import {
  DEFAULT_PROMPT_SETTINGS,
  PROMPT_SETTINGS_KEY,
  parsePromptSettingsMap,
  type PromptSettings,
} from './prompt-settings';
import { parseQueue, unratedTickets, type DoneTicket, type UnratedQueue } from './unrated-queue';

/*
 * Where the prompt feature keeps its state: `storage.local` (small, per device, readable by the
 * background and the extension's pages; never by a helpdesk page). Assessments stay in IndexedDB;
 * whether a queued ticket is rated is always looked up there.
 */

export const UNRATED_QUEUE_KEY = 'unratedQueue';
export const PAGE_HEALTH_KEY = 'pageHealth';

export async function readQueue(): Promise<UnratedQueue> {
  const stored = await browser.storage.local.get(UNRATED_QUEUE_KEY);
  return parseQueue(stored[UNRATED_QUEUE_KEY]);
}

let queueWrites: Promise<unknown> = Promise.resolve();

/** Read-modify-write of the queue, one at a time in this context (checks and saves overlap). */
export function updateQueue(change: (queue: UnratedQueue) => UnratedQueue): Promise<UnratedQueue> {
  const run = queueWrites.then(async () => {
    const next = change(await readQueue());
    await browser.storage.local.set({ [UNRATED_QUEUE_KEY]: next });
    return next;
  });
  queueWrites = run.catch(() => undefined);
  return run;
}

/** Keys of the tickets among `keys` that have an assessment (one indexed read, whatever the table size). */
export async function ratedKeys(keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const found = await getDb().assessments.bulkGet([...keys]);
  return new Set(keys.filter((_, index) => found[index] !== undefined));
}

/** Done and not yet rated, newest first: the popup's list and the badge's source. */
export async function readUnrated(): Promise<DoneTicket[]> {
  const queue = await readQueue();
  const rated = await ratedKeys(queue.tickets.map((ticket) => ticket.ticketKey));
  return unratedTickets(queue, (key) => rated.has(key));
}

export async function readPromptSettings(connectionId: string): Promise<PromptSettings> {
  return (await readAllPromptSettings())[connectionId] ?? DEFAULT_PROMPT_SETTINGS;
}

export async function readAllPromptSettings(): Promise<Record<string, PromptSettings>> {
  const stored = await browser.storage.local.get(PROMPT_SETTINGS_KEY);
  return parsePromptSettingsMap(stored[PROMPT_SETTINGS_KEY]);
}

export async function writePromptSettings(connectionId: string, settings: PromptSettings): Promise<void> {
  const all = await readAllPromptSettings();
  await browser.storage.local.set({ [PROMPT_SETTINGS_KEY]: { ...all, [connectionId]: settings } });
}

/** The last health check of a connection's helpdesk page: which optional DOM hooks were found. */
export const pageHealthSchema = z.object({
  checkedAt: isoDateTimeSchema,
  ticketId: z.string(),
  statusControl: z.boolean(),
  submitControl: z.boolean(),
});
export type PageHealth = z.infer<typeof pageHealthSchema>;

export async function readPageHealth(): Promise<Record<string, PageHealth>> {
  const stored = (await browser.storage.local.get(PAGE_HEALTH_KEY))[PAGE_HEALTH_KEY];
  const parsed = z.record(z.string(), pageHealthSchema).safeParse(stored);
  return parsed.success ? parsed.data : {};
}

export async function writePageHealth(connectionId: string, health: PageHealth): Promise<void> {
  const all = await readPageHealth();
  await browser.storage.local.set({ [PAGE_HEALTH_KEY]: { ...all, [connectionId]: health } });
}

/** “Full form…” on the card: the ticket the popup should open with, for a short while. */
export const FULL_FORM_KEY = 'fullFormRequest';
const FULL_FORM_TTL_MS = 30_000;
const fullFormRequestSchema = z.object({ ticket: ticketRefSchema, at: z.number() });

export async function writeFullFormRequest(ticket: TicketRef): Promise<void> {
  await browser.storage.local.set({ [FULL_FORM_KEY]: { ticket, at: Date.now() } });
}

/** The ticket asked for by the card, once (it is cleared on read), if it is recent. */
export async function readFullFormRequest(): Promise<TicketRef | null> {
  const stored = (await browser.storage.local.get(FULL_FORM_KEY))[FULL_FORM_KEY];
  if (stored === undefined) return null;
  // Not awaited: the popup's time to interactive waits on nothing it does not need.
  void browser.storage.local.remove(FULL_FORM_KEY);
  const parsed = fullFormRequestSchema.safeParse(stored);
  return parsed.success && Date.now() - parsed.data.at < FULL_FORM_TTL_MS ? parsed.data.ticket : null;
}

/**
 * Drops everything kept for connections that no longer exist (removed, or “erase all my data”):
 * their queued tickets (customers' subject lines among them), checks, snoozes, settings and page checks.
 */
export async function forgetUnknownConnections(known: ReadonlySet<string>): Promise<void> {
  const keep = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([id]) => known.has(id)));
  await updateQueue((queue) => ({
    ...queue,
    tickets: queue.tickets.filter((ticket) => known.has(ticket.connectionId)),
    checkedUntil: keep(queue.checkedUntil),
    snoozedUntil: keep(queue.snoozedUntil),
  }));
  await browser.storage.local.set({
    [PROMPT_SETTINGS_KEY]: keep(await readAllPromptSettings()),
    [PAGE_HEALTH_KEY]: keep(await readPageHealth()),
  });
}
