import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STANDARD_SET,
  DEFAULT_SETTINGS,
  connectionSchema,
  credentialsSchema,
  csatRatingSchema,
  describeZodError,
  parseHelpdeskOrigin,
  selfAssessmentSchema,
  settingsSchema,
  standardSetSchema,
  ticketKey,
  type SelfAssessment,
} from '.';

const validAssessment: SelfAssessment = {
  ticketKey: ticketKey('https://acme.zendesk.com', '42'),
  ticket: { kind: 'zendesk', origin: 'https://acme.zendesk.com', ticketId: '42' },
  agentId: null,
  standardSetId: 'gaplens-default',
  standardSetVersion: 1,
  scores: { timely: 5, 'clear-next-steps': 'na' },
  predictedCsat: { scale: 'good-bad', value: 'good', normalized: 1, satisfied: true },
  notes: { gotInTheWay: '', worked: 'Fast reply' },
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};

/** Parses and returns the error text, so each test can say exactly which path must be named. */
function errorOf(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown): string {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return describeZodError(result.error as never);
}

describe('default standard set', () => {
  it('is valid, has 6–8 standards, and covers all three factors', () => {
    const set = standardSetSchema.parse(DEFAULT_STANDARD_SET);
    expect(set.standards.length).toBeGreaterThanOrEqual(6);
    expect(set.standards.length).toBeLessThanOrEqual(8);
    expect(new Set(set.standards.map((s) => s.factor))).toEqual(new Set(['people', 'practices', 'presentation']));
  });
});

describe('standard set schema', () => {
  it('names the duplicate standard id by its path', () => {
    const standards = [DEFAULT_STANDARD_SET.standards[0]!, DEFAULT_STANDARD_SET.standards[0]!];
    expect(errorOf(standardSetSchema, { ...DEFAULT_STANDARD_SET, standards })).toContain('standards[1].id: duplicate standard id “timely”');
  });

  it('rejects an unknown factor and a non-positive weight with their paths', () => {
    const standards = [{ ...DEFAULT_STANDARD_SET.standards[0]!, factor: 'product', weight: 0 }];
    const message = errorOf(standardSetSchema, { ...DEFAULT_STANDARD_SET, standards });
    expect(message).toContain('standards[0].factor');
    expect(message).toContain('standards[0].weight');
  });

  it('rejects a version that is not a positive integer', () => {
    expect(errorOf(standardSetSchema, { ...DEFAULT_STANDARD_SET, version: 1.5 })).toMatch(/^version:/m);
  });
});

describe('self-assessment schema', () => {
  it('accepts a valid assessment', () => {
    expect(selfAssessmentSchema.parse(validAssessment)).toEqual(validAssessment);
  });

  it('rejects a score outside 1–5 with the standard named', () => {
    expect(errorOf(selfAssessmentSchema, { ...validAssessment, scores: { timely: 6 } })).toMatch(/^scores\.timely:/m);
  });

  it('rejects a prediction normalized outside [0, 1]', () => {
    const predictedCsat = { ...validAssessment.predictedCsat, normalized: 1.5 };
    expect(errorOf(selfAssessmentSchema, { ...validAssessment, predictedCsat })).toMatch(/^predictedCsat\.normalized:/m);
  });

  it('rejects a ticket id that is not a number and a non-UTC timestamp', () => {
    const message = errorOf(selfAssessmentSchema, {
      ...validAssessment,
      ticket: { ...validAssessment.ticket, ticketId: '42; DROP' },
      createdAt: '2026-11-20 10:00',
    });
    expect(message).toContain('ticket.ticketId');
    expect(message).toContain('createdAt');
  });

  it('rejects notes longer than the limit', () => {
    const notes = { gotInTheWay: 'x'.repeat(2001), worked: '' };
    expect(errorOf(selfAssessmentSchema, { ...validAssessment, notes })).toMatch(/^notes\.gotInTheWay:/m);
  });
});

describe('CSAT rating schema', () => {
  const rating = {
    id: 'c1:1',
    connectionId: 'c1',
    sourceId: '1',
    source: 'satisfaction_ratings',
    kind: 'zendesk',
    origin: 'https://acme.zendesk.com',
    ticketId: '42',
    ticketKey: 'https://acme.zendesk.com#42',
    rating: { scale: 'good-bad', value: 'bad', normalized: 0, satisfied: false },
    comment: null,
    agentId: '7',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
    syncedAt: '2026-11-21T10:05:00.000Z',
  };
  it('accepts a valid rating and rejects one without a rating value', () => {
    expect(csatRatingSchema.parse(rating)).toEqual(rating);
    expect(errorOf(csatRatingSchema, { ...rating, rating: { ...rating.rating, value: undefined } })).toMatch(/^rating\.value:/m);
  });
});

describe('connection and credentials', () => {
  it('a connection carries no secret fields', () => {
    const keys = Object.keys(connectionSchema.shape);
    expect(keys.some((key) => /token|key|secret|password/i.test(key))).toBe(false);
  });

  it('credentials need the fields of their type', () => {
    expect(errorOf(credentialsSchema, { type: 'api-token', email: 'not-an-email', token: 't' })).toMatch(/^email:/m);
    expect(errorOf(credentialsSchema, { type: 'api-key' })).toMatch(/^apiKey:/m);
  });
});

describe('helpdesk origins', () => {
  it.each([
    ['https://acme.zendesk.com', 'https://acme.zendesk.com'],
    ['https://support.example.com/', 'https://support.example.com'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:3000', 'http://localhost:3000'],
  ])('accepts %s', (input, origin) => {
    expect(parseHelpdeskOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['http://acme.zendesk.com', /Plain http is only allowed for localhost and 127.0.0.1/],
    ['ftp://acme.example', /Only https/],
    ['https://acme.zendesk.com/agent', /without a path/],
    ['https://user:pw@acme.zendesk.com', /user name or password/],
    ['acme', /is not a URL/],
  ])('refuses %s with a clear reason', (input, reason) => {
    const result = parseHelpdeskOrigin(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });
});

describe('settings schema', () => {
  it('accepts the defaults', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a non-https origin and names the entry', () => {
    const settings = { ...DEFAULT_SETTINGS, helpdeskOrigins: [{ kind: 'zendesk', origin: 'http://evil.example' }] };
    expect(errorOf(settingsSchema, settings)).toMatch(/^helpdeskOrigins\[0\]\.origin: Plain http/m);
  });

  it('refuses a sync interval below five minutes', () => {
    const settings = { ...DEFAULT_SETTINGS, sync: { intervalMinutes: 1, trailingWindowDays: 14 } };
    expect(errorOf(settingsSchema, settings)).toMatch(/^sync\.intervalMinutes:/m);
  });
});
