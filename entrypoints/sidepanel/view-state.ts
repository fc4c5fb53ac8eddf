import type { Outcome, TicketSort } from '../../lib/gap-store/queries';
import type { Period } from '../../lib/gap-store/time-window';

/** Everything the agent can change about what the panel shows; one object so a command can set any of it. */
export interface PanelView {
  /** Applies to every section: the metrics, the trend, the lists. */
  period: Period;
  granularity: 'week' | 'month';
  /** The ticket list's own filters and order. */
  outcome: Outcome;
  /** A connection's helpdesk origin, or all. */
  origin: string | null;
  sort: TicketSort;
  /** How many tickets the list shows; “Show more” raises it. */
  pageSize: number;
}

export const PAGE_SIZE = 25;

/** The last 90 days: recent enough to act on, long enough for a sample (≈ 60 working days). */
export const DEFAULT_VIEW: PanelView = {
  period: { preset: 'last-90' },
  granularity: 'week',
  outcome: 'all',
  origin: null,
  sort: 'newest',
  pageSize: PAGE_SIZE,
};

/** What decides the ticket list's query; a change of it is a "filter change" (measured, see app.tsx). */
export function ticketQueryKey(view: PanelView): string {
  const { period, outcome, origin, sort, pageSize } = view;
  return JSON.stringify({ period, outcome, origin, sort, pageSize });
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  all: 'All verdicts',
  satisfied: 'Satisfied customers',
  unsatisfied: 'Unsatisfied customers',
};

export const SORT_LABELS: Record<TicketSort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  'gap-desc': 'Largest overestimate first',
  'gap-asc': 'Largest underestimate first',
};
