import { OpenGapButton } from '../../components/open-gap-button';
import { openOptions } from './other-tab';

/** The shortcut that opens this popup (as the browser has it) and the way to Options. */
export function Footer({ shortcut }: { shortcut: string | null }) {
  return (
    <footer className="popup-footer muted small">
      <span data-testid="shortcut">{shortcut ? `Shortcut: ${shortcut}` : 'No shortcut set'}</span>
      <span>
        <OpenGapButton />
        {' · '}
        <button type="button" className="link" onClick={openOptions}>
          Options
        </button>
      </span>
    </footer>
  );
}
