import { describe, expect, it, vi } from 'vitest';
import { panelCommands, type PanelActions } from './panel-commands';
import { DEFAULT_VIEW } from './view-state';

const actions = (): PanelActions => ({
  rateCurrentTicket: vi.fn(),
  syncNow: vi.fn(),
  exportMyData: vi.fn(),
  openSettings: vi.fn(),
  goTo: vi.fn(),
});

describe('side panel commands', () => {
  it('offer the issue’s commands', () => {
    const titles = panelCommands(DEFAULT_VIEW, vi.fn(), actions()).map((c) => c.title);
    for (const title of [
      'Rate current ticket',
      'Sync now',
      'Filter: last 30 days',
      'Export my data',
      'Open settings',
    ]) {
      expect(titles).toContain(title);
    }
  });

  it('“Filter: last 30 days” sets the period and starts the list from its first page', () => {
    const onView = vi.fn();
    panelCommands({ ...DEFAULT_VIEW, pageSize: 75 }, onView, actions())
      .find((c) => c.title === 'Filter: last 30 days')!
      .run();
    expect(onView).toHaveBeenCalledWith({ period: { preset: 'last-30' }, pageSize: 25 });
  });

  it('mark the current choices, and run the actions they name', () => {
    const a = actions();
    const commands = panelCommands({ ...DEFAULT_VIEW, outcome: 'unsatisfied' }, vi.fn(), a);
    expect(commands.filter((c) => c.active).map((c) => c.title)).toEqual([
      'Filter: last 90 days',
      'Show: unsatisfied customers',
      'Sort: newest first',
      'Trend: weekly',
    ]);
    commands.find((c) => c.title === 'Sync now')!.run();
    commands.find((c) => c.title === 'Go to: Blind spots')!.run();
    expect(a.syncNow).toHaveBeenCalledOnce();
    expect(a.goTo).toHaveBeenCalledWith('blind-spots');
  });
});
