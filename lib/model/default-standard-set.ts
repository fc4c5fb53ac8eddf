import type { StandardSet } from './standard';

/**
 * The set GapLens ships with, until a team publishes its own. Eight standards across the three
 * factors (people, practices, presentation); each line says what the customer may expect, so the
 * agent judges the ticket by the customer's criteria rather than their own effort.
 */
export const DEFAULT_STANDARD_SET: StandardSet = {
  id: 'gaplens-default',
  name: 'GapLens default service standards',
  version: 1,
  publishedAt: '2026-11-01T00:00:00.000Z',
  standards: [
    {
      id: 'timely',
      title: 'Timely',
      description: 'I heard back quickly, and never had to chase for an update.',
      factor: 'practices',
      weight: 1,
      allowNa: false,
    },
    {
      id: 'complete-correct',
      title: 'Complete and correct',
      description: 'The answer solved my whole problem, and it was right the first time.',
      factor: 'practices',
      weight: 1.5,
      allowNa: false,
    },
    {
      id: 'clear-next-steps',
      title: 'Clear next steps',
      description: 'I know exactly what happens next, who does it, and when.',
      factor: 'practices',
      weight: 1,
      allowNa: true,
    },
    {
      id: 'low-effort',
      title: 'Low effort',
      description: 'I did not have to repeat myself, switch channels or do the work for them.',
      factor: 'practices',
      weight: 1,
      allowNa: true,
    },
    {
      id: 'understood-need',
      title: 'Understood my real need',
      description: 'They grasped what I was actually trying to achieve, not just what I typed.',
      factor: 'people',
      weight: 1.5,
      allowNa: false,
    },
    {
      id: 'warm-personal',
      title: 'Warm and personal',
      description: 'I was treated as a person, with a tone that fit my situation.',
      factor: 'people',
      weight: 1,
      allowNa: true,
    },
    {
      id: 'owned-it',
      title: 'Owned it',
      description: 'One person took responsibility for my issue until it was resolved.',
      factor: 'people',
      weight: 1,
      allowNa: true,
    },
    {
      id: 'well-presented',
      title: 'Well presented',
      description: 'The reply was easy to read: well structured, free of jargon and typos.',
      factor: 'presentation',
      weight: 0.5,
      allowNa: true,
    },
  ],
};
