import type { PaletteCommand } from '../../components/command-palette';
import { PERIOD_LABELS, PERIODS } from '../../lib/gap-store/time-window';
import { OUTCOME_LABELS, PAGE_SIZE, SORT_LABELS, type PanelView } from './view-state';

/** The sections a “Go to” command can jump to, by the ids the panel renders them with. */
export const SECTIONS = [
  ['headline', 'Your gap'],
  ['reveals', 'Latest verdicts'],
  ['trend', 'Trend'],
  ['calibration', 'Calibration'],
  ['blind-spots', 'Blind spots'],
  ['coverage', 'Coverage'],
  ['tickets', 'Rated tickets'],
] as const;

export interface PanelActions {
  rateCurrentTicket(): void;
  syncNow(): void;
  exportMyData(): void;
  openSettings(): void;
  goTo(sectionId: string): void;
}

/**
 * Every command of the side panel's palette: actions first, then each filter and order as its own
 * command (“Filter: last 30 days”), so the whole panel can be driven from the keyboard.
 */
export function panelCommands(
  view: PanelView,
  onView: (change: Partial<PanelView>) => void,
  actions: PanelActions,
): PaletteCommand[] {
  return [
    {
      id: 'rate',
      group: 'Actions',
      title: 'Rate current ticket',
      keywords: ['assess', 'popup'],
      run: actions.rateCurrentTicket,
    },
    { id: 'sync', group: 'Actions', title: 'Sync now', keywords: ['fetch', 'csat', 'refresh'], run: actions.syncNow },
    {
      id: 'export',
      group: 'Actions',
      title: 'Export my data',
      keywords: ['download', 'json', 'backup'],
      run: actions.exportMyData,
    },
    {
      id: 'settings',
      group: 'Actions',
      title: 'Open settings',
      keywords: ['options', 'preferences'],
      run: actions.openSettings,
    },
    ...PERIODS.map((preset) => ({
      id: `period-${preset}`,
      group: 'Period',
      title: `Filter: ${PERIOD_LABELS[preset].toLowerCase()}`,
      keywords: ['period', 'date', 'range'],
      active: view.period.preset === preset,
      run: () => onView({ period: { preset }, pageSize: PAGE_SIZE }),
    })),
    ...Object.entries(OUTCOME_LABELS).map(([outcome, label]) => ({
      id: `outcome-${outcome}`,
      group: 'Tickets',
      title: `Show: ${label.toLowerCase()}`,
      keywords: ['verdict', 'satisfied', 'filter'],
      active: view.outcome === outcome,
      run: () => onView({ outcome: outcome as PanelView['outcome'], pageSize: PAGE_SIZE }),
    })),
    ...Object.entries(SORT_LABELS).map(([sort, label]) => ({
      id: `sort-${sort}`,
      group: 'Tickets',
      title: `Sort: ${label.toLowerCase()}`,
      keywords: ['order'],
      active: view.sort === sort,
      run: () => onView({ sort: sort as PanelView['sort'], pageSize: PAGE_SIZE }),
    })),
    ...(['week', 'month'] as const).map((granularity) => ({
      id: `trend-${granularity}`,
      group: 'Trend',
      title: `Trend: ${granularity === 'week' ? 'weekly' : 'monthly'}`,
      active: view.granularity === granularity,
      run: () => onView({ granularity }),
    })),
    ...SECTIONS.map(([id, title]) => ({
      id: `go-${id}`,
      group: 'Go to',
      title: `Go to: ${title}`,
      run: () => actions.goTo(id),
    })),
  ];
}
