import { useEffect, useState } from 'react';
import { readShortcut, shortcutSettingsHint } from '../../components/shortcut';
import { Section } from './section';

export function ShortcutSection() {
  const [shortcut, setShortcut] = useState<string | null | undefined>();
  useEffect(() => {
    readShortcut().then(setShortcut, () => setShortcut(null));
  }, []);
  return (
    <Section id="shortcut" title="Keyboard shortcut">
      <p data-testid="options-shortcut">
        {shortcut === undefined ? (
          'Reading…'
        ) : shortcut ? (
          <>
            GapLens opens with <kbd>{shortcut}</kbd>.
          </>
        ) : (
          'No shortcut is set for GapLens.'
        )}
      </p>
      <p className="muted">To change it: {shortcutSettingsHint()}</p>
    </Section>
  );
}
