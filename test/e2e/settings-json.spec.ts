import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';

/** The stored settings as the JSON view shows them, read through the page like a user would. */
async function storedJson(options: OptionsPage): Promise<Record<string, unknown>> {
  const text = await options.page.locator('section#settings-json').getByLabel('Settings JSON').inputValue();
  return JSON.parse(text) as Record<string, unknown>;
}

test('settings as JSON: an invalid document names its line and saves nothing; a valid one is saved', async ({
  ext,
}) => {
  const options = await OptionsPage.open(ext);
  const section = options.page.locator('section#settings-json');
  const editor = section.getByLabel('Settings JSON');
  const result = section.getByTestId('settings-json-result');
  const original = await editor.inputValue();
  const before = JSON.parse(original) as { helpdeskOrigins: unknown[]; sync: { intervalMinutes: number } };
  expect(before.sync.intervalMinutes).toBe(15);

  // A plain-http address outside this machine: the schema refuses it, and the message says where.
  const invalid = JSON.stringify(
    { ...before, helpdeskOrigins: [{ kind: 'zendesk', origin: 'http://acme.example.com' }] },
    null,
    2,
  );
  const badLine = invalid.split('\n').findIndex((line) => line.includes('http://acme.example.com')) + 1;
  await editor.fill(invalid);
  await section.getByRole('button', { name: 'Save settings JSON' }).click();
  await expect(result).toHaveAttribute('role', 'alert');
  await expect(result).toContainText('Nothing was saved');
  await expect(result).toContainText(
    `Line ${badLine}, column 17: helpdeskOrigins[0].origin: Plain http is only allowed for localhost and 127.0.0.1`,
  );

  await options.page.reload();
  await expect(options.page.locator('html[data-ready="true"]')).toBeAttached();
  expect(await storedJson(options)).toEqual(before);

  // A valid change is applied, and is what the page shows after a reload.
  const valid = original.replace('"intervalMinutes": 15', '"intervalMinutes": 30');
  await editor.fill(valid);
  await section.getByRole('button', { name: 'Check' }).click();
  await expect(result).toContainText('The settings are valid');
  await section.getByRole('button', { name: 'Save settings JSON' }).click();
  await expect(result).toHaveText('Settings saved.');

  await options.page.reload();
  await expect(options.page.locator('html[data-ready="true"]')).toBeAttached();
  expect(await storedJson(options)).toEqual({ ...before, sync: { ...before.sync, intervalMinutes: 30 } });

  // Revert throws an unsaved edit away.
  await editor.fill('{ "version": ');
  await section.getByRole('button', { name: 'Revert' }).click();
  expect(await storedJson(options)).toMatchObject({ sync: { intervalMinutes: 30 } });
});
