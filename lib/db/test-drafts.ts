import { DEFAULT_STANDARD_SET, ticketKey } from '../model';
import type { AssessmentDraft } from './assessments';

/** Test data only: a complete, valid draft for ticket `ticketId` on a Zendesk origin. */
export function sampleDraft(ticketId = '123', origin = 'https://acme.zendesk.com'): AssessmentDraft {
  return {
    ticketKey: ticketKey(origin, ticketId),
    ticket: { kind: 'zendesk', origin, ticketId },
    agentId: null,
    standardSetId: DEFAULT_STANDARD_SET.id,
    standardSetVersion: DEFAULT_STANDARD_SET.version,
    scores: Object.fromEntries(DEFAULT_STANDARD_SET.standards.map((standard) => [standard.id, 4])),
    predictedCsat: { scale: 'good-bad', value: 'good', normalized: 1, satisfied: true },
    notes: { gotInTheWay: '', worked: '' },
  };
}
