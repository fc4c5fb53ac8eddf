import { expect, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { ExtensionBrowser } from '../launch';

/** The team page (entrypoints/team), driven through its labels. */
export class TeamPage {
  constructor(readonly page: Page) {}

  static async open(ext: ExtensionBrowser): Promise<TeamPage> {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('team.html'));
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    return new TeamPage(page);
  }

  async importFiles(files: { name: string; content: unknown }[]): Promise<void> {
    await this.page.getByLabel('Choose bundles…').setInputFiles(
      files.map(({ name, content }) => ({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
      })),
    );
  }

  get report() {
    return this.page.getByRole('table', { name: 'Import report' });
  }

  get table() {
    return this.page.getByRole('table', { name: 'Team gaps' });
  }

  row(agentId: string) {
    return this.table.locator(`tr[data-agent="${agentId}"]`);
  }

  cell(agentId: string, column: string) {
    return this.row(agentId).locator(`[data-col="${column}"]`);
  }

  /** Clicks an export button and returns the downloaded file's bytes. */
  async download(button: string): Promise<{ download: Download; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    return { download, bytes: readFileSync((await download.path())!) };
  }
}
