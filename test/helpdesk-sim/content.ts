/**
 * Text the generator draws from: people, ticket subjects, customer comments. Plain tables so the
 * generator stays about numbers and timing.
 */
import type { Persona } from './model';

/** The default team: first the lead (admin), then six agents with deliberately different self-views. */
export const TEAM_LEAD = { name: 'Grace Liu' };

export interface AgentTemplate {
  name: string;
  persona: Persona;
}

/**
 * Four overestimate (to different degrees), one is well calibrated, one is harder on themself than
 * the customers are: the spread a team lead should see in GapLens (DESIGN.md §8).
 */
export const AGENT_TEMPLATES: readonly AgentTemplate[] = [
  {
    name: 'Ava Thompson',
    persona: { tendency: 'overestimates', customerSatisfiedRate: 0.62, predictSatisfiedWhenSatisfied: 0.96, predictSatisfiedWhenUnsatisfied: 0.8 },
  },
  {
    name: 'Ben Okafor',
    persona: { tendency: 'overestimates', customerSatisfiedRate: 0.7, predictSatisfiedWhenSatisfied: 0.95, predictSatisfiedWhenUnsatisfied: 0.62 },
  },
  {
    name: 'Chloé Martin',
    // Calibrated: predicts "satisfied" about as often as customers are, and mostly on the right tickets.
    persona: { tendency: 'calibrated', customerSatisfiedRate: 0.8, predictSatisfiedWhenSatisfied: 0.94, predictSatisfiedWhenUnsatisfied: 0.25 },
  },
  {
    name: 'Diego Ramírez',
    persona: { tendency: 'overestimates', customerSatisfiedRate: 0.74, predictSatisfiedWhenSatisfied: 0.96, predictSatisfiedWhenUnsatisfied: 0.7 },
  },
  {
    name: 'Emma Schulz',
    persona: { tendency: 'overestimates', customerSatisfiedRate: 0.66, predictSatisfiedWhenSatisfied: 0.93, predictSatisfiedWhenUnsatisfied: 0.7 },
  },
  {
    name: 'Farid Haddad',
    persona: { tendency: 'underestimates', customerSatisfiedRate: 0.86, predictSatisfiedWhenSatisfied: 0.68, predictSatisfiedWhenUnsatisfied: 0.05 },
  },
];

export const FIRST_NAMES = [
  'Alex', 'Bea', 'Carlos', 'Dana', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jin', 'Kofi', 'Lena', 'Mateo', 'Nora',
  'Omar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Vera', 'Wes', 'Yara', 'Zoe',
] as const;

export const LAST_NAMES = [
  'Adams', 'Bauer', 'Chen', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Kim', 'Larsen',
  'Moreau', 'Novak', 'Olsen', 'Patel', 'Quist', 'Rossi', 'Silva', 'Tanaka', 'Usman', 'Vogel', 'Wong', 'Young',
] as const;

/** Subject and first message, drawn together so a ticket page reads coherently. */
export const TICKET_TOPICS: readonly (readonly [string, string])[] = [
  ['Cannot log in after password reset', 'I reset my password this morning and now the login page just reloads.'],
  ['Invoice shows the wrong VAT number', 'Our latest invoice has an old VAT number on it. Can you reissue it?'],
  ['Export to CSV is missing columns', 'The CSV export no longer includes the "region" and "owner" columns.'],
  ['Charged twice for the annual plan', 'My card was charged twice for the same renewal. Please refund one.'],
  ['How do I add a second admin?', 'We need another person to manage billing. Where do I set that up?'],
  ['Mobile app crashes on startup', 'Since the last update the Android app closes immediately after the splash screen.'],
  ['Webhook deliveries failing with 410', 'All webhook deliveries to our endpoint fail with 410 since Tuesday.'],
  ['Request to delete my account', 'Please delete my account and all data associated with it.'],
  ['Order arrived damaged', 'The package arrived with a crushed corner and the device screen is cracked.'],
  ['Change shipping address on open order', 'I moved last week. Can you update the address on order 58213?'],
  ['SSO login loops back to the start', 'With Okta SSO enabled our users end up back at the sign-in page.'],
  ['API rate limit too low for our sync', 'Our nightly sync hits 429s after a few minutes. Can the limit be raised?'],
  ['Discount code not applied at checkout', 'The code SPRING20 is accepted but the total does not change.'],
  ['Where is my refund?', 'You confirmed a refund two weeks ago but I have not received it yet.'],
  ['Two-factor codes not arriving', 'The SMS with the verification code never arrives on my phone.'],
  ['Report totals do not match dashboard', 'The monthly report shows 1,204 orders, the dashboard says 1,187.'],
  ['Cannot upload files larger than 10 MB', 'Uploads above 10 MB stop at 99% and then fail without a message.'],
  ['Need a copy of the data processing agreement', 'Our legal team asks for your signed DPA. Can you send it?'],
  ['Notifications arrive hours late', 'Email notifications for new comments arrive 3–4 hours after the comment.'],
  ['Wrong item in my delivery', 'I ordered the blue model but received the black one.'],
  ['Calendar sync duplicates events', 'Every event from Google Calendar appears twice after syncing.'],
  ['Downgrade to the basic plan', 'We would like to move to the basic plan at the end of this billing cycle.'],
  ['Search returns no results for exact names', 'Searching for a customer by their exact name returns nothing.'],
  ['Team member cannot see shared projects', 'A new colleague cannot see any of the projects shared with our team.'],
] as const;

export const SATISFIED_COMMENTS = [
  'Quick and friendly, thank you!',
  'Solved on the first reply. Great service.',
  'Thanks for explaining it so clearly.',
  'Very patient and helpful.',
  'Exactly what I needed, thanks.',
  'Fast refund, much appreciated.',
  'Great support!',
] as const;

export const UNSATISFIED_COMMENTS = [
  'Took far too long to get an answer.',
  'I had to explain the problem three times.',
  'The issue is still not fixed.',
  'Felt like a copy-paste answer.',
  'Nobody told me what happens next.',
  'Closed without asking me if it worked.',
  'I was promised a call back that never came.',
] as const;

/** Zendesk's default satisfaction reasons for a bad rating. */
export const BAD_RATING_REASONS = [
  'The issue took too long to resolve',
  'The issue was not resolved',
  "The agent's knowledge is unsatisfactory",
  "The agent's attitude is unsatisfactory",
  'Some other reason',
] as const;

/** ASCII e-mail local part from a display name ("Chloé Martin" → "chloe.martin"). */
export function emailLocalPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
