import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Notice } from '../../components/notice';
import { readActiveStandardSet } from '../../lib/db/standard-sets';
import { downloadText } from '../../lib/export/download-file';
import type { Settings } from '../../lib/model';
import { buildStandardSetFile, RECOMMENDED_MAX_STANDARDS } from '../../lib/standards/standard-set-file';
import { Section } from './section';
import { StandardsEditor } from './standards-editor';
import { StandardsImport } from './standards-import';

/** The active standard set: shown, edited and published as a new version, exported, imported. */
export function StandardsSection({ settings }: { settings: Settings }) {
  const active = useLiveQuery(
    () => readActiveStandardSet(settings.activeStandardSetId),
    [settings.activeStandardSetId],
  );
  const [editing, setEditing] = useState(false);
  if (active && editing) {
    return (
      <Section id="standards" title="Standards">
        <StandardsEditor set={active.set} onDone={() => setEditing(false)} />
      </Section>
    );
  }
  return (
    <Section id="standards" title="Standards">
      {!active ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          {active.problem && <Notice tone="warn">{active.problem}</Notice>}
          <p>
            <strong>{active.set.name}</strong> <span className="muted">(version {active.set.version})</span>. Every
            assessment is made against these standards.
          </p>
          <table className="standards-table">
            <thead>
              <tr>
                <th scope="col">Standard</th>
                <th scope="col">What the customer may expect</th>
                <th scope="col">Factor</th>
                <th scope="col">Weight</th>
                <th scope="col">N/A allowed</th>
              </tr>
            </thead>
            <tbody>
              {active.set.standards.map((standard) => (
                <tr key={standard.id}>
                  <th scope="row">{standard.title}</th>
                  <td>{standard.description}</td>
                  <td>{standard.factor}</td>
                  <td>{standard.weight}</td>
                  <td>{standard.allowNa ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {active.set.standards.length > RECOMMENDED_MAX_STANDARDS && (
            <Notice tone="warn">More than {RECOMMENDED_MAX_STANDARDS} standards make each rating slower.</Notice>
          )}
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)}>
              Edit standards
            </button>
            <button
              type="button"
              onClick={() =>
                downloadText(
                  `gaplens-standard-set-${active.set.id}-v${active.set.version}.json`,
                  `${JSON.stringify(buildStandardSetFile(active.set), null, 2)}\n`,
                  'application/json',
                )
              }
            >
              Export set (JSON)
            </button>
          </div>
          <StandardsImport current={active.set} />
        </>
      )}
    </Section>
  );
}
