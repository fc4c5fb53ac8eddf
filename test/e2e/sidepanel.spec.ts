/// <reference types="chrome" />
import { mkdirSync } from 'node:fs';
import { DEFAULT_STANDARD_SET } from '../../lib/model/default-standard-set';
import { startSimulator, type Simulator } from '../helpdesk-sim';
import { expect, test } from './fixtures';
import { expectedNumbers, pct, type RawPair } from './pages/expected-gap';
import {
  agentTickets,
  assessmentOf,
  connectAndSync,
  importAssessments,
  scoresOf,
  seedAgent,
  type PlannedAssessment,
} from './pages/gap-seed';
import { readAll } from './pages/idb';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';

/** The simulator's clock starts at the real time, so "the last 90 days" means the same to both. */
async function withSimulator<T>(run: (sim: Simulator) => Promise<T>): Promise<T> {
  const sim = await startSimulator({ now: new Date() });
  try {
    return await run(sim);
  } finally {
    await sim.close();
  }
}

type StoredRating = {
  ticketKey: string;
  agentId: string | null;
  updatedAt: string;
  rating: { normalized: number; satisfied: boolean };
};

/** Each ticket's latest stored rating, read back raw from IndexedDB. */
function latestByTicket(rows: Record<string, unknown>[]): Map<string, StoredRating> {
  const latest = new Map<string, StoredRating>();
  for (const row of rows as unknown as StoredRating[]) {
    const seen = latest.get(row.ticketKey);
    if (!seen || Date.parse(seen.updatedAt) < Date.parse(row.updatedAt)) latest.set(row.ticketKey, row);
  }
  return latest;
}

const titleOf = (id: string) => DEFAULT_STANDARD_SET.standards.find((s) => s.id === id)!.title;

test('the side panel shows the gap computed from the raw records, and updates live when a verdict arrives', async ({
  ext,
}, testInfo) => {
  test.setTimeout(120_000);
  await withSimulator(async (sim) => {
    const seed = seedAgent(sim);
    const { rated, unrated } = agentTickets(sim, seed.agent);
    const unhappy = rated.filter((t) => t.rating!.score === 'bad').slice(0, 5);
    const happy = rated.filter((t) => t.rating!.score === 'good').slice(0, 7);
    expect(unhappy).toHaveLength(5);
    expect(happy).toHaveLength(7);
    // An overestimator: “good” on most unhappy tickets, and top scores for clear next steps there.
    const plans: PlannedAssessment[] = [
      ...unhappy.map((t, i) => ({
        ticketId: String(t.id),
        predicted: i < 4 ? ('good' as const) : ('bad' as const),
        scores: i < 2 ? scoresOf(5) : scoresOf(3, { 'clear-next-steps': 5, timely: 2, 'well-presented': 'na' }),
        daysAgo: 2 + i * 3,
      })),
      ...happy.map((t, i) => ({
        ticketId: String(t.id),
        predicted: i < 6 ? ('good' as const) : ('bad' as const),
        scores: i < 4 ? scoresOf(5) : scoresOf(4),
        daysAgo: 1 + i * 2.5,
      })),
      // Two tickets without a customer verdict yet; the first gets one during the test.
      ...unrated
        .slice(0, 2)
        .map((t, i) => ({ ticketId: String(t.id), predicted: 'good' as const, scores: scoresOf(4), daysAgo: 1 + i })),
    ];
    const now = new Date();
    const assessments = plans.map((plan) => assessmentOf(sim, seed.agent, plan, now));
    const assessedKeys = new Set(assessments.map((a) => a.ticketKey));

    const options = await OptionsPage.open(ext);
    await importAssessments(options.page, assessments);
    await connectAndSync(options.page, sim, seed);
    await expect
      .poll(
        async () =>
          [...latestByTicket(await readAll(options.page, 'csatRatings')).keys()].filter((k) => assessedKeys.has(k))
            .length,
        {
          timeout: 30_000,
        },
      )
      .toBe(12);

    /** The expected numbers from what is stored right now, by plain arithmetic. */
    const expectedFromStore = async () => {
      const ratings = latestByTicket(await readAll(options.page, 'csatRatings'));
      const pairs: RawPair[] = assessments.flatMap((a) => {
        const r = ratings.get(a.ticketKey);
        if (!r) return [];
        const p = a.predictedCsat.normalized;
        return [
          {
            p,
            a: r.rating.normalized,
            predictedSatisfied: a.predictedCsat.satisfied,
            satisfied: r.rating.satisfied,
            scores: a.scores,
          },
        ];
      });
      const mine = new Set([String(seed.agent.id), null]);
      const ratedOnly = [...ratings.values()].filter(
        (r) => !assessedKeys.has(r.ticketKey) && mine.has(r.agentId),
      ).length;
      return {
        ...expectedNumbers(pairs),
        matched: pairs.length,
        unsatisfied: pairs.filter((pair) => !pair.satisfied).length,
        assessedOnly: assessments.length - pairs.length,
        ratedOnly,
      };
    };

    let expected = await expectedFromStore();
    // The seed was built to say something: the stored verdicts are the simulator's.
    for (const t of [...unhappy, ...happy]) {
      const stored = latestByTicket(await readAll(options.page, 'csatRatings')).get(`${sim.zendesk.origin}#${t.id}`)!;
      expect(stored.rating.satisfied).toBe(t.rating!.score === 'good');
    }
    expect(expected.meaning).toBe('You expect happier customers than you get');
    expect(expected.blindSpots.length).toBeGreaterThan(0);

    const panelTab = await ext.context.newPage();
    const consoleErrors: string[] = [];
    panelTab.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    panelTab.on('pageerror', (error) => consoleErrors.push(error.message));
    await panelTab.setViewportSize({ width: 440, height: 1000 });
    const panel = await SidePanelPage.open(ext, panelTab);
    const { page } = panel;
    const checkNumbers = async () => {
      await expect(page.getByTestId('gap-meaning')).toHaveText(expected.meaning);
      await expect(page.getByTestId('gap-detail')).toHaveText(expected.detail);
      await expect(panel.stat('agreement')).toHaveText(expected.agreement);
      await expect(panel.stat('overestimation')).toHaveText(expected.overestimation);
      await expect(panel.stat('brier')).toHaveText(expected.brier);
      await expect(page.getByTestId('top-rated')).toHaveText(expected.topRated!);
      const flagged = expected.blindSpots.length;
      await expect(page.getByTestId('blind-spot-count')).toHaveText(
        `${flagged} blind spot${flagged === 1 ? '' : 's'} in this period.`,
      );
      const badges = page.getByTestId('blind-spot').filter({ hasText: 'Blind spot' });
      await expect(badges).toHaveCount(flagged);
      for (const id of expected.blindSpots) await expect(badges.filter({ hasText: titleOf(id) })).toHaveCount(1);
      await expect(page.getByTestId('ticket-row')).toHaveCount(expected.matched);
    };
    await checkNumbers();

    // Coverage over all time, through the command palette.
    await panel.runCommand('Filter: all time');
    await expect(page.getByRole('combobox', { name: 'Period' })).toHaveValue('all');
    const coverage = page.getByTestId('coverage');
    const withVerdict = expected.matched + expected.ratedOnly;
    await expect(coverage).toContainText(
      `${pct(expected.matched, withVerdict)} of your tickets with a customer rating were rated by you (${expected.matched} of ${withVerdict}).`,
    );
    await expect(coverage).toContainText(
      `${pct(expected.matched, expected.matched + expected.assessedOnly)} of the tickets you rated have a customer rating (${expected.matched} of ${expected.matched + expected.assessedOnly}).`,
    );
    await expect(page.getByTestId('list-assessed-only').getByRole('listitem')).toHaveCount(expected.assessedOnly);
    // Blind first holds in the panel too: tickets the agent has not rated are listed without their verdict.
    const ratedOnly = page.getByTestId('list-rated-only').getByRole('listitem');
    await expect(ratedOnly.first()).toContainText('rated by the customer');
    for (const text of await ratedOnly.allTextContents()) expect(text).not.toMatch(/\b(good|bad)\b/);
    await checkNumbers();
    await expect(page.getByTestId('reveals-empty')).toBeHidden();

    // The ticket list's verdict filter and its sort by gap.
    const verdict = page.getByRole('combobox', { name: 'Verdict' });
    await verdict.selectOption('unsatisfied');
    await expect(page.getByTestId('ticket-row')).toHaveCount(expected.unsatisfied);
    await expect(page.getByTestId('ticket-count')).toHaveText(
      `${expected.matched} rated in this period; these filters show ${expected.unsatisfied}.`,
    );
    await verdict.selectOption('all');
    await page.getByRole('button', { name: 'Gap' }).click();
    await expect(page.getByRole('columnheader', { name: 'Gap' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByTestId('ticket-row').first().locator('td').last()).toHaveText('+1.00');
    await page.getByRole('button', { name: 'Rated on' }).click();

    // The customer of an assessed ticket answers now; “Sync now” from the palette brings it in,
    // and the open panel follows without a reload.
    const revealed = unrated[0]!;
    sim.zendesk.rerate(String(revealed.id), 'bad');
    await page.evaluate(() => ((window as unknown as { stayedOpen: boolean }).stayedOpen = true));
    await panel.runCommand('Sync now');
    await expect(page.getByTestId('panel-status')).toContainText('Syncing your helpdesk');
    await expect(page.getByTestId('reveal').first()).toContainText(
      `#${revealed.id}: the customer said bad — you predicted good`,
      {
        timeout: 30_000,
      },
    );
    expected = await expectedFromStore();
    expect(expected.matched).toBe(13);
    await checkNumbers();
    expect(await page.evaluate(() => (window as unknown as { stayedOpen?: boolean }).stayedOpen)).toBe(true);

    // Screenshots in both themes, kept with the test results (and, on request, for the README).
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      const path = testInfo.outputPath(`sidepanel-${colorScheme}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`side panel (${colorScheme})`, { path, contentType: 'image/png' });
      // The README shows the top of the panel, as a side panel shows it: `UPDATE_DOCS_SCREENSHOTS=1`.
      if (colorScheme === 'light' && process.env.UPDATE_DOCS_SCREENSHOTS) {
        mkdirSync('docs', { recursive: true });
        await page.screenshot({ path: 'docs/sidepanel.png' });
      }
    }
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    expect(consoleErrors).toEqual([]);
  });
});

test('blind first: the popup shows the customer’s rating only after the agent saved their own', async ({ ext }) => {
  await withSimulator(async (sim) => {
    const seed = seedAgent(sim);
    const ticket = agentTickets(sim, seed.agent).rated.find(
      (t) => t.assigneeId === seed.agent.id && t.rating?.comment,
    )!;
    const ticketKey = `${sim.zendesk.origin}#${ticket.id}`;
    const actual = ticket.rating!.score as 'good' | 'bad';
    const options = await OptionsPage.open(ext);
    await connectAndSync(options.page, sim, seed);
    // The verdict is already in the database before the agent rates the ticket.
    await expect
      .poll(async () => (await readAll(options.page, 'csatRatings')).some((r) => r.ticketKey === ticketKey))
      .toBe(true);

    const tab = await ext.context.newPage();
    await tab.goto(`${sim.zendesk.origin}/agent/tickets/${ticket.id}`);
    const popup = await PopupPage.openFor(ext, tab);
    await expect(popup.page.getByRole('heading', { level: 1 })).toHaveText(`Zendesk · #${ticket.id}`);
    await expect(popup.page.getByTestId('verdict')).toHaveCount(0);
    await expect(popup.page.locator('body')).not.toContainText(ticket.rating!.comment!);
    await expect(popup.page.locator('body')).not.toContainText('The customer said');

    // Rate with the keyboard, predicting the opposite of what the customer said.
    for (const key of ['4', '5', 'n', '3', '4', '5', '4', '2']) await popup.page.keyboard.press(key);
    await popup.page.keyboard.press(actual === 'good' ? '1' : '2');
    await popup.page.keyboard.press('Enter');
    await expect(popup.status).toHaveText(`Saved #${ticket.id} · edit any time`);
    const predicted = actual === 'good' ? 'bad' : 'good';
    await expect(popup.page.getByTestId('verdict')).toHaveText(
      `The customer said ${actual} — you predicted ${predicted}. “${ticket.rating!.comment}”`.replace(/“|”/g, ''),
    );
    await popup.close();

    // Reopening the saved assessment shows the verdict at once.
    const again = await PopupPage.openFor(ext, tab);
    await expect(again.page.getByTestId('verdict')).toContainText(
      `The customer said ${actual} — you predicted ${predicted}.`,
    );
    await again.close();
  });
});

test('the side panel opens from the popup’s “Open my gap”, and has its own shortcut', async ({ ext }) => {
  const options = await OptionsPage.open(ext, { allowLoopback: false });
  const commands = await options.page.evaluate(() => chrome.commands.getAll());
  expect(commands.find((c) => c.name === 'open-gap')?.shortcut).toBe('Alt+Shift+J');

  const sw = await ext.serviceWorker();
  const opened = sw.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const sidePanel = chrome.sidePanel as unknown as {
          onOpened: { addListener(f: (info: { windowId: number }) => void): void };
        };
        sidePanel.onOpened.addListener((info) => resolve(info.windowId));
      }),
  );
  const popup = await PopupPage.openFor(ext, options.page);
  await popup.page.getByRole('button', { name: 'Open my gap' }).click();
  const windowId = await opened;
  expect(windowId).toBeGreaterThan(0);
  await popup.close().catch(() => undefined);
});
