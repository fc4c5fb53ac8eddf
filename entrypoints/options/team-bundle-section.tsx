import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { hostOf } from '../../components/format';
import { Notice, type NoticeTone } from '../../components/notice';
import { allAssessments } from '../../lib/db/assessments';
import { listConnections } from '../../lib/db/connections';
import { readStandardSetVersion } from '../../lib/db/standard-sets';
import { downloadText } from '../../lib/export/download-file';
import { buildTeamBundle, teamBundleFileName } from '../../lib/export/team-bundle';
import { standardSetKey, type StandardSet } from '../../lib/model';
import { Section } from './section';

/**
 * “Share with my lead”: the agent's assessments on one helpdesk as a team bundle file. The agent is
 * named as the helpdesk knows them (the connection's “who am I”), so the lead's CSAT matches.
 */
export function TeamBundleSection() {
  const connections = useLiveQuery(async () => (await listConnections()).filter((c) => c.agent !== null));
  const [chosen, setChosen] = useState('');
  const [includeNotes, setIncludeNotes] = useState(false);
  const [result, setResult] = useState<{ tone: NoticeTone; text: string } | null>(null);
  const connection = connections?.find((c) => c.id === chosen) ?? connections?.[0];

  async function exportBundle() {
    if (!connection?.agent) return;
    try {
      const { assessments } = await allAssessments();
      const mine = assessments.filter(
        (a) => a.ticket.origin === connection.origin && (a.agentId === null || a.agentId === connection.agent!.id),
      );
      const sets: StandardSet[] = [];
      const seen = new Set<string>();
      for (const a of mine) {
        const key = standardSetKey(a.standardSetId, a.standardSetVersion);
        if (seen.has(key)) continue;
        seen.add(key);
        const read = await readStandardSetVersion(a.standardSetId, a.standardSetVersion);
        if (read.status === 'ok') sets.push(read.value);
      }
      const bundle = buildTeamBundle({
        agent: { id: connection.agent.id, name: connection.agent.name || connection.agent.id },
        helpdesk: { kind: connection.kind, origin: connection.origin },
        assessments: mine,
        standardSets: sets,
        includeNotes,
      });
      downloadText(teamBundleFileName(bundle), `${JSON.stringify(bundle, null, 2)}\n`, 'application/json');
      setResult({
        tone: 'ok',
        text: `Exported ${bundle.assessments.length} assessments${includeNotes ? ' with your notes' : ' without notes'}.`,
      });
    } catch (error) {
      setResult({ tone: 'error', text: `Export failed: ${(error as Error).message}` });
    }
  }

  return (
    <Section id="team-bundle" title="Share with your lead">
      <p className="muted">
        A team bundle (format “gaplens-team-bundle”, version 1) holds your helpdesk id and name, the standard sets you
        used, and per assessment the ticket id, scores, prediction and times. No customer names, e-mails or comments.
        Your notes are included only if you tick the box.
      </p>
      {!connections ? (
        <p className="muted">Loading…</p>
      ) : connections.length === 0 ? (
        <p className="muted">Connect your helpdesk first, so the bundle can name you as the helpdesk knows you.</p>
      ) : (
        <div className="actions">
          <label>
            Helpdesk
            <select value={connection?.id ?? ''} onChange={(event) => setChosen(event.target.value)}>
              {connections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label} ({hostOf(c.origin)})
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={includeNotes} onChange={(event) => setIncludeNotes(event.target.checked)} />{' '}
            Include my notes (“what got in the way”, “what worked”)
          </label>
          <button type="button" onClick={() => void exportBundle()}>
            Export team bundle
          </button>
        </div>
      )}
      <Notice tone={result?.tone ?? null} testId="team-bundle-result">
        {result?.text}
      </Notice>
    </Section>
  );
}
