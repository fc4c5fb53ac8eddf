import { buildTeamBundle, type TeamBundle } from '../export/team-bundle';
import { DEFAULT_STANDARD_SET, ticketKey, type SelfAssessment, type StandardScore } from '../model';

export const TEST_ORIGIN = 'https://acme.zendesk.com';

/** Test data only: `count` assessments of agent `agentId`, tickets numbered from `firstTicket`. */
export function sampleAssessments(
  agentId: string,
  count: number,
  firstTicket = 1,
  day = '2026-10-01',
): SelfAssessment[] {
  return Array.from({ length: count }, (_, i) => {
    const ticketId = String(firstTicket + i);
    const score = ((i % 5) + 1) as StandardScore;
    const good = i % 3 !== 0;
    const at = `${day}T${String(8 + (i % 10)).padStart(2, '0')}:00:00.000Z`;
    return {
      ticketKey: ticketKey(TEST_ORIGIN, ticketId),
      ticket: { kind: 'zendesk', origin: TEST_ORIGIN, ticketId },
      agentId,
      standardSetId: DEFAULT_STANDARD_SET.id,
      standardSetVersion: DEFAULT_STANDARD_SET.version,
      scores: Object.fromEntries(DEFAULT_STANDARD_SET.standards.map((s) => [s.id, score])),
      predictedCsat: { scale: 'good-bad', value: good ? 'good' : 'bad', normalized: good ? 1 : 0, satisfied: good },
      notes: { gotInTheWay: i % 4 === 0 ? 'Waiting on engineering' : '', worked: '' },
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** Test data only: a valid bundle for one agent. */
export function sampleBundle(
  agentId = '101',
  { count = 6, exportedAt = '2026-11-01T09:00:00.000Z', includeNotes = false, firstTicket = 1 } = {},
): TeamBundle {
  return buildTeamBundle({
    agent: { id: agentId, name: `Agent ${agentId}` },
    helpdesk: { kind: 'zendesk', origin: TEST_ORIGIN },
    assessments: sampleAssessments(agentId, count, firstTicket),
    standardSets: [DEFAULT_STANDARD_SET],
    includeNotes,
    exportedAt: new Date(exportedAt),
  });
}
