import { browser } from 'wxt/browser';
import { formatDateTime, hostOf } from '../../components/format';
import { useMarkReady } from '../../components/use-mark-ready';
import { HELPDESK_ADAPTERS, getAdapter } from '../../lib/helpdesks/registry';
import { findScale } from '../../lib/helpdesks/shared/scales';
import type { SelfAssessment } from '../../lib/model';
import type { PopupData } from './load';

const HELPDESK_NAMES = new Intl.ListFormat('en', { type: 'disjunction' }).format(
  HELPDESK_ADAPTERS.map((adapter) => adapter.label),
);

/** The popup on a tab that is not a recognised ticket: what to do, and the latest assessments. */
export function OtherTab({ data }: { data: Extract<PopupData, { view: 'other' }> }) {
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
