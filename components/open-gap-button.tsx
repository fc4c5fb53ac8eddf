import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { openGapPanel } from './open-gap-panel';

/**
 * “Open my gap”: opens the side panel from the popup. The window id is read when the button
 * mounts, so the click can call `sidePanel.open` at once: the user gesture does not survive an await.
 */
export function OpenGapButton() {
  const windowId = useRef<number | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void browser.windows.getCurrent().then((current) => (windowId.current = current.id));
  }, []);
  return (
    <>
      <button
        type="button"
        className="link"
        onClick={() =>
          openGapPanel(windowId.current).then(
            () => window.close(),
            (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
          )
        }
      >
        Open my gap
      </button>
      {problem && (
        <span role="alert" className="small">
          {' '}
          {problem}
        </span>
      )}
    </>
  );
}
