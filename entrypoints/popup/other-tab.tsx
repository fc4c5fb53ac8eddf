import { browser } from 'wxt/browser';
import { formatDateTime, hostOf } from '../../components/format';
import { useMarkReady } from '../../components/use-mark-ready';
import { HELPDESK_ADAPTERS, getAdapter } from '../../lib/helpdesks/registry';
import { findScale } from '../../lib/helpdesks/shared/scales';
import type { DoneTicket } from '../../lib/prompt/unrated-queue';
import type { SelfAssessment, TicketRef } from '../../lib/model';
import type { PopupData } from './load';

const HELPDESK_NAMES = new Intl.ListFormat('en', { type: 'disjunction' }).format(
  HELPDESK_ADAPTERS.map((adapter) => adapter.label),
);

/** The popup on a tab that is not a recognised ticket: what to do, and the latest assessments. */
export function OtherTab({
  data,
  onRate,
}: {
  data: Extract<PopupData, { view: 'other' }>;
  onRate(ticket: TicketRef): void;
}) {
  const { assessments, damaged } = data.recent;
  useMarkReady();
  return (
    <main className="other-tab">
      <h1>GapLens</h1>
      <p>Open a ticket in {HELPDESK_NAMES} to rate it.</p>
      <p className="muted small">
        Your helpdesk is on its own domain, or you use the local simulator?{' '}
        <button type="button" className="link" onClick={openOptions}>
          Add its address in Options
        </button>
      </p>
      {data.unrated.length > 0 && (
        <>
          <h2>Solved, not yet rated</h2>
          <ol className="recent unrated" aria-label="Solved, not yet rated">
            {data.unrated.slice(0, 20).map((ticket) => (
              <UnratedItem key={ticket.ticketKey} ticket={ticket} onRate={onRate} />
            ))}
          </ol>
        </>
      )}
      <h2>Recent assessments</h2>
      {assessments.length === 0 ? (
        <p className="muted">No assessments yet.</p>
      ) : (
        <ol className="recent" aria-label="Recent assessments">
          {assessments.map((assessment) => (
            <RecentItem key={assessment.ticketKey} assessment={assessment} />
          ))}
        </ol>
      )}
      {damaged > 0 && (
        <p className="notice warn" role="alert">
          {damaged === 1
            ? 'One saved assessment is damaged and not shown.'
            : `${damaged} saved assessments are damaged and not shown.`}
        </p>
      )}
    </main>
  );
}

/** A ticket the agent solved and has not rated: rated right here, without opening the ticket. */
function UnratedItem({ ticket, onRate }: { ticket: DoneTicket; onRate(ticket: TicketRef): void }) {
  const label = `${getAdapter(ticket.kind)?.label ?? ticket.kind} #${ticket.ticketId}`;
  return (
    <li>
      <button
        type="button"
        className="link"
        onClick={() => onRate({ kind: ticket.kind, origin: ticket.origin, ticketId: ticket.ticketId })}
      >
        Rate {label}
      </button>
      <span className="muted small">
        {ticket.subject ? ` · ${ticket.subject}` : ''} · solved {formatDateTime(ticket.doneAt)}
      </span>
    </li>
  );
}

function RecentItem({ assessment }: { assessment: SelfAssessment }) {
  const { ticket, predictedCsat } = assessment;
  const adapter = getAdapter(ticket.kind);
  const prediction =
    findScale(predictedCsat.scale)?.points.find((point) => point.value === predictedCsat.value)?.label ??
    String(predictedCsat.value);
  const label = `${adapter?.label ?? ticket.kind} #${ticket.ticketId}`;
  return (
    <li>
      {adapter ? (
        <a href={adapter.ticketUrl(ticket.origin, ticket.ticketId)} target="_blank" rel="noreferrer">
          {label}
        </a>
      ) : (
        label
      )}
      <span className="muted small">
        {' '}
        · {hostOf(ticket.origin)} · predicted “{prediction}” · {formatDateTime(assessment.updatedAt)}
      </span>
    </li>
  );
}

export function openOptions() {
  void browser.runtime.openOptionsPage().then(() => window.close());
}
