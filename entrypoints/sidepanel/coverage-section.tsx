import { memo, useState } from 'react';
import { formatDateTime } from '../../components/format';
import { TicketLink } from '../../components/ticket-link';
import type { Coverage } from '../../lib/gap';
import type { InstantWindow } from '../../lib/gap-store/time-window';
import type { GapTicketRow } from '../../lib/gap-store/schema';
import { openTicketToRate } from './actions';
import { Section } from './section';
import { useTicketPage } from './use-ticket-page';
import { percent } from './wording';

const LIST_SIZE = 5;

/** How much of the agent's work the gap is measured on, both ways, and the tickets missing from it. */
export const CoverageSection = memo(function CoverageSection({
  coverage,
  agents,
  within,
  onStatus,
}: {
  coverage: Coverage;
  agents: readonly (string | null)[];
  within: InstantWindow | null;
  onStatus: (text: string) => void;
}) {
  return (
    <Section id="coverage" title="Coverage">
      <ul className="plain-stats" data-testid="coverage">
        <li>
          <strong>{coverage.ratedAssessedShare === null ? '–' : percent(coverage.ratedAssessedShare)}</strong> of your
          tickets with a customer rating were rated by you ({coverage.matched} of{' '}
          {coverage.matched + coverage.ratedOnly}).
        </li>
        <li>
          <strong>{coverage.assessedRatedShare === null ? '–' : percent(coverage.assessedRatedShare)}</strong> of the
          tickets you rated have a customer rating ({coverage.matched} of {coverage.matched + coverage.assessedOnly}).
        </li>
      </ul>
      <TicketShortList
        title={`Rated by you, no customer rating yet (${coverage.assessedOnly})`}
        kind="assessed-only"
        agents={agents}
        within={within}
        empty="Every ticket you rated has a customer rating."
        render={(row) => (
          <>
            <TicketLink ticket={row.ticket} />{' '}
            <span className="muted small">rated {formatDateTime(new Date(row.at).toISOString())}</span>
          </>
        )}
      />
      <TicketShortList
        title={`Customer rated, not rated by you (${coverage.ratedOnly})`}
        kind="rated-only"
        agents={agents}
        within={within}
        empty="You rated every ticket your customers rated."
        render={(row) => (
          <>
            <TicketLink ticket={row.ticket} />{' '}
            {/* Blind first: not what the customer said, so rating it now is not anchored by it. */}
            <span className="muted small">
              rated by the customer {row.ratedAt ? formatDateTime(row.ratedAt) : ''} ·{' '}
            </span>
            <button type="button" className="link" onClick={() => void openTicketToRate(row.ticket).then(onStatus)}>
              Rate it now
            </button>
          </>
        )}
      />
    </Section>
  );
});

function TicketShortList({
  title,
  kind,
  agents,
  within,
  empty,
  render,
}: {
  title: string;
  kind: 'assessed-only' | 'rated-only';
  agents: readonly (string | null)[];
  within: InstantWindow | null;
  empty: string;
  render: (row: GapTicketRow) => React.ReactNode;
}) {
  const [limit, setLimit] = useState(LIST_SIZE);
  const page = useTicketPage({ kind, agents, within, origin: null, outcome: 'all', sort: 'newest', limit });
  const id = `list-${kind}`;
  return (
    <div className="short-list">
      <h3 id={id}>{title}</h3>
      {page === undefined ? (
        <p className="muted small">Loading…</p>
      ) : page.rows.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <>
          <ul aria-labelledby={id} data-testid={id}>
            {page.rows.map((row) => (
              <li key={row.ticketKey}>{render(row)}</li>
            ))}
          </ul>
          {page.hasMore && (
            <button type="button" className="link" onClick={() => setLimit(limit + LIST_SIZE * 4)}>
              Show more
            </button>
          )}
        </>
      )}
    </div>
  );
}
