/// <reference types="chrome" />
import { DEFAULT_STANDARD_SET } from '../../lib/model/default-standard-set';
import { conversationNumber } from '../helpdesk-sim/helpscout-json';
import { expect, test } from './fixtures';
import { readAll } from './pages/idb';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';

/** A digit per standard of the default set, `n` where N/A is allowed. */
const KEYS = ['4', '5', 'n', '3', '4', '5', '4', '2'];

test('Help Scout: connect with App ID and secret, sync, rate a conversation from its agent-UI URL, see it matched', async ({
  ext,
  sim,
}) => {
  const origin = sim.helpscout.origin;
  const agent = sim.helpscout.credentials.agents[0]!;
  if (agent.auth.type !== 'oauth-client') throw new Error('Help Scout credentials are an App ID and secret');
  const mine = sim.helpscout.data.ratings.filter((rating) => String(rating.assigneeId) === agent.agentId);
  // A conversation of this agent's that the customer rated “not good”: predicting “great” makes a gap of +1.
  const rated = mine.find((rating) => rating.score === 'not_good')!;
  const ticket = sim.helpscout.data.tickets.find((t) => t.id === rated.ticketId)!;

  const options = await OptionsPage.open(ext);
  const page = options.page;
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByLabel('Helpdesk').selectOption({ label: 'Help Scout' });
  await form.getByLabel('Base URL').fill(origin);
  await form.getByLabel('Name', { exact: false }).fill('Sim Help Scout');
  await form.getByLabel('App ID', { exact: true }).fill(agent.auth.clientId);

  // A wrong secret first: the token endpoint refuses the app, and the form says so.
  await form.getByLabel('App secret', { exact: true }).fill('not-the-secret');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-result')).toContainText(/invalid or revoked/);
  await form.getByLabel('App secret', { exact: true }).fill(agent.auth.clientSecret);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-result')).toContainText(`Connected as ${agent.name} (id ${agent.agentId})`);
  await form.getByRole('button', { name: 'Save connection' }).click();

  const card = page.getByRole('article', { name: 'Sim Help Scout' });
  await expect(card).toContainText(`signed in as ${agent.name} (id ${agent.agentId})`);
  // The simulator serves API and agent pages on one origin: host access for exactly that one.
  expect((await page.evaluate(() => chrome.permissions.getAll())).origins).toEqual([`${origin}/*`]);

  // An agent's app may not read the company report: the agent path reads the agent's own ratings.
  await card.getByRole('button', { name: 'Sync now' }).click();
  await expect(card.locator('dt:text("Ratings stored") + dd')).toHaveText(String(mine.length), { timeout: 30_000 });
  const stored = await readAll(page, 'csatRatings');
  expect(new Set(stored.map((rating) => rating.sourceId))).toEqual(new Set(mine.map((rating) => String(rating.id))));
  expect(stored.find((rating) => rating.ticketId === String(ticket.id))).toMatchObject({
    kind: 'helpscout',
    rating: { scale: 'great-okay-not-good', value: 'not_good', normalized: 0, satisfied: false },
  });
  // The token stayed in the background: nothing stored carries the secret.
  expect(JSON.stringify(await readAll(page, 'connections'))).not.toContain(agent.auth.clientSecret);

  // The conversation in the agent UI: /conversation/{id}/{number}; GapLens keys it by the id.
  const tab = await ext.context.newPage();
  await tab.goto(`${origin}/conversation/${ticket.id}/${conversationNumber(ticket)}`);
  const popup = await PopupPage.openFor(ext, tab);
  await expect(popup.page.getByRole('heading', { level: 1 })).toHaveText(`Help Scout · #${ticket.id}`);
  await expect(popup.page.getByText(DEFAULT_STANDARD_SET.name)).toBeVisible();
  for (const key of KEYS) await popup.page.keyboard.press(key);
  await popup.page.keyboard.press('3'); // Help Scout's scale from the worst: 1 not good, 2 okay, 3 great
  await popup.page.keyboard.press('Enter');
  await expect(popup.status).toHaveText(`Saved #${ticket.id} · edit any time`);
  await popup.close();
  expect((await readAll(page, 'assessments'))[0]).toMatchObject({
    ticket: { kind: 'helpscout', origin, ticketId: String(ticket.id) },
    predictedCsat: { scale: 'great-okay-not-good', value: 'great', normalized: 1, satisfied: true },
  });

  // The side panel pairs the prediction with the customer's verdict.
  const panel = await SidePanelPage.open(ext);
  const row = panel.page.getByTestId('ticket-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`#${ticket.id}`);
  await expect(row).toContainText(/not good/i);
  await expect(row.locator('td').last()).toHaveText('+1.00');
});
