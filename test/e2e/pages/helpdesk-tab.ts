/// <reference types="chrome" />
import { expect, type Page } from '@playwright/test';
import { zendeskPageStyle } from '../../helpdesk-sim/page-styles';
import type { ExtensionBrowser } from '../launch';
import type { OptionsPage } from './options-page';

/** A simulated Zendesk agent tab, driven by its data-test-id hooks, and GapLens's card in it. */
export class HelpdeskTab {
  constructor(readonly page: Page) {}

  hook(name: keyof typeof zendeskPageStyle.testIds) {
    return this.page.locator(`[data-test-id="${zendeskPageStyle.testIds[name]}"]`);
  }

  /** The card's host; Playwright's locators pierce its (open) shadow root. */
  get card() {
    return this.page.locator('gaplens-card');
  }

  async solve(): Promise<void> {
    await this.hook('status').selectOption('solved');
    await this.hook('submit').click();
    await expect(this.hook('toast')).toContainText('Solved');
  }
}

/** Connects the simulator's Zendesk with an agent's API token through the options form. */
export async function connectZendesk(
  options: OptionsPage,
  origin: string,
  agent: { name: string; auth: { type: string; email?: string; token?: string } },
): Promise<void> {
  const page = options.page;
  if (agent.auth.type !== 'api-token' || !agent.auth.email || !agent.auth.token)
    throw new Error('a Zendesk agent token');
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByLabel('Helpdesk').selectOption({ label: 'Zendesk' });
  await form.getByLabel('Base URL').fill(origin);
  await form.getByLabel('Name', { exact: false }).fill('Sim Zendesk');
  await form.getByLabel('Sign in with').selectOption({ label: 'Email and API token' });
  await form.getByLabel('Email', { exact: true }).fill(agent.auth.email);
  await form.getByLabel('API token', { exact: true }).fill(agent.auth.token);
  await form.getByRole('button', { name: 'Save connection' }).click();
  await expect(page.getByRole('article', { name: 'Sim Zendesk' })).toContainText(`signed in as ${agent.name}`);
}

/** Reads `chrome.storage.local[key]` from an extension page. */
export function readLocal(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
}

export async function badgeText(ext: ExtensionBrowser): Promise<string> {
  const sw = await ext.serviceWorker();
  return sw.evaluate(() => chrome.action.getBadgeText({}));
}

/** The page script is registered (at run time) for exactly the connected origin. */
export async function waitForRegistration(options: OptionsPage, origin: string) {
  await expect
    .poll(() => options.page.evaluate(() => chrome.scripting.getRegisteredContentScripts()))
    .toEqual([expect.objectContaining({ id: 'gaplens-helpdesk', matches: [`${origin}/*`] })]);
}

export async function waitForPageScript(options: OptionsPage, ticketId: string) {
  // The page script reports its health check about 2 s after a ticket comes into view.
  await expect
    .poll(async () =>
      Object.values(((await readLocal(options.page, 'pageHealth')) ?? {}) as Record<string, { ticketId: string }>).map(
        (h) => h.ticketId,
      ),
    )
    .toContain(ticketId);
}
