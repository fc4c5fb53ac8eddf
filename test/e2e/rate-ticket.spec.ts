import { readFileSync } from 'node:fs';
import { DEFAULT_STANDARD_SET } from '../../lib/model/default-standard-set';
import { expect, test } from './fixtures';
import { preApproveHostPermission } from './launch';
import { readAll, putRaw } from './pages/idb';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

/** Keys for the default set, in order: a digit per standard, `n` where N/A is allowed. */
const KEYS = ['4', '5', 'n', '3', '4', '5', '4', '2'];
const EXPECTED_SCORES = Object.fromEntries(
  DEFAULT_STANDARD_SET.standards.map((s, i) => [s.id, KEYS[i] === 'n' ? 'na' : Number(KEYS[i])]),
);

test('rate a ticket with the keyboard only, and find it again after a browser restart', async ({ ext, sim }) => {
  const origin = sim.zendesk.origin;
  const options = await OptionsPage.open(ext);
  await options.addHelpdeskAddress('Zendesk', origin);
  await expect(options.origins.getByRole('list', { name: 'Helpdesk addresses' })).toContainText(origin);

  const ticketId = String(sim.zendesk.data.tickets[0]!.id);
  const tab = await ext.context.newPage();
  await tab.goto(`${origin}/agent/tickets/${ticketId}`);

  const popup = await PopupPage.openFor(ext, tab);
  await expect(popup.page.getByRole('heading', { level: 1 })).toHaveText(`Zendesk · #${ticketId}`);
  await expect(popup.page.getByText(DEFAULT_STANDARD_SET.name)).toBeVisible();
  // Keyboard only: the form focuses the first standard; each digit rates and moves on.
  for (const key of KEYS) await popup.page.keyboard.press(key);
  await popup.page.keyboard.press('2'); // prediction on Zendesk's scale: 2 = good, 1 = bad
  await popup.page.keyboard.press('Enter');
  await expect(popup.status).toHaveText(`Saved #${ticketId} · edit any time`);
  await popup.close();

  const stored = await readAll(options.page, 'assessments');
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    ticketKey: `${origin}#${ticketId}`,
    ticket: { kind: 'zendesk', origin, ticketId },
    scores: EXPECTED_SCORES,
    predictedCsat: { scale: 'good-bad', value: 'good', normalized: 1, satisfied: true },
  });
  const createdAt = stored[0]!.createdAt;

  // Close and relaunch the same profile: the assessment is still there, and editable.
  const relaunched = await ext.relaunch();
  const tab2 = await relaunched.context.newPage();
  await tab2.goto(`${origin}/agent/tickets/${ticketId}`);
  const again = await PopupPage.openFor(relaunched, tab2);
  await expect(again.page.getByTestId('editing')).toBeVisible();
  await expect(again.page.getByRole('radio', { name: 'Timely: 4 of 5' })).toBeChecked();
  await again.page.getByRole('radio', { name: 'Timely: 2 of 5' }).click();
  await again.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(again.status).toHaveText(`Saved #${ticketId} · edit any time`);
  await again.close();

  const page = await relaunched.context.newPage();
  await page.goto(relaunched.extensionUrl('options.html'));
  const [edited] = await readAll(page, 'assessments');
  expect(edited).toMatchObject({ createdAt, scores: { ...EXPECTED_SCORES, timely: 2 } });
  expect(String(edited!.updatedAt) > String(createdAt)).toBe(true);
});

test('a damaged stored assessment never crashes the popup', async ({ ext, sim }) => {
  const origin = sim.zendesk.origin;
  const options = await OptionsPage.open(ext);
  await options.addHelpdeskAddress('Zendesk', origin);
  const ticketId = String(sim.zendesk.data.tickets[1]!.id);
  // A record that fails the schema (a score of 9, no prediction), as a bug or a bad import might leave.
  await putRaw(options.page, 'assessments', { ticketKey: `${origin}#${ticketId}`, scores: { timely: 9 } });

  const tab = await ext.context.newPage();
  await tab.goto(`${origin}/agent/tickets/${ticketId}`);
  const popup = await PopupPage.openFor(ext, tab);
  await expect(popup.page.getByRole('alert')).toContainText('The saved assessment for this ticket is damaged');
  for (const key of KEYS) await popup.page.keyboard.press(key);
  await popup.page.keyboard.press('1');
  await popup.page.keyboard.press('Enter');
  await expect(popup.status).toHaveText(`Saved #${ticketId} · edit any time`);
  await popup.close();

  // On another tab the popup lists what is readable and says what is not.
  await putRaw(options.page, 'assessments', {
    ticketKey: 'https://x.zendesk.com#1',
    updatedAt: new Date().toISOString(),
    scores: 'garbage',
  });
  const other = await ext.context.newPage();
  await other.goto(`${origin}/`);
  const list = await PopupPage.openFor(ext, other);
  await expect(list.page.getByRole('list', { name: 'Recent assessments' }).getByRole('listitem')).toHaveCount(1);
  await expect(list.page.getByRole('alert')).toContainText('One saved assessment is damaged');
  await list.close();
});

test('a settings import with a plain-http origin is refused and changes nothing', async ({ ext }) => {
  const options = await OptionsPage.open(ext);
  await preApproveHostPermission(ext, 'https://support.acme.example/*');
  await options.addHelpdeskAddress('Zendesk', 'https://support.acme.example');
  await options.importSettingsFile('bad-settings.json', {
    format: 'gaplens-settings',
    version: 1,
    settings: {
      version: 1,
      helpdeskOrigins: [{ kind: 'zendesk', origin: 'http://evil.example' }],
      activeStandardSetId: 'gaplens-default',
      sync: { intervalMinutes: 15, trailingWindowDays: 14 },
      timeZone: null,
    },
  });
  await expect(options.page.getByTestId('settings-file-result')).toContainText(
    'settings.helpdeskOrigins[0].origin: Plain http is only allowed for localhost and 127.0.0.1',
  );
  await options.page.reload();
  await expect(options.origins.getByRole('list', { name: 'Helpdesk addresses' })).toHaveText(/support\.acme\.example/);
  await expect(options.origins.getByRole('list', { name: 'Helpdesk addresses' })).not.toContainText('evil.example');
});

test('the shortcut opens the popup and is registered with the browser', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  const commands = await page.evaluate(() => chrome.commands.getAll());
  const action = commands.find((c) => c.name === '_execute_action');
  expect(action?.shortcut).toBe('Alt+Shift+G');
});

test('export all assessments as JSON, restore them, and erase everything', async ({ ext, sim }) => {
  const origin = sim.zendesk.origin;
  const options = await OptionsPage.open(ext);
  await options.addHelpdeskAddress('Zendesk', origin);
  const ticketId = String(sim.zendesk.data.tickets[2]!.id);
  const tab = await ext.context.newPage();
  await tab.goto(`${origin}/agent/tickets/${ticketId}`);
  const popup = await PopupPage.openFor(ext, tab);
  for (const key of KEYS) await popup.page.keyboard.press(key);
  await popup.page.keyboard.press('1');
  await popup.page.keyboard.press('Enter');
  await expect(popup.status).toHaveText(`Saved #${ticketId} · edit any time`);
  await popup.close();

  // The popup's extra CDP client takes over where downloads go; a fresh launch gives them back.
  const relaunched = await ext.relaunch();
  const page = await relaunched.context.newPage();
  await page.goto(relaunched.extensionUrl('options.html'));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export assessments (JSON)' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as {
    format: string;
    version: number;
    assessments: unknown[];
  };
  expect(exported).toMatchObject({ format: 'gaplens-assessments', version: 1 });
  expect(exported.assessments).toEqual(await readAll(page, 'assessments'));
  expect(JSON.stringify(exported)).not.toMatch(/token|apiKey|credentials/);

  await page.getByRole('button', { name: 'Erase all my data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase all GapLens data?' });
  await dialog.getByRole('textbox').fill('ERASE');
  await dialog.getByRole('button', { name: 'Erase everything' }).click();
  await expect(page.getByTestId('data-result')).toHaveText('All GapLens data in this browser was erased.');
  expect(await readAll(page, 'assessments')).toEqual([]);

  // The export restores what was erased.
  await page.getByLabel('Import assessments (JSON)…').setInputFiles(file);
  await expect(page.getByTestId('data-result')).toContainText('1 added');
  expect(await readAll(page, 'assessments')).toEqual(exported.assessments);
});
