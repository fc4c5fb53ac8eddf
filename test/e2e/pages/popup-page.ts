import { expect, type Page } from '@playwright/test';
import { openPopup, type ExtensionBrowser } from '../launch';

/** The real toolbar popup, opened for a tab with chrome.action.openPopup(). */
export class PopupPage {
  private constructor(
    readonly page: Page,
    readonly detach: () => Promise<void>,
  ) {}

  static async openFor(ext: ExtensionBrowser, tab: Page): Promise<PopupPage> {
    const { popup, detach } = await openPopup(ext, tab);
    await expect(popup.locator('html[data-ready="true"]')).toBeAttached();
    return new PopupPage(popup, detach);
  }

  get status() {
    return this.page.getByTestId('status');
  }

  /** Closes the popup window and the extra CDP client. */
  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close();
    await this.detach();
  }
}
