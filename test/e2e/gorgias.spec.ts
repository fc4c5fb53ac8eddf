/// <reference types="chrome" />
import { expect, test } from './fixtures';
import { readAll } from './pages/idb';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';

/** Keys for the default set, in order: a digit per standard, `n` where N/A is allowed. */
const KEYS = ['4', '4', 'n', '5', '4', '5', '4', '4'];

test('Gorgias: connect with e-mail and API key, sync, rate a ticket from its /app/ticket URL, see it matched in the side panel', async ({
  ext,
  sim,
}) => {
  const origin = sim.gorgias.origin;
  const admin = sim.gorgias.credentials.admin;
  if (admin.auth.type !== 'api-token') throw new Error('the simulator’s Gorgias lead signs in with e-mail and API key');
  const options = await OptionsPage.open(ext);
  const page = options.page;
  await options.addHelpdeskAddress('Gorgias', origin);

  // Connect through the form: Gorgias asks for the e-mail and an “API key” (stored as an api-token).
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByLabel('Helpdesk').selectOption({ label: 'Gorgias' });
  await expect(form.getByLabel('Base URL')).toHaveAttribute('placeholder', 'https://acme.gorgias.com');
  await form.getByLabel('Base URL').fill(origin);
  await form.getByLabel('Name', { exact: false }).fill('Simulator Gorgias');
  await expect(form.getByLabel('Sign in with')).toHaveCount(0);
  await form.getByLabel('Email', { exact: true }).fill(admin.auth.email);
  await form.getByLabel('API key', { exact: true }).fill('not-the-key');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-result')).toContainText(/credentials|token/i);
  await form.getByLabel('API key', { exact: true }).fill(admin.auth.token);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-result')).toContainText(`Connected as ${admin.name} (id ${admin.agentId})`);
  await form.getByRole('button', { name: 'Save connection' }).click();
  const card = page.getByRole('article', { name: 'Simulator Gorgias' });
  await expect(card).toContainText(`signed in as ${admin.name} (id ${admin.agentId})`);

  // Sync: every answered survey is stored; unanswered ones (score null) are not ratings.
  await card.getByRole('button', { name: 'Sync now' }).click();
  const answered = sim.gorgias.data.ratings.filter((rating) => rating.score !== 'offered');
  expect(answered.length).toBeGreaterThan(50);
  expect(sim.gorgias.data.ratings.length).toBeGreaterThan(answered.length);
  await expect(card.locator('dt:text("Ratings stored") + dd')).toHaveText(String(answered.length), {
    timeout: 30_000,
  });
  const stored = await readAll(page, 'csatRatings');
  expect(stored).toHaveLength(answered.length);
  // Surveys name no agent: each rating carries its ticket's assignee.
  const byTicket = new Map(stored.map((row) => [String(row.ticketKey), row]));
  const rated = sim.gorgias.data.tickets.find((t) => t.rating && t.rating.score === 2 && t.assigneeId !== null)!;
  expect(byTicket.get(`${origin}#${rated.id}`)).toMatchObject({
    agentId: String(rated.assigneeId),
    rating: { scale: 'five-point', value: 2, normalized: 0.25, satisfied: false },
  });

  // Rate that ticket from its agent-UI URL, with the keyboard, predicting a satisfied 4 of 5.
  const tab = await ext.context.newPage();
  await tab.goto(`${origin}/app/ticket/${rated.id}`);
  await expect(tab.locator('[data-test-id="ticket-status-select"]')).toBeVisible();
  const popup = await PopupPage.openFor(ext, tab);
  await expect(popup.page.getByRole('heading', { level: 1 })).toHaveText(`Gorgias · #${rated.id}`);
  for (const key of KEYS) await popup.page.keyboard.press(key);
  await popup.page.keyboard.press('4');
  await popup.page.keyboard.press('Enter');
  await expect(popup.status).toHaveText(`Saved #${rated.id} · edit any time`);
  await popup.close();
  const [assessment] = await readAll(page, 'assessments');
  expect(assessment).toMatchObject({
    ticket: { kind: 'gorgias', origin, ticketId: String(rated.id) },
    predictedCsat: { scale: 'five-point', value: 4, normalized: 0.75, satisfied: true },
  });

  // The side panel pairs the prediction with the customer's 2 of 5: overestimated by 0.50.
  const panel = await SidePanelPage.open(ext);
  const row = panel.page.getByTestId('ticket-row');
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await expect(row.getByRole('link', { name: `Gorgias ticket #${rated.id}` })).toHaveAttribute(
    'href',
    `${origin}/app/ticket/${rated.id}`,
  );
  await expect(row.locator('td').nth(1)).toHaveText('4 of 5');
  await expect(row.locator('td').nth(2)).toContainText('2 of 5');
  await expect(row.locator('td').last()).toHaveText('+0.50');
});
