import { expect, type Page } from '@playwright/test';
import { preApproveHostPermission, type ExtensionBrowser } from '../launch';

/** The options page, driven through its labels as a user would. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  /**
   * Opens the options page. Host-access prompts cannot be answered in an automated browser, so the
   * simulator's loopback origins are pre-approved as a user's “Allow” would (see launch.ts).
   */
  static async open(ext: ExtensionBrowser, { allowLoopback = true } = {}): Promise<OptionsPage> {
    if (allowLoopback) await preApproveHostPermission(ext, 'http://127.0.0.1/*');
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    return new OptionsPage(page);
  }

  get origins() {
    return this.page.locator('section#origins');
  }

  async addHelpdeskAddress(kind: 'Zendesk' | 'Freshdesk' | 'Gorgias', origin: string): Promise<void> {
    await this.origins.getByLabel('Helpdesk').selectOption({ label: kind });
    await this.origins.getByLabel('Address').fill(origin);
    await this.origins.getByRole('button', { name: 'Add address' }).click();
  }

  async importSettingsFile(name: string, content: unknown): Promise<void> {
    await this.page.getByLabel('Import settings file…').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(content)),
    });
  }
}
