/// <reference types="chrome" />
import { signed } from '../../entrypoints/sidepanel/wording';
import { expect, test } from './fixtures';
import { startSimulator } from '../helpdesk-sim';
import { readAll } from './pages/idb';
import { waitForPageScript, waitForRegistration } from './pages/helpdesk-tab';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';

type IntercomAgent = { name: string; agentId: string; auth: { type: string; token?: string } };

/** Adds the simulator's Intercom through Options → Connections with the agent's access token. */
async function connectIntercom(
  options: OptionsPage,
  origin: string,
  agent: IntercomAgent,
  { tryWrongTokenFirst = false } = {},
) {
  const page = options.page;
  if (agent.auth.type !== 'oauth-token' || !agent.auth.token) throw new Error('an Intercom access token');
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByLabel('Helpdesk').selectOption({ label: 'Intercom' });
  await form.getByLabel('Base URL').fill(origin);
  await form.getByLabel('Name', { exact: false }).fill('Sim Intercom');
  // One kind of credential: no “Sign in with” choice.
  await expect(form.getByLabel('Sign in with')).toHaveCount(0);
  const token = form.getByLabel('OAuth access token', { exact: true });
  if (tryWrongTokenFirst) {
    await token.fill('not-the-token');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('connection-result')).toContainText(/credentials|token/i);
  }
  await token.fill(agent.auth.token);
  await form.getByRole('button', { name: 'Save connection' }).click();
  const card = page.getByRole('article', { name: 'Sim Intercom' });
  await expect(card).toContainText(`signed in as ${agent.name} (id ${agent.agentId})`);
  return card;
}

/** The default standard set's eight standards, rated by digit (N/A where the third allows it). */
const STANDARD_KEYS = ['4', '5', 'n', '3', '4', '5', '4', '2'];

test('Intercom: connect with an access token, sync, rate a conversation from its inbox URL, see it matched', async ({
  ext,
  sim,
}) => {
  test.setTimeout(90_000);
  const intercom = sim.intercom;
  const origin = intercom.origin;
  // An agent and one of their closed conversations the customer rated 1–5.
  const agent = intercom.credentials.agents[0]!;
  const conversation = intercom.data.tickets.find(
    (ticket) => String(ticket.handledBy) === agent.agentId && ticket.rating !== null,
  )!;
  const customerSaid = Number(conversation.rating!.score);
  const conversationId = String(conversation.id);

  // Connect through the options page: Intercom takes one kind of credential, an access token.
  const options = await OptionsPage.open(ext);
  const page = options.page;
  const card = await connectIntercom(options, origin, agent, { tryWrongTokenFirst: true });
  // The simulator serves API and inbox on one origin: host access for that origin alone.
  expect((await page.evaluate(() => chrome.permissions.getAll())).origins).toEqual([`${origin}/*`]);

  // Sync: every rated conversation of the workspace, once each, keyed by conversation id.
  await card.getByRole('button', { name: 'Sync now' }).click();
  const expected = intercom.data.tickets.filter((ticket) => ticket.rating !== null).length;
  expect(expected).toBeGreaterThan(50);
  await expect(card.locator('dt:text("Ratings stored") + dd')).toHaveText(String(expected), { timeout: 30_000 });
  const stored = await readAll(page, 'csatRatings');
  expect(new Set(stored.map((rating) => rating.ticketKey)).size).toBe(expected);
  // Every request carried the API version GapLens was written against (the simulator refuses others).
  expect(intercom.requestLog.filter((request) => request.status === 400)).toEqual([]);

  // Open the conversation in the (simulated) inbox and rate it from the toolbar popup.
  const tab = await ext.context.newPage();
  await tab.goto(`${origin}/a/inbox/sim0app1/inbox/shared/all/conversation/${conversationId}`);
  await expect(tab.locator('[data-test-id="conversation-state-select"]')).toHaveValue('closed');
  const popup = await PopupPage.openFor(ext, tab);
  await expect(popup.page.getByRole('heading', { level: 1 })).toHaveText(`Intercom · #${conversationId}`);
  for (const key of STANDARD_KEYS) await popup.page.keyboard.press(key);
  await popup.page.keyboard.press('5'); // the prediction on Intercom's 1–5 scale
  await popup.page.keyboard.press('Enter');
  await expect(popup.status).toHaveText(`Saved #${conversationId} · edit any time`);
  // Blind first, then reveal: the customer's verdict appears once the agent's own is saved.
  await expect(popup.page.getByTestId('verdict')).toContainText(
    `The customer said ${customerSaid} of 5 — you predicted 5 of 5.`,
  );
  await popup.close();

  const [assessment] = await readAll(page, 'assessments');
  expect(assessment).toMatchObject({
    ticketKey: `${origin}#${conversationId}`,
    ticket: { kind: 'intercom', origin, ticketId: conversationId },
    predictedCsat: { scale: 'five-point', value: 5, normalized: 1, satisfied: true },
  });

  // The side panel matches it with the customer's rating.
  const panel = await SidePanelPage.open(ext);
  const rows = panel.page.getByTestId('ticket-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`#${conversationId}`);
  await expect(rows.first()).toContainText(`${customerSaid} of 5`);
  // Gap = predicted − actual on [0, 1]: 1 − (r − 1) / 4.
  await expect(rows.first().locator('td').last()).toHaveText(signed(1 - (customerSaid - 1) / 4));
});

test('Intercom: closing a conversation in the inbox prompts, and the card saves on the 1–5 scale', async ({ ext }) => {
  // The simulator's clock is the real one here, so a conversation closed now is closed today.
  const sim = await startSimulator({ now: new Date() });
  try {
    const origin = sim.intercom.origin;
    const agent = sim.intercom.credentials.agents[0]!;
    const conversation = sim.intercom.data.tickets.find((t) => String(t.assigneeId) === agent.agentId)!;
    sim.intercom.setTicketStatus(String(conversation.id), 'open');
    const options = await OptionsPage.open(ext);
    await connectIntercom(options, origin, agent);
    await waitForRegistration(options, origin);

    const tab = await ext.context.newPage();
    await tab.goto(`${origin}/a/inbox/sim0app1/inbox/shared/all/conversation/${conversation.id}`);
    await waitForPageScript(options, String(conversation.id));
    await tab.locator('[data-test-id="conversation-state-select"]').selectOption('closed');
    await tab.locator('[data-test-id="conversation-state-submit"]').click();
    // The page's “closed” is only a hint: the card appears once the API says `state: closed`.
    const card = tab.locator('gaplens-card');
    await expect(card).toContainText(`Intercom #${conversation.id} is done`);
    for (const key of STANDARD_KEYS) await tab.keyboard.press(key);
    await tab.keyboard.press('4'); // 4 of 5
    await tab.keyboard.press('Enter');
    await expect(card).toHaveCount(0);
    await expect.poll(async () => (await readAll(options.page, 'assessments')).length).toBe(1);
    expect((await readAll(options.page, 'assessments'))[0]).toMatchObject({
      ticket: { kind: 'intercom', origin, ticketId: String(conversation.id) },
      predictedCsat: { scale: 'five-point', value: 4, normalized: 0.75, satisfied: true },
    });
  } finally {
    await sim.close();
  }
});
