/// <reference types="chrome" />
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

/** The built Chrome extension (`npm run build`). */
export const EXTENSION_DIR = resolve(process.env.GAPLENS_EXTENSION_DIR ?? 'dist/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The port Chromium's DevTools endpoint listens on (for the popup, see `openPopup`). */
  debuggingPort: number;
  userDataDir: string;
  serviceWorker(): Promise<Worker>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function makeProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'gaplens-profile-'));
}

/**
 * Launches Debian's Chromium with the built extension in a persistent profile. Relaunching with the
 * same `userDataDir` is how tests prove data survives a browser restart.
 */
export async function launchExtensionBrowser(
  options: { userDataDir?: string; headless?: boolean } = {},
): Promise<ExtensionBrowser> {
  const userDataDir = options.userDataDir ?? makeProfileDir();
  const debuggingPort = await freePort();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? !process.env.HEADED,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--remote-debugging-port=${debuggingPort}`,
      '--disable-gpu',
      '--disable-quic',
    ],
  });
  const serviceWorker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    debuggingPort,
    userDataDir,
    serviceWorker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: () => context.close(),
  };
}

export function removeProfile(userDataDir: string): void {
  rmSync(userDataDir, { recursive: true, force: true });
}

/**
 * Pre-approves host access for the extension the way a user would on chrome://extensions, so the
 * extension's own `permissions.request` then resolves without the (invisible, headless) prompt.
 * See shared STACK notes: CDP grantPermissions grants nothing for extensions.
 */
export async function preApproveHostPermission(browser: ExtensionBrowser, originPattern: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome://extensions/?id=${browser.extensionId}`);
  await page.waitForFunction(
    () => !!(globalThis as unknown as { chrome: { developerPrivate?: unknown } }).chrome.developerPrivate,
  );
  await page.evaluate(
    ([id, pattern]) =>
      (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission(id: string, p: string): Promise<void> } };
        }
      ).chrome.developerPrivate.addHostPermission(id!, pattern!),
    [browser.extensionId, originPattern],
  );
  await page.close();
}

/**
 * Opens the real toolbar popup for `tab` (which becomes the active tab, so `activeTab` and
 * `tabs.query` see it) and returns it as a Playwright page through a second CDP client.
 * No test-only code path in the extension: this is `chrome.action.openPopup()`.
 */
export async function openPopup(
  browser: ExtensionBrowser,
  tab: Page,
): Promise<{ popup: Page; detach(): Promise<void> }> {
  await tab.bringToFront();
  const sw = await browser.serviceWorker();
  await sw.evaluate(() => chrome.action.openPopup());
  const client = await chromium.connectOverCDP(`http://127.0.0.1:${browser.debuggingPort}`);
  const popupUrl = browser.extensionUrl('popup.html');
  let popup: Page | undefined;
  for (let attempt = 0; attempt < 50 && !popup; attempt++) {
    popup = client
      .contexts()
      .flatMap((c) => c.pages())
      .find((p) => p.url().startsWith(popupUrl));
    if (!popup) await new Promise((r) => setTimeout(r, 100));
  }
  if (!popup) {
    await client.close();
    throw new Error('The popup did not open');
  }
  return { popup, detach: () => client.close() };
}
