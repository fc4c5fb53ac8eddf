import { test as base } from '@playwright/test';
import { startSimulator, type Simulator } from '../helpdesk-sim';
import { launchExtensionBrowser, removeProfile, type ExtensionBrowser } from './launch';

interface Fixtures {
  /** The helpdesk simulator, one per test, closed afterwards. */
  sim: Simulator;
  /** Chromium with the built extension in a fresh profile; `relaunch()` reopens the same profile. */
  ext: ExtensionBrowser & { relaunch(): Promise<ExtensionBrowser> };
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  sim: async ({}, use) => {
    const sim = await startSimulator();
    await use(sim);
    await sim.close();
  },
  // eslint-disable-next-line no-empty-pattern
  ext: async ({}, use, testInfo) => {
    let current = await launchExtensionBrowser();
    const profile = current.userDataDir;
    const handle = Object.assign(Object.create(null) as object, {
      relaunch: async () => {
        await current.close();
        current = await launchExtensionBrowser({ userDataDir: profile });
        Object.assign(handle, current);
        return current;
      },
    }) as ExtensionBrowser & { relaunch(): Promise<ExtensionBrowser> };
    Object.assign(handle, current);
    await use(handle);
    // A failed test keeps a screenshot of every open page (the popup is captured by its own spec).
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [index, page] of current.context.pages().entries()) {
        const path = testInfo.outputPath(`failure-page-${index}.png`);
        await page.screenshot({ path }).catch(() => undefined);
        testInfo.attachments.push({ name: `page-${index}`, path, contentType: 'image/png' });
      }
    }
    await current.close();
    removeProfile(profile);
  },
});

export { expect } from '@playwright/test';
