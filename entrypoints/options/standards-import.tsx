import { useState, type ChangeEvent } from 'react';
import { Notice, type NoticeTone } from '../../components/notice';
import type { StandardSet } from '../../lib/model';
import { installStandardSet } from '../../lib/standards/publish';
import { diffStandardSets, parseStandardSetFile } from '../../lib/standards/standard-set-file';
import { requestHostAccess } from './host-access';

/** Import a published set from a file or an https URL: preview and diff first, then install. */
export function StandardsImport({ current }: { current: StandardSet }) {
  const [url, setUrl] = useState('');
  const [preview, setPreview] = useState<{ source: string; set: StandardSet } | null>(null);
  const [result, setResult] = useState<{ tone: NoticeTone; text: string } | null>(null);

  function read(source: string, text: string) {
    const parsed = parseStandardSetFile(text);
    if (!parsed.ok) {
      setPreview(null);
      return setResult({ tone: 'error', text: `${source} was not imported:\n${parsed.error}` });
    }
    setResult(null);
    setPreview({ source, set: parsed.set });
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) read(file.name, await file.text());
  }

  function fetchUrl() {
    let target: URL;
    try {
      target = new URL(url.trim());
    } catch {
      return setResult({ tone: 'error', text: `“${url}” is not a URL.` });
    }
    if (target.protocol !== 'https:')
      return setResult({ tone: 'error', text: 'Only https addresses can be imported.' });
    // First thing in the click: the permission prompt needs the user gesture (optional https://*/*).
    requestHostAccess([target.origin])
      .then(async (granted) => {
        if (!granted) return setResult({ tone: 'error', text: `GapLens needs permission to read ${target.origin}.` });
        const response = await fetch(target, { credentials: 'omit' });
        if (!response.ok) return setResult({ tone: 'error', text: `${target.href} answered ${response.status}.` });
        read(target.href, await response.text());
      })
      .catch((error: unknown) => setResult({ tone: 'error', text: `Could not fetch: ${(error as Error).message}` }));
  }

  async function install() {
    if (!preview) return;
    const installed = await installStandardSet(preview.set);
    setPreview(null);
    setResult(
      installed.ok
        ? { tone: 'ok', text: `Installed ${installed.set.name} version ${installed.set.version}; it is now active.` }
        : { tone: 'error', text: installed.error },
    );
  }

  const diff = preview && diffStandardSets(current, preview.set);
  return (
    <div>
      <h3>Import a standard set</h3>
      <div className="actions">
        <label className="button">
          Import set file…
          <input className="visually-hidden" type="file" accept=".json,application/json" onChange={chooseFile} />
        </label>
        <label>
          or from https URL
          <input type="url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://" />
        </label>
        <button type="button" onClick={fetchUrl} disabled={!url}>
          Fetch
        </button>
      </div>
      {preview && diff && (
        <div role="region" aria-label="Import preview">
          <p>
            <strong>{preview.set.name}</strong> version {preview.set.version} ({preview.set.standards.length} standards)
            from {preview.source}. Compared with {current.name} version {current.version}:
          </p>
          <ul data-testid="standards-diff">
            {diff.added.map((s) => (
              <li key={`a-${s.id}`}>Added: {s.title}</li>
            ))}
            {diff.removed.map((s) => (
              <li key={`r-${s.id}`}>Removed: {s.title}</li>
            ))}
            {diff.changed.map((c) => (
              <li key={`c-${c.id}`}>
                Changed: {c.title} ({c.fields.join(', ')})
              </li>
            ))}
            {diff.reordered && <li>Order changed</li>}
            {diff.renamed && <li>Renamed from {current.name}</li>}
          </ul>
          <div className="actions">
            <button type="button" onClick={() => void install()}>
              Install this set
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <Notice tone={result?.tone ?? null} testId="standards-import-result">
        {result?.text}
      </Notice>
    </div>
  );
}
