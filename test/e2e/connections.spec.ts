/// <reference types="chrome" />
import type { Simulator } from '../helpdesk-sim';
import { expect, test } from './fixtures';
import { readAll } from './pages/idb';
import { OptionsPage } from './pages/options-page';

/** What the simulator's Zendesk would answer to `score=received`, counted from its raw data. */
function answeredZendeskRatings(sim: Simulator): number {
  return sim.zendesk.data.ratings.filter((r) => r.score === 'good' || r.score === 'bad').length;
}

test('connect to the helpdesk through the options page, sync, then survive a revoked token', async ({ ext, sim }) => {
  const options = await OptionsPage.open(ext);
  const page = options.page;
  const admin = sim.zendesk.credentials.admin;
  if (admin.auth.type !== 'api-token') throw new Error('the simulator’s Zendesk admin uses an API token');
  const origin = sim.zendesk.origin;

  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByLabel('Helpdesk').selectOption({ label: 'Zendesk' });
  await form.getByLabel('Base URL').fill(origin);
  await form.getByLabel('Name', { exact: false }).fill('Simulator Zendesk');
  await form.getByLabel('Sign in with').selectOption({ label: 'Email and API token' });
  await form.getByLabel('Email', { exact: true }).fill(admin.auth.email);
  await form.getByLabel('API token', { exact: true }).fill(admin.auth.token);

  // A wrong token first: a specific error, nothing saved.
  await form.getByLabel('API token', { exact: true }).fill('not-the-token');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-result')).toContainText(/credentials|token/i);
  await form.getByLabel('API token', { exact: true }).fill(admin.auth.token);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-result')).toContainText(admin.name);
  await expect(page.getByTestId('connection-result')).toContainText(admin.agentId);
  await form.getByRole('button', { name: 'Save connection' }).click();

  const card = page.getByRole('article', { name: 'Simulator Zendesk' });
  await expect(card).toContainText(`signed in as ${admin.name} (id ${admin.agentId})`);
  // Host access was asked for exactly this origin, nothing broader.
  const granted = await page.evaluate(() => chrome.permissions.getAll());
  expect(granted.origins).toEqual([`${origin}/*`]);

  await card.getByRole('button', { name: 'Sync now' }).click();
  const expected = answeredZendeskRatings(sim);
  expect(expected).toBeGreaterThan(50);
  const stored = card.locator('dt:text("Ratings stored") + dd');
  await expect(stored).toHaveText(String(expected), { timeout: 30_000 });
  await expect(card.locator('dt:text("Last successful sync") + dd')).not.toHaveText('never');
  const ratings = await readAll(page, 'csatRatings');
  expect(ratings).toHaveLength(expected);
  expect(new Set(ratings.map((r) => r.sourceId)).size).toBe(expected);

  // The admin's token is revoked in the helpdesk: the next sync says so and deletes nothing.
  sim.zendesk.revokeToken(admin.auth.token);
  await card.getByRole('button', { name: 'Sync now' }).click();
  await expect(card.locator('dt:text("Last error") + dd')).toContainText(/invalid or revoked/i, { timeout: 30_000 });
  await expect(stored).toHaveText(String(expected));
  expect(await readAll(page, 'csatRatings')).toHaveLength(expected);
  // Credentials never reach a page: the connection record carries none.
  const [connection] = await readAll(page, 'connections');
  expect(JSON.stringify(connection)).not.toContain(admin.auth.token);
});
