import { useLiveQuery } from 'dexie-react-hooks';
import { Notice } from '../../components/notice';
import { readActiveStandardSet } from '../../lib/db/standard-sets';
import type { Settings } from '../../lib/model';
import { Section } from './section';

/** The active standard set, read-only for now (publishing and importing sets comes later). */
export function StandardsSection({ settings }: { settings: Settings }) {
  const active = useLiveQuery(
    () => readActiveStandardSet(settings.activeStandardSetId),
    [settings.activeStandardSetId],
  );
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
        </>
      )}
    </Section>
  );
}
