import { DEFAULT_STANDARD_SET } from '../../lib/model';
import { expect, test } from './fixtures';
import { readAll } from './pages/idb';
import { OptionsPage } from './pages/options-page';

test('a lead edits the standards and publishes version 2; version 1 stays stored', async ({ ext }) => {
  const options = await OptionsPage.open(ext, { allowLoopback: false });
  const page = options.page;
  const section = page.locator('section#standards');
  await expect(section).toContainText('(version 1)');

  await section.getByRole('button', { name: 'Edit standards' }).click();
  const form = page.getByRole('form', { name: 'Edit standards' });
  const first = form.getByRole('listitem', { name: 'Standard 1' });
  await first.getByLabel('Title').fill('Fast first reply');
  await first.getByLabel('Weight').fill('2');
  await form.getByRole('button', { name: 'Add a standard' }).click();
  const added = form.getByRole('listitem', { name: 'Standard 9' });
  await added.getByLabel('Title').fill('Proactive');
  await added.getByLabel('What the customer may expect').fill('They told me before I had to ask.');
  // Nine standards: the micro-rubric warning appears.
  await expect(form).toContainText('9 standards: rating takes longer');
  await form.getByRole('listitem', { name: 'Standard 2' }).getByRole('button', { name: 'Remove' }).click();
  await form.getByRole('button', { name: 'Publish as version 2' }).click();

  await expect(section).toContainText('(version 2)');
  await expect(section.getByRole('row', { name: /Fast first reply/ })).toContainText('2');
  await expect(section.getByRole('row', { name: /Proactive/ })).toBeVisible();
  const stored = await readAll(page, 'standardSets');
  expect(stored.map((s) => s.key).sort()).toEqual(['gaplens-default@1', 'gaplens-default@2']);
  const v1 = stored.find((s) => s.key === 'gaplens-default@1')!;
  expect((v1.standards as { title: string }[])[0]!.title).toBe(DEFAULT_STANDARD_SET.standards[0]!.title);
});

test('importing a set file shows a diff, and an invalid file names the path and reason', async ({ ext }) => {
  const options = await OptionsPage.open(ext, { allowLoopback: false });
  const page = options.page;
  const input = page.getByLabel('Import set file…');
  const file = (content: unknown) => ({
    name: 'set.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(content)),
  });

  const bad = {
    format: 'gaplens-standard-set',
    version: 1,
    set: { ...DEFAULT_STANDARD_SET, standards: [{ ...DEFAULT_STANDARD_SET.standards[0], weight: 0 }] },
  };
  await input.setInputFiles(file(bad));
  await expect(page.getByTestId('standards-import-result')).toContainText('set.standards[0].weight: Too small');

  const team = {
    ...DEFAULT_STANDARD_SET,
    id: 'acme',
    name: 'Acme promise',
    version: 4,
    standards: DEFAULT_STANDARD_SET.standards.slice(1),
  };
  await input.setInputFiles(file({ format: 'gaplens-standard-set', version: 1, set: team }));
  const diff = page.getByTestId('standards-diff');
  await expect(diff).toContainText(`Removed: ${DEFAULT_STANDARD_SET.standards[0]!.title}`);
  await expect(diff).toContainText('Renamed from');
  await page.getByRole('button', { name: 'Install this set' }).click();
  await expect(page.locator('section#standards')).toContainText('Acme promise (version 4)');
});
