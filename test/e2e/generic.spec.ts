import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_STANDARD_SET } from '../../lib/model/default-standard-set';
import { expect, test } from './fixtures';
import { readAll } from './pages/idb';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';

/**
 * A helpdesk GapLens has no adapter for: a tiny page server on 127.0.0.1 (a free port, closed after
 * the test) whose tickets live at /desk/tickets/<id>.
 */
async function startTinyHelpdesk(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const ticket = /^\/desk\/tickets\/(\d+)/.exec(request.url ?? '')?.[1];
    response.writeHead(ticket ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>${ticket ? `Ticket ${ticket}` : 'Not found'}</title><h1>Ticket ${ticket}</h1>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    // The browser keeps connections alive; end them, or close() waits for them.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const EXPORT = [
  'Ticket,Score,Rated at,Comment,Agent',
  '42,2,2026-11-20T10:00:00Z,"Slow, but polite",Ana',
  '43,5,2026-11-21,,Ana',
  '44,meh,2026-11-21,,Ben',
  '45,4,yesterday,,Ben',
  'x-1,3,2026-11-22,,Ben',
].join('\n');

test('any helpdesk: pattern with live tester, rate from its URL, CSV import with a row report, re-import, matched in the side panel', async ({
  ext,
}) => {
  const helpdesk = await startTinyHelpdesk();
  try {
    const { origin } = helpdesk;
    const host = new URL(origin).host;
    const options = await OptionsPage.open(ext);
    const section = options.page.locator('section#generic');

    // Configure it, trying the pattern on example URLs first, hostile ones included.
    await section.getByRole('button', { name: 'Add another helpdesk' }).click();
    await section.getByLabel('Name', { exact: true }).fill('Acme desk');
    await section.getByLabel('Ticket URL pattern').fill(`${origin}/desk/tickets/{id}`);
    await section
      .getByLabel('Try it: ticket URLs from your helpdesk, one per line')
      .fill(
        [
          `${origin}/desk/tickets/42?tab=notes`,
          `https://evil.example/?next=${origin}/desk/tickets/42`,
          `http://user@${host}/desk/tickets/42`,
          `${origin}/desk/other/42`,
        ].join('\n'),
      );
    const results = section.getByRole('list', { name: 'What the pattern finds' }).getByRole('listitem');
    await expect(results).toHaveText([
      `${origin}/desk/tickets/42?tab=notes → ticket 42`,
      `https://evil.example/?next=${origin}/desk/tickets/42 → no match: this page is on evil.example; ${host} only appears later in the address`,
      `http://user@${host}/desk/tickets/42 → no match: the address carries a user name or password (user@host), a common disguise`,
      `${origin}/desk/other/42 → no match: the path /desk/other/42 does not fit /desk/tickets/{id}`,
    ]);
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(section.getByTestId('generic-message')).toHaveText(
      'Saved Acme desk. The popup now recognises its tickets.',
    );

    // Rate ticket 42 from its URL with the popup, as for any helpdesk.
    const tab = await ext.context.newPage();
    await tab.goto(`${origin}/desk/tickets/42`);
    const popup = await PopupPage.openFor(ext, tab);
    await expect(popup.page.getByRole('heading', { level: 1 })).toHaveText('Other helpdesk · #42');
    for (let i = 0; i < DEFAULT_STANDARD_SET.standards.length; i++) await popup.page.keyboard.press('5');
    await popup.page.keyboard.press('5'); // the prediction, on 1–5
    await popup.page.keyboard.press('Enter');
    await expect(popup.status).toHaveText('Saved #42 · edit any time');
    await popup.close();
    const [assessment] = await readAll(options.page, 'assessments');
    expect(assessment).toMatchObject({
      ticket: { kind: 'generic', origin, ticketId: '42' },
      predictedCsat: { scale: 'five-point', value: 5, normalized: 1 },
    });

    // Import the helpdesk's CSV export: mapping guessed, preview, every bad row reported precisely.
    const card = section.getByRole('article', { name: 'Acme desk' });
    const importFile = async () => {
      await card.getByRole('button', { name: 'Import ratings (CSV)…' }).click();
      await card.getByLabel('Choose a CSV file…').setInputFiles({
        name: 'acme-csat.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(EXPORT),
      });
      const preview = card.getByRole('table', { name: 'Preview' });
      await expect(preview.getByRole('row').nth(1)).toContainText('42');
      await expect(preview.getByRole('row').nth(1)).toContainText('2 → 0.25');
      await expect(preview.getByRole('row').nth(3)).toContainText('row 4, column Score: “meh” is not one of 1–5');
      await card.getByRole('button', { name: 'Check all rows' }).click();
      await expect(card.getByTestId('csv-check-report')).toContainText(
        '5 rows: 2 ratings to import, 3 invalid rows skipped.',
      );
      await expect(card.getByRole('list', { name: 'Invalid rows' }).getByRole('listitem')).toHaveText([
        'row 4, column Score: “meh” is not one of 1–5',
        'row 5, column Rated at: “yesterday” is not a date; use 2026-11-23 or 2026-11-23T14:05:00Z',
        'row 6, column Ticket: “x-1” is not a ticket number',
      ]);
      await card.getByRole('button', { name: 'Import 2 ratings' }).click();
      const result = card.getByTestId('csv-import-result');
      await expect(result).toBeVisible();
      const text = await result.textContent();
      await card.getByRole('button', { name: 'Done' }).click();
      return text;
    };
    expect(await importFile()).toBe('Imported acme-csat.csv: 2 new, 0 updated, 0 unchanged.');
    await expect(card.getByTestId('generic-ratings-count')).toHaveText('2 imported ratings');

    // The same export again: nothing duplicated, nothing rewritten.
    expect(await importFile()).toBe('Imported acme-csat.csv: 0 new, 0 updated, 2 unchanged.');
    const ratings = await readAll(options.page, 'csatRatings');
    expect(ratings.map((r) => r.ticketKey).sort()).toEqual([`${origin}#42`, `${origin}#43`]);

    // The side panel shows ticket 42 matched: the prediction beside the customer's verdict.
    const panel = await SidePanelPage.open(ext);
    const row = panel.page.getByTestId('ticket-row').filter({ hasText: '#42' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Slow, but polite');
    await expect(row.locator('td').last()).toHaveText('+0.75');
  } finally {
    await helpdesk.close();
  }
});

test('a large export: progress bars while it is checked and imported, and Cancel mid-import stores nothing', async ({
  ext,
}) => {
  const options = await OptionsPage.open(ext);
  const section = options.page.locator('section#generic');
  await section.getByRole('button', { name: 'Add another helpdesk' }).click();
  await section.getByLabel('Name', { exact: true }).fill('Big desk');
  await section.getByLabel('Ticket URL pattern').fill('http://127.0.0.1:9/t/{id}');
  await section.getByRole('button', { name: 'Save' }).click();
  const card = section.getByRole('article', { name: 'Big desk' });

  const rows = 60_000;
  const lines = ['Ticket,Rating,Date'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},${(i % 5) + 1},2026-11-${String((i % 28) + 1).padStart(2, '0')}`);
  await card.getByRole('button', { name: 'Import ratings (CSV)…' }).click();
  await card.getByLabel('Choose a CSV file…').setInputFiles({
    name: 'big.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n')),
  });
  await card.getByRole('button', { name: 'Check all rows' }).click();
  await expect(card.getByTestId('csv-check-report')).toContainText(`${rows} rows: ${rows} ratings to import`);

  await card.getByRole('button', { name: `Import ${rows} ratings` }).click();
  const bar = card.getByRole('progressbar', { name: 'Importing ratings' });
  // The bar moves while batches are written, and the page still answers a click.
  await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByTestId('csv-import-error')).toHaveText(
    'Cancelled. Nothing was imported; the stored ratings are as they were.',
  );
  expect(await readAll(options.page, 'csatRatings')).toHaveLength(0);
  await expect(card.getByTestId('generic-ratings-count')).toHaveText('0 imported ratings');
});
