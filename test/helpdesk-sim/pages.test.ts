import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './index';
import { first } from './test-support';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The page script only runs in a browser; CI installs Chromium for the e2e tests anyway.
describe.skipIf(!existsSync(executablePath))('agent ticket pages in Chromium', () => {
  let sim: Simulator;
  let browser: Browser;

  beforeAll(async () => {
    [sim, browser] = await Promise.all([startSimulator({ seed: 6, ticketsPerAgent: 20 }), chromium.launch({ executablePath })]);
  }, 20_000);
  afterAll(async () => {
    await browser?.close();
    await sim?.close();
  });

  it('moves to the next ticket in-page with pushState, and back', async () => {
    const page = await browser.newPage();
    const [one, two] = sim.zendesk.data.tickets;
    if (!one || !two) throw new Error('too few tickets');
    await page.goto(`${sim.zendesk.origin}/agent/tickets/${one.id}`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.click('[data-test-id="ticket-pager-next"]');
    await page.waitForURL(`**/agent/tickets/${two.id}`);
    expect(await page.inputValue('[data-test-id="omni-header-subject"]')).toBe(two.subject);
    // Still the same document: no full reload happened.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await page.goBack();
    await page.waitForURL(`**/agent/tickets/${one.id}`);
    await expect.poll(() => page.inputValue('[data-test-id="omni-header-subject"]')).toBe(one.subject);
    await page.close();
  });

  it('submits a status change that lands in the data', async () => {
    const page = await browser.newPage();
    const ticket = first(sim.freshdesk.data.tickets.filter((t) => t.status !== 'solved'));
    await page.goto(`${sim.freshdesk.origin}/a/tickets/${ticket.id}`);
    await page.selectOption('[data-test-id="ticket-properties-status"]', { label: 'Resolved' });
    expect(await page.textContent('[data-test-id="ticket-properties-update"]')).toBe('Submit as Resolved');
    await page.fill('[data-test-id="reply-editor"]', 'Fixed, thanks for your patience.');
    await page.click('[data-test-id="ticket-properties-update"]');
    await expect.poll(() => page.textContent('[data-test-id="ticket-toast"]')).toMatch(/updated: Resolved/);
    expect(ticket.status).toBe('solved');
    await page.close();
  });
});
