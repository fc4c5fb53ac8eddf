import { memo } from 'react';
import { formatDateTime } from '../../components/format';
import { TicketLink } from '../../components/ticket-link';
import type { TicketPage, TicketSort, Outcome } from '../../lib/gap-store/queries';
import { verdictWords } from '../../lib/gap-store/reveal-text';
import type { Connection } from '../../lib/model';
import { Section } from './section';
import { OUTCOME_LABELS, PAGE_SIZE, SORT_LABELS, type PanelView } from './view-state';
import { signed } from './wording';

/** The matched tickets: the agent's prediction next to the customer's verdict and comment. */
export const TicketList = memo(function TicketList({
  page,
  view,
  onView,
  connections,
  matchedInPeriod,
}: {
  page: TicketPage | undefined;
  view: PanelView;
  onView: (change: Partial<PanelView>) => void;
  connections: readonly Connection[];
  matchedInPeriod: number;
}) {
  const origins = [...new Map(connections.map((c) => [c.origin, c.label])).entries()];
  const sortBy = (column: 'date' | 'gap') => {
    const next: TicketSort =
      column === 'date'
        ? view.sort === 'newest'
          ? 'oldest'
          : 'newest'
        : view.sort === 'gap-desc'
          ? 'gap-asc'
          : 'gap-desc';
    onView({ sort: next, pageSize: PAGE_SIZE });
  };
  const ariaSort = (column: 'date' | 'gap') =>
    column === 'date'
      ? view.sort === 'newest'
        ? 'descending'
        : view.sort === 'oldest'
          ? 'ascending'
          : 'none'
      : view.sort === 'gap-desc'
        ? 'descending'
        : view.sort === 'gap-asc'
          ? 'ascending'
          : 'none';

  return (
    <Section id="tickets" title="Rated tickets">
      <div className="filter-row">
        <label>
          Helpdesk
          <select
            value={view.origin ?? ''}
            onChange={(e) => onView({ origin: e.target.value || null, pageSize: PAGE_SIZE })}
          >
            <option value="">All connections</option>
            {origins.map(([origin, label]) => (
              <option key={origin} value={origin}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Verdict
          <select
            value={view.outcome}
            onChange={(e) => onView({ outcome: e.target.value as Outcome, pageSize: PAGE_SIZE })}
          >
            {Object.entries(OUTCOME_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order
          <select
            value={view.sort}
            onChange={(e) => onView({ sort: e.target.value as TicketSort, pageSize: PAGE_SIZE })}
          >
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {page === undefined ? (
        <p className="muted">Loading tickets…</p>
      ) : page.rows.length === 0 ? (
        <p className="muted" data-testid="tickets-empty">
          {matchedInPeriod === 0
            ? 'No ticket you rated has a customer rating in this period. Try a longer period, or sync now.'
            : 'No rated ticket matches these filters.'}
        </p>
      ) : (
        <>
          <p className="muted small" data-testid="ticket-count">
            {matchedInPeriod} rated in this period
            {view.origin !== null || view.outcome !== 'all' ? '; these filters show ' : '; showing '}
            {page.hasMore ? `the first ${page.rows.length}` : page.rows.length}.
          </p>
          <table className="data-table tickets" data-testid="ticket-table">
            <caption className="visually-hidden">Your prediction and the customer’s verdict per ticket</caption>
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col" aria-sort={ariaSort('date')}>
                  <button type="button" className="sort" onClick={() => sortBy('date')}>
                    Rated on
                  </button>
                </th>
                <th scope="col">You predicted</th>
                <th scope="col">Customer said</th>
                <th scope="col" aria-sort={ariaSort('gap')}>
                  <button type="button" className="sort" onClick={() => sortBy('gap')}>
                    Gap
                  </button>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.ticketKey} data-testid="ticket-row">
                  <th scope="row">
                    <TicketLink ticket={row.ticket} />
                  </th>
                  <td>{formatDateTime(new Date(row.at).toISOString())}</td>
                  <td>{row.predicted ? verdictWords(row.predicted) : '–'}</td>
                  <td>
                    <span className={row.actual?.satisfied ? 'verdict ok' : 'verdict bad'}>
                      {row.actual ? verdictWords(row.actual) : '–'}
                    </span>
                    {row.comment && <q className="comment">{row.comment}</q>}
                  </td>
                  <td className={row.gap > 0 ? 'gap-over' : row.gap < 0 ? 'gap-under' : ''}>{signed(row.gap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.hasMore && (
            <button type="button" onClick={() => onView({ pageSize: view.pageSize + PAGE_SIZE * 2 })}>
              Show more tickets
            </button>
          )}
        </>
      )}
    </Section>
  );
});
