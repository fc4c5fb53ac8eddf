/// <reference types="chrome" />
/**
 * `npm run demo`: the whole loop on this machine, without a real helpdesk account.
 *
 * Starts the helpdesk simulator, opens Chromium with the built extension, and sets GapLens up
 * through its own options page as a user would: imports a settings file that connects the
 * simulator's demo agent, restores that agent's history of self-assessments, syncs the CSAT,
 * then opens one of the agent's tickets. Headed when a display exists (close the browser to end);
 * `--headless --screenshots DIR` runs the same flow without a display and saves screenshots.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from '@playwright/test';
import { startSimulator } from '../helpdesk-sim';
import { launchExtensionBrowser, makeProfileDir, openPopup, preApproveHostPermission } from '../e2e/launch';
import { demoAgent, demoAssessmentsFile, demoSettingsFile } from './demo-data';

interface DemoArgs {
  headless: boolean;
  screenshots: string | null;
}

function parseArgs(argv: readonly string[]): DemoArgs {
  const args: DemoArgs = { headless: !process.env.DISPLAY, screenshots: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--headless') args.headless = true;
    else if (arg === '--screenshots') {
      const dir = argv[++i];
      if (!dir) throw new Error('--screenshots needs a folder, e.g. --screenshots demo-screenshots');
      args.screenshots = resolve(dir);
    } else throw new Error(`Unknown option ${arg}. Usage: npm run demo [-- --headless] [--screenshots DIR]`);
  }
  return args;
}

function step(text: string) {
  console.log(`• ${text}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const sim = await startSimulator({ now: new Date() });
  step(`Helpdesk simulator: Zendesk at ${sim.zendesk.origin}, Freshdesk at ${sim.freshdesk.origin}`);

  // The files a user would import, written where they can be looked at.
  mkdirSync('demo-data', { recursive: true });
  const settingsFile = demoSettingsFile(sim);
  const assessmentsFile = demoAssessmentsFile(sim);
  writeFileSync('demo-data/settings.json', JSON.stringify(settingsFile, null, 2));
  writeFileSync('demo-data/assessments.json', JSON.stringify(assessmentsFile, null, 2));
  const { agent } = demoAgent(sim);
  step(
    `Demo agent: ${agent.name} (Zendesk id ${agent.id}), ${assessmentsFile.assessments.length} past self-assessments`,
  );

  const browser = await launchExtensionBrowser({ userDataDir: makeProfileDir(), headless: args.headless });
  const shoot = async (page: import('@playwright/test').Page, name: string) => {
    if (!args.screenshots) return;
    mkdirSync(args.screenshots, { recursive: true });
    const path = `${args.screenshots}/${name}.png`;
    await page.screenshot({ path, fullPage: true });
    if (statSync(path).size === 0) throw new Error(`Screenshot ${path} is empty`);
    step(`Screenshot: ${path}`);
  };
  try {
    // Chromium asks “Allow GapLens to read and change data on 127.0.0.1?” when the import requests
    // access; an automated browser cannot click Allow, so the demo approves it the way the user would.
    await preApproveHostPermission(browser, 'http://127.0.0.1/*');
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await expect(options.locator('html[data-ready="true"]')).toBeAttached();

    step('Importing demo-data/settings.json through Options → Settings file');
    await options.getByLabel('Import settings file…').setInputFiles('demo-data/settings.json');
    await options.getByRole('button', { name: 'Import these settings' }).click();
    await expect(options.getByTestId('settings-file-result')).toContainText(/import/i, { timeout: 30_000 });

    step('Restoring demo-data/assessments.json through Options → Your data');
    await options.getByLabel('Import assessments (JSON)…').setInputFiles('demo-data/assessments.json');
    await expect(options.getByTestId('data-result')).toContainText('added', { timeout: 30_000 });

    step('Syncing the customers’ ratings from the simulator');
    const card = options.getByRole('article').first();
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect(card.locator('dt:text("Last successful sync") + dd')).not.toHaveText('never', { timeout: 60_000 });
    const stored = await card.locator('dt:text("Ratings stored") + dd').textContent();
    step(`Ratings stored: ${stored}`);
    await shoot(options, 'options');

    // One of the agent's solved tickets they have not rated yet: the popup's rating form.
    const assessed = new Set(assessmentsFile.assessments.map((a) => a.ticket.ticketId));
    const ticket =
      sim.zendesk.data.tickets.find(
        (t) => t.handledBy === agent.id && t.solvedAt !== null && !assessed.has(String(t.id)),
      ) ?? sim.zendesk.data.tickets[0]!;
    const tab = await browser.context.newPage();
    await tab.goto(`${sim.zendesk.origin}/agent/tickets/${ticket.id}`);
    step(`Opened ticket #${ticket.id}: press the GapLens toolbar button or Alt+Shift+G to rate it`);
    const { popup, detach } = await openPopup(browser, tab);
    await expect(popup.locator('html[data-ready="true"]')).toBeAttached();
    await shoot(popup, 'popup');
    if (args.screenshots) {
      const panel = await browser.context.newPage();
      const response = await panel.goto(browser.extensionUrl('sidepanel.html')).catch(() => null);
      if (response?.ok()) {
        await expect(panel.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
        await shoot(panel, 'sidepanel');
      }
      await panel.close();
    }
    await detach();

    if (args.headless) return;
    console.log('\nGapLens is running in Chromium against the simulator. Close the browser window to end the demo.');
    await new Promise<void>((done) => browser.context.on('close', () => done()));
  } finally {
    await browser.close().catch(() => undefined);
    await sim.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
