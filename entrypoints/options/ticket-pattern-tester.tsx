import { useId } from 'react';
import { matchTicketUrl, parseTicketUrlPattern } from '../../lib/helpdesks/generic/ticket-pattern';

/**
 * Shows, as the user types, what the pattern makes of each example URL: the ticket id, or “no
 * match” with the reason. It runs the very function the popup runs (the generic adapter calls it),
 * hostile-URL checks included, so what it promises is what the popup does.
 */
export function TicketPatternTester({
  pattern,
  examples,
  onExamples,
}: {
  pattern: string;
  examples: string;
  onExamples(text: string): void;
}) {
  const id = useId();
  const read = pattern.trim() ? parseTicketUrlPattern(pattern) : null;
  const urls = examples
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    <div className="pattern-tester">
      <label htmlFor={`${id}-examples`}>Try it: ticket URLs from your helpdesk, one per line</label>
      <textarea
        id={`${id}-examples`}
        rows={3}
        value={examples}
        spellCheck={false}
        placeholder="https://help.acme.example/tickets/1042"
        onChange={(event) => onExamples(event.target.value)}
      />
      {read && !read.ok && (
        <p className="error-text" data-testid="pattern-error">
          {read.error}
        </p>
      )}
      {read?.ok && urls.length > 0 && (
        <ul className="tester-results" aria-label="What the pattern finds" aria-live="polite">
          {urls.map((url, index) => {
            const match = matchTicketUrl(url, read.pattern);
            return (
              <li key={`${index} ${url}`} className={match.ok ? 'match' : 'no-match'}>
                <code>{url}</code> →{' '}
                {match.ok ? <strong>ticket {match.ticketId}</strong> : <span>no match: {match.reason}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
