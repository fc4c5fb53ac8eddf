/// <reference types="chrome" />
import { DEFAULT_STANDARD_SET } from '../../lib/model/default-standard-set';
import { startSimulator, type Simulator } from '../helpdesk-sim';
import { expect, test as base } from './fixtures';
import { readAll } from './pages/idb';
import {
  HelpdeskTab,
  badgeText,
  connectZendesk,
  readLocal,
  waitForPageScript,
  waitForRegistration,
} from './pages/helpdesk-tab';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

/** A simulator whose clock is the real one, so “solved today” is today for the badge too. */
const test = base.extend<{ liveSim: Simulator }>({
  // eslint-disable-next-line no-empty-pattern
  liveSim: async ({}, use) => {
    const sim = await startSimulator({ now: new Date() });
    await use(sim);
    await sim.close();
  },
});

/** A digit per standard of the default set (`n` where N/A is allowed), as in the popup. */
const KEYS = ['4', '5', 'n', '3', '4', '5', '4', '2'];
const EXPECTED_SCORES = Object.fromEntries(
  DEFAULT_STANDARD_SET.standards.map((s, i) => [s.id, KEYS[i] === 'n' ? 'na' : Number(KEYS[i])]),
);

/** Two neighbouring tickets (the page's “next” link joins them), assigned to `agentId` and open. */
function openPair(sim: Simulator, agentId: string) {
  const tickets = sim.zendesk.data.tickets;
  const index = Math.floor(tickets.length / 2);
  const pair = [tickets[index]!, tickets[index + 1]!];
  for (const ticket of pair) {
    ticket.assigneeId = Number(agentId);
    ticket.status = 'open';
    ticket.solvedAt = null;
  }
  return pair.map((ticket) => String(ticket.id)) as [string, string];
}

test('solve a ticket in the page, rate it on the card with keys only, follow in-page navigation', async ({
  ext,
  liveSim: sim,
}) => {
  const origin = sim.zendesk.origin;
  const agent = sim.zendesk.credentials.agents[0]!;
  const [first, second] = openPair(sim, agent.agentId);
  const options = await OptionsPage.open(ext);
  await connectZendesk(options, origin, agent);

  // Registered at run time, for exactly the connected origin; the manifest has none.
  await waitForRegistration(options, origin);
  const manifest = await options.page.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.content_scripts ?? []).toEqual([]);

  const tab = new HelpdeskTab(await ext.context.newPage());
  await tab.page.goto(`${origin}/agent/tickets/${first}`);
  await waitForPageScript(options, first);
  await expect(options.page.getByTestId('page-check')).toContainText('status control and submit button found');
  // The badge counts what the API says the agent solved today (the queue check ran on connect).
  await expect.poll(() => readLocal(options.page, 'unratedQueue')).toBeTruthy();
  const before = Number((await badgeText(ext)) || '0');

  await tab.solve();
  await expect(tab.card.getByRole('dialog')).toBeVisible();
  // The card sits clear of the helpdesk's submit control.
  const [cardBox, submitBox] = [
    await tab.card.getByRole('dialog').boundingBox(),
    await tab.hook('submit').boundingBox(),
  ];
  const overlaps =
    cardBox!.x < submitBox!.x + submitBox!.width &&
    submitBox!.x < cardBox!.x + cardBox!.width &&
    cardBox!.y < submitBox!.y + submitBox!.height &&
    submitBox!.y < cardBox!.y + cardBox!.height;
  expect(overlaps).toBe(false);
  expect(await tab.page.evaluate(() => document.querySelector('gaplens-card')?.shadowRoot !== null)).toBe(true);
  await expect(tab.card).toContainText(`#${first} is done`);
  await expect.poll(() => badgeText(ext)).toBe(String(before + 1));

  // Keys only: focus stays where the agent left it (the Submit button), which is not a text field.
  for (const key of KEYS) await tab.page.keyboard.press(key);
  await tab.page.keyboard.press('2'); // Zendesk: 2 = good
  await tab.page.keyboard.press('Enter');
  await expect(tab.card).toHaveCount(0);

  await expect.poll(async () => (await readAll(options.page, 'assessments')).length).toBe(1);
  const [stored] = await readAll(options.page, 'assessments');
  expect(stored).toMatchObject({
    ticketKey: `${origin}#${first}`,
    ticket: { kind: 'zendesk', origin, ticketId: first },
    agentId: agent.agentId,
    scores: EXPECTED_SCORES,
    predictedCsat: { scale: 'good-bad', value: 'good' },
  });
  await expect.poll(() => badgeText(ext)).toBe(before === 0 ? '' : String(before));

  // In-page navigation to the next ticket: the page script follows it.
  await tab.hook('next').click();
  await expect(tab.page).toHaveURL(`${origin}/agent/tickets/${second}`);
  await tab.solve();
  await expect(tab.card).toContainText(`#${second} is done`);

  // Typing in the reply box while the card is up: every keystroke stays in the helpdesk.
  const typed = 'Thanks! 1 2 3 4 5 n N\tok';
  await tab.hook('reply').click();
  await tab.page.keyboard.type('Thanks! 1 2 3 4 5 n N');
  await tab.page.keyboard.press('Enter');
  await tab.page.keyboard.type('ok');
  await expect(tab.hook('reply')).toHaveValue(typed.replace('\t', '\n'));
  await expect(tab.card).toBeVisible();
  await expect(tab.card.locator('.value').first()).toHaveText('·');

  // Esc (outside the text field) is “rate later”: the card goes, the ticket stays unrated.
  await tab.hook('ticketId').click();
  await tab.page.keyboard.press('Escape');
  await expect(tab.card).toHaveCount(0);
  expect(await readAll(options.page, 'assessments')).toHaveLength(1);
  await expect.poll(() => badgeText(ext)).toBe(String(before + 1));

  // The popup, away from any ticket, lists it under “solved, not yet rated”; rated from the list,
  // it is the same kind of record, and the badge drops again.
  const popup = await PopupPage.openFor(ext, options.page);
  const unrated = popup.page.getByRole('list', { name: 'Solved, not yet rated' });
  await expect(unrated.getByRole('listitem').first()).toContainText(`#${second}`);
  await unrated.getByRole('button', { name: `Rate Zendesk #${second}` }).click();
  await expect(popup.page.getByRole('heading', { level: 1 })).toHaveText(`Zendesk · #${second}`);
  for (const key of KEYS) await popup.page.keyboard.press(key);
  await popup.page.keyboard.press('1');
  await popup.page.keyboard.press('Enter');
  await expect(popup.status).toHaveText(`Saved #${second} · edit any time`);
  await popup.close();
  const saved = await readAll(options.page, 'assessments');
  expect(saved.map((a) => a.ticketKey).sort()).toEqual([`${origin}#${first}`, `${origin}#${second}`].sort());
  expect(saved.find((a) => a.ticketKey === `${origin}#${second}`)).toMatchObject({
    scores: EXPECTED_SCORES,
    predictedCsat: { scale: 'good-bad', value: 'bad' },
  });
  await expect.poll(() => badgeText(ext)).toBe(before === 0 ? '' : String(before));
});

test('a hostile page cannot show the card or store an assessment by imitating the page script', async ({
  ext,
  liveSim: sim,
}) => {
  const origin = sim.zendesk.origin;
  const agent = sim.zendesk.credentials.agents[0]!;
  const [ticketId, other] = openPair(sim, agent.agentId);
  const options = await OptionsPage.open(ext);
  await connectZendesk(options, origin, agent);
  await waitForRegistration(options, origin);
  const tab = new HelpdeskTab(await ext.context.newPage());
  await tab.page.goto(`${origin}/agent/tickets/${ticketId}`);
  await waitForPageScript(options, ticketId);

  const scores = Object.fromEntries(DEFAULT_STANDARD_SET.standards.map((s) => [s.id, 5]));
  // Everything below runs as the helpdesk page's own scripts (the main world), not as GapLens.
  const reachedRuntime = await tab.page.evaluate(
    async ({ ticketId, other, scores, extensionId }) => {
      const save = { ticketId, standardSetId: 'gaplens-default', standardSetVersion: 1, scores, prediction: 'good' };
      const card = {
        ticketId,
        label: 'Zendesk',
        subject: 'Fake',
        standardSetId: 'gaplens-default',
        standardSetVersion: 1,
        standards: [],
        predictionPoints: [],
        autoHideMs: 60_000,
      };
      for (const message of [
        { channel: 'gaplens:content', type: 'saveCardRating', data: save, timestamp: Date.now() },
        {
          channel: 'gaplens:content',
          type: 'reportTicketEvent',
          data: { event: 'updated', ticketId, domStatus: 'solved' },
        },
        { channel: 'gaplens:prompt', type: 'showPrompt', data: card },
      ]) {
        window.postMessage(message, '*');
        document.dispatchEvent(new CustomEvent(message.channel, { detail: message }));
        window.dispatchEvent(new MessageEvent('message', { data: message, origin: location.origin }));
      }
      // A page has no runtime messaging to an extension that does not list it as externally connectable.
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      let reached = false;
      if (typeof runtime?.sendMessage === 'function') {
        try {
          await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(extensionId, {
            channel: 'gaplens:content',
            type: 'saveCardRating',
            data: save,
            timestamp: Date.now(),
          });
          reached = true;
        } catch {
          reached = false;
        }
      }
      // Fake a solve: the status select says solved, a synthetic submit, keys, then a fake “leave”.
      const select = document.querySelector<HTMLSelectElement>('[data-test-id="ticket-fields-status-select"]')!;
      select.value = 'solved';
      // On a form of its own: the ticket form's real handler would really solve the ticket.
      const form = document.body.appendChild(document.createElement('form'));
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      form.remove();
      for (const key of ['4', '5', 'Enter']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      history.pushState({}, '', `/agent/tickets/${other}`);
      return reached;
    },
    { ticketId, other, scores, extensionId: ext.extensionId },
  );
  expect(reachedRuntime).toBe(false);

  // Long enough for a real report to be checked and answered (submit settle 1.5 s, batch 1 s, poll 1 s).
  await tab.page.waitForTimeout(5000);
  await expect(tab.card).toHaveCount(0);
  expect(sim.zendesk.data.tickets.find((t) => String(t.id) === ticketId)?.status).toBe('open');
  expect(await readAll(options.page, 'assessments')).toHaveLength(0);
  const queue = (await readLocal(options.page, 'unratedQueue')) as { tickets: { ticketId: string }[] } | undefined;
  expect((queue?.tickets ?? []).map((t) => t.ticketId)).not.toContain(ticketId);

  // The page script is alive: a real solve of the ticket now in view shows the card …
  await tab.page.goto(`${origin}/agent/tickets/${ticketId}`);
  await tab.solve();
  await expect(tab.card).toContainText(`#${ticketId} is done`);
  // … which the page's scripts can neither rate nor dismiss: synthetic keys and clicks are not the agent's.
  await tab.page.evaluate(() => {
    for (const key of ['5', '5', '5', '5', '5', '5', '5', '5', '2', 'Enter', 'Escape']) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }
    const root = document.querySelector('gaplens-card')?.shadowRoot;
    root?.querySelectorAll('button').forEach((button) => button.click());
  });
  await tab.page.waitForTimeout(1000);
  await expect(tab.card).toBeVisible();
  await expect(tab.card.locator('.value').first()).toHaveText('·');
  expect(await readAll(options.page, 'assessments')).toHaveLength(0);
});

test('when every selector fails the options page says so, and solving still prompts through the API', async ({
  ext,
  liveSim: sim,
}) => {
  const origin = sim.zendesk.origin;
  const agent = sim.zendesk.credentials.agents[0]!;
  const [ticketId] = openPair(sim, agent.agentId);
  const options = await OptionsPage.open(ext);
  await connectZendesk(options, origin, agent);
  await waitForRegistration(options, origin);
  // A short auto-hide for this connection (options, per connection).
  await options.page.getByLabel('Hide the card after').fill('5');
  await expect
    .poll(
      async () =>
        Object.values(
          ((await readLocal(options.page, 'promptSettings')) ?? {}) as Record<string, { autoHideSeconds: number }>,
        )[0]?.autoHideSeconds,
    )
    .toBe(5);
  const tab = new HelpdeskTab(await ext.context.newPage());
  // A helpdesk UI release renamed every hook the adapter knows: test ids, the status field's name and
  // the submit button's type. The page itself still works (its own script follows the rename).
  await tab.page.route(`${origin}/agent/tickets/**`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text())
      .replaceAll('data-test-id', 'data-qa')
      .replace('name="status"', 'name="state"')
      .replace('type="submit"', '');
    await route.fulfill({ response, body });
  });
  await tab.page.goto(`${origin}/agent/tickets/${ticketId}`);
  await waitForPageScript(options, ticketId);
  await expect(options.page.getByTestId('page-check')).toContainText(
    'Zendesk: status control not found, submit button not found',
  );

  await tab.page.locator('[data-qa="ticket-fields-status-select"]').selectOption('solved');
  await tab.page.locator('[data-qa="submit_button-button"]').click();
  await expect(tab.page.locator('[data-qa="toast-notification"]')).toContainText('Solved');
  await expect(tab.card).toContainText(`#${ticketId} is done`);
  // Nobody touched it: it hides itself after the configured 5 s; the ticket stays unrated.
  await expect(tab.card).toHaveCount(0, { timeout: 9_000 });

  // A browser restart (the extension is reinstalled with --load-extension) re-registers the script…
  const relaunched = await ext.relaunch();
  const again = await relaunched.context.newPage();
  await again.goto(relaunched.extensionUrl('options.html'));
  await waitForRegistration(new OptionsPage(again), origin);
  // … and removing the connection unregisters it.
  await again.getByRole('article', { name: 'Sim Zendesk' }).getByRole('button', { name: 'Remove…' }).click();
  await again.getByRole('button', { name: 'Remove Sim Zendesk' }).click();
  await expect.poll(() => again.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
});

test('Freshdesk: resolving a ticket in the agent portal prompts, and the card saves on Freshdesk’s scale', async ({
  ext,
  liveSim: sim,
}) => {
  const origin = sim.freshdesk.origin;
  const agent = sim.freshdesk.credentials.agents[0]!;
  if (agent.auth.type !== 'api-key') throw new Error('a Freshdesk agent API key');
  const ticket = sim.freshdesk.data.tickets.find((t) => String(t.assigneeId) === agent.agentId)!;
  ticket.status = 'open';
  ticket.solvedAt = null;
  const options = await OptionsPage.open(ext);
  await options.page.getByRole('button', { name: 'Add a connection' }).click();
  const form = options.page.getByRole('form', { name: 'Add a connection' });
  await form.getByLabel('Helpdesk').selectOption({ label: 'Freshdesk' });
  await form.getByLabel('Base URL').fill(origin);
  await form.getByLabel('Name', { exact: false }).fill('Sim Freshdesk');
  await form.getByLabel('API key', { exact: true }).fill(agent.auth.apiKey);
  await form.getByRole('button', { name: 'Save connection' }).click();
  await expect(options.page.getByRole('article', { name: 'Sim Freshdesk' })).toContainText(
    `signed in as ${agent.name}`,
  );
  await waitForRegistration(options, origin);

  const tab = await ext.context.newPage();
  await tab.goto(`${origin}/a/tickets/${ticket.id}`);
  await waitForPageScript(options, String(ticket.id));
  await tab.locator('[data-test-id="ticket-properties-status"]').selectOption('4');
  await tab.locator('[data-test-id="ticket-properties-update"]').click();
  const card = tab.locator('gaplens-card');
  await expect(card).toContainText(`Freshdesk #${ticket.id} is done`);
  // “Full form…” asks the background to open the popup on this ticket. (The popup window itself is
  // not reachable from Playwright here; the request it reads on opening is.)
  await card.getByRole('button', { name: 'Full form…' }).click();
  await expect
    .poll(() => readLocal(options.page, 'fullFormRequest'))
    .toMatchObject({ ticket: { kind: 'freshdesk', origin, ticketId: String(ticket.id) } });
  // Back in the page, the card still takes the keys (focus is on its own button, not a text field).
  for (const key of KEYS) await tab.keyboard.press(key);
  await tab.keyboard.press('7'); // the 7th point from the worst: Extremely happy (103)
  await tab.keyboard.press('Enter');
  await expect(card).toHaveCount(0);
  await expect.poll(async () => (await readAll(options.page, 'assessments')).length).toBe(1);
  expect((await readAll(options.page, 'assessments'))[0]).toMatchObject({
    ticket: { kind: 'freshdesk', origin, ticketId: String(ticket.id) },
    scores: EXPECTED_SCORES,
    predictedCsat: { scale: 'freshdesk-points', value: 103, satisfied: true },
  });
});
