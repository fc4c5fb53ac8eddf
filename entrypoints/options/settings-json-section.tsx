import { useId, useRef, useState } from 'react';
import { getDb } from '../../lib/db/db';
import type { Settings } from '../../lib/model';
import {
  checkSettingsJson,
  describeSettingsJsonProblem,
  formatSettingsJson,
  type SettingsJsonProblem,
} from '../../lib/settings/settings-json';
import { writeSettings } from '../../lib/settings/settings-store';
import { hostAccessRefused, releaseHostAccess, requestHostAccess } from './host-access';
import { Section } from './section';

type Result = { tone: 'ok'; text: string } | { tone: 'error'; text: string; problems?: SettingsJsonProblem[] } | null;

/**
 * All settings as one JSON document, for people who prefer typing to forms (VS Code style). The text
 * is checked against the settings schema with each problem placed on its line; Save writes the whole
 * document through `writeSettings`, which validates again, so it is applied entirely or not at all.
 * Settings never hold credentials (connections live in the database), so neither does this view.
 */
export function SettingsJsonSection({ settings }: { settings: Settings }) {
  const id = useId();
  const stored = formatSettingsJson(settings);
  // The user's edit and the stored text it started from. Without an edit the view shows what is
  // stored, so changes made elsewhere (another section, the background) appear; with one, the
  // user's text is kept and a notice says storage moved on.
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null);
  const [result, setResult] = useState<Result>(null);
  const [caret, setCaret] = useState({ line: 1, column: 1 });
  const textarea = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);
  const edited = draft !== null && draft.text !== draft.base;
  const text = edited ? draft.text : stored;

  const lineCount = text.split('\n').length;

  function check() {
    const checked = checkSettingsJson(text);
    setResult(
      checked.ok
        ? { tone: 'ok', text: 'The settings are valid. Nothing is saved until you choose Save.' }
        : { tone: 'error', text: 'These settings are not valid:', problems: checked.problems },
    );
    return checked;
  }

  function save() {
    const checked = check();
    if (!checked.ok) return setResult({ tone: 'error', text: 'Nothing was saved:', problems: checked.problems });
    const before = new Set(settings.helpdeskOrigins.map((entry) => entry.origin));
    const after = new Set(checked.settings.helpdeskOrigins.map((entry) => entry.origin));
    const added = [...after].filter((origin) => !before.has(origin));
    // A new address needs host access, as when added in “Helpdesk addresses”; the prompt needs this
    // click's gesture, so it is asked before anything is awaited.
    const access = added.length > 0 ? requestHostAccess(added) : Promise.resolve(true);
    access
      .then(async (granted) => {
        if (!granted) return setResult({ tone: 'error', text: hostAccessRefused(added) });
        await writeSettings(checked.settings);
        setDraft(null);
        setResult({ tone: 'ok', text: 'Settings saved.' });
        // After the save, and apart from it: a failure here must not read as “nothing was saved”.
        void releaseUnused([...before].filter((origin) => !after.has(origin))).catch(() => undefined);
      })
      .catch((error: unknown) => setResult({ tone: 'error', text: `Nothing was saved: ${(error as Error).message}` }));
  }

  function revert() {
    setDraft(null);
    setResult(null);
  }

  /** Puts the cursor on a problem, so the line number in the message leads straight to the text. */
  function goTo(problem: SettingsJsonProblem) {
    const element = textarea.current;
    if (!element) return;
    const lines = text.split('\n');
    const offset =
      lines.slice(0, problem.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + problem.column - 1;
    element.focus();
    element.setSelectionRange(offset, offset);
    updateCaret();
  }

  function updateCaret() {
    const element = textarea.current;
    if (!element) return;
    const before = element.value.slice(0, element.selectionStart).split('\n');
    setCaret({ line: before.length, column: before.at(-1)!.length + 1 });
  }

  return (
    <Section id="settings-json" title="Settings as JSON">
      <p className="muted">
        Every setting as one JSON document. Check shows each problem with its line and column; Save applies the whole
        document or, if anything is wrong, nothing. Credentials are never part of settings.
      </p>
      <label htmlFor={`${id}-text`}>Settings JSON</label>
      <div className="json-editor">
        {/* Line numbers for sighted users; screen readers get the caret position and the messages instead. */}
        <pre ref={gutter} className="json-gutter" aria-hidden="true">
          {Array.from({ length: lineCount }, (_, index) => index + 1).join('\n')}
        </pre>
        <textarea
          ref={textarea}
          id={`${id}-text`}
          className="json-text"
          value={text}
          rows={Math.min(Math.max(lineCount, 8), 30)}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          aria-describedby={`${id}-caret`}
          onChange={(event) => {
            const value = event.target.value;
            setDraft((current) => ({
              text: value,
              base: current && current.text !== current.base ? current.base : stored,
            }));
            if (result?.tone === 'ok') setResult(null);
          }}
          onSelect={updateCaret}
          onScroll={(event) => {
            if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          }}
        />
      </div>
      <p id={`${id}-caret`} className="muted small">
        Line {caret.line}, column {caret.column}
        {edited && ' · edited, not saved'}
      </p>
      {edited && draft.base !== stored && (
        <p className="notice warn">Settings were changed elsewhere while you edited. Revert to load them.</p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void check()}>
          Check
        </button>
        <button type="button" className="primary" onClick={save}>
          Save settings JSON
        </button>
        <button type="button" onClick={revert} disabled={!edited && result === null}>
          Revert
        </button>
      </div>
      <div
        role={result?.tone === 'error' ? 'alert' : 'status'}
        className={`notice ${result?.tone ?? ''}`}
        data-testid="settings-json-result"
      >
        {result && <p>{result.text}</p>}
        {result?.tone === 'error' && result.problems && (
          <ul className="json-problems">
            {result.problems.map((problem, index) => (
              <li key={index}>
                <button type="button" className="link" onClick={() => goTo(problem)}>
                  {describeSettingsJsonProblem(problem)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}

/** Least privilege: an address dropped from the list gives its access back unless a connection uses it. */
async function releaseUnused(origins: readonly string[]): Promise<void> {
  for (const origin of origins) {
    if ((await getDb().connections.where('origin').equals(origin).count()) === 0) await releaseHostAccess(origin);
  }
}
