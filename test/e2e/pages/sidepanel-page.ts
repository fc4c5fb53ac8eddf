import { expect, type Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch';

/**
 * The side panel, opened as `sidepanel.html` in a tab: Chromium's real side panel is not among the
 * context's pages (shared STACK notes), and it is the same page.
 */
export class SidePanelPage {
  private constructor(readonly page: Page) {}

  static async open(ext: ExtensionBrowser, page?: Page): Promise<SidePanelPage> {
    const tab = page ?? (await ext.context.newPage());
    await tab.goto(ext.extensionUrl('sidepanel.html'));
    await expect(tab.locator('html[data-ready="true"]')).toBeAttached({ timeout: 30_000 });
    return new SidePanelPage(tab);
  }

  get headline() {
    return this.page.getByTestId('headline');
  }

  stat(testId: 'agreement' | 'overestimation' | 'brier') {
    return this.page.getByTestId(testId);
  }

  /** Runs a palette command by typing its title, as a keyboard user would. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('Control+K');
    const input = this.page.getByRole('combobox', { name: 'Command' });
    await expect(input).toBeFocused();
    await input.fill(title);
    await expect(this.page.getByRole('option', { name: title, exact: false }).first()).toBeVisible();
    await this.page.keyboard.press('Enter');
    await expect(input).toBeHidden();
  }
}
