import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_STANDARD_SET } from '../model';
import { sampleAssessments, sampleBundle, TEST_ORIGIN } from '../team/test-bundles';
import {
  buildTeamBundle,
  bundleAssessments,
  parseTeamBundle,
  teamBundleFileName,
  teamBundleSchema,
} from './team-bundle';

const text = (value: unknown) => JSON.stringify(value);

describe('team bundle', () => {
  it('round-trips: build → JSON → parse → assessments gives back the agent’s assessments', () => {
    const assessments = sampleAssessments('101', 12);
    const bundle = buildTeamBundle({
      agent: { id: '101', name: 'Ana' },
      helpdesk: { kind: 'zendesk', origin: TEST_ORIGIN },
      assessments,
      standardSets: [DEFAULT_STANDARD_SET],
      includeNotes: true,
      exportedAt: new Date('2026-11-01T00:00:00.000Z'),
    });
    const read = parseTeamBundle(text(bundle));
    expect(read).toEqual({ ok: true, bundle });
    if (!read.ok) return;
    const back = bundleAssessments(read.bundle).sort((a, b) => Number(a.ticket.ticketId) - Number(b.ticket.ticketId));
    expect(back).toEqual(assessments);
  });

  it('leaves notes out unless asked, and never carries other helpdesks or customer data', () => {
    const other = sampleAssessments('101', 2, 900).map((a) => ({
      ...a,
      ticket: { ...a.ticket, origin: 'https://other.zendesk.com' },
      ticketKey: `https://other.zendesk.com#${a.ticket.ticketId}`,
    }));
    const bundle = buildTeamBundle({
      agent: { id: '101', name: 'Ana' },
      helpdesk: { kind: 'zendesk', origin: TEST_ORIGIN },
      assessments: [...sampleAssessments('101', 4), ...other],
      standardSets: [DEFAULT_STANDARD_SET],
      includeNotes: false,
    });
    expect(bundle.assessments).toHaveLength(4);
    expect(text(bundle)).not.toMatch(/gotInTheWay|Waiting on engineering|email|comment|other\.zendesk/);
    expect(Object.keys(bundle.assessments[0]!).sort()).toEqual(
      ['createdAt', 'predictedCsat', 'scores', 'standardSetId', 'standardSetVersion', 'ticketId', 'updatedAt'].sort(),
    );
  });

  it('is deterministic: the same data gives the same file', () => {
    expect(text(sampleBundle())).toBe(text(sampleBundle()));
    expect(teamBundleFileName(sampleBundle('a b/1'))).toBe('gaplens-team-bundle-a_b_1-2026-11-01.json');
  });
});

/** Each damaged file, and the exact first line of the error it must give. */
function damaged(): [string, unknown, string][] {
  const good = sampleBundle('101', { includeNotes: true }) as unknown as Record<string, unknown>;
  const withAssessment = (change: Record<string, unknown>) => ({
    ...good,
    assessments: [{ ...(good.assessments as object[])[0], ...change }, ...(good.assessments as object[]).slice(1)],
  });
  const noNotes = sampleBundle('101');
  return [
    [
      'wrong format',
      { ...good, format: 'gaplens-assessments' },
      'format: Invalid input: expected "gaplens-team-bundle"',
    ],
    ['future version', { ...good, version: 2 }, 'version: Invalid input: expected 1'],
    ['bad export time', { ...good, exportedAt: 'yesterday' }, 'exportedAt: Invalid ISO datetime'],
    [
      'missing agent id',
      { ...good, agent: { name: 'Ana' } },
      'agent.id: Invalid input: expected string, received undefined',
    ],
    [
      'empty agent name',
      { ...good, agent: { id: '1', name: ' ' } },
      'agent.name: Too small: expected string to have >=1 characters',
    ],
    [
      'http origin off this machine',
      { ...good, helpdesk: { kind: 'zendesk', origin: 'http://acme.zendesk.com' } },
      'helpdesk.origin: Plain http is only allowed for localhost and 127.0.0.1; use https://acme.zendesk.com instead.',
    ],
    ['unknown field', { ...good, customers: [] }, '(root): Unrecognized key: "customers"'],
    [
      'customer e-mail smuggled into an assessment',
      withAssessment({ customerEmail: 'x@y.z' }),
      'assessments[0]: Unrecognized key: "customerEmail"',
    ],
    ['score out of range', withAssessment({ scores: { timely: 6 } }), 'assessments[0].scores.timely: Invalid input'],
    ['ticket id not a number', withAssessment({ ticketId: 'abc' }), 'assessments[0].ticketId: a ticket id is a number'],
    [
      'unknown set version',
      withAssessment({ standardSetVersion: 7 }),
      'assessments[0].standardSetVersion: standard set gaplens-default@7 is not in standardSets',
    ],
    [
      'score for a standard the set lacks',
      withAssessment({ scores: { timely: 3, 'made-up': 4 } }),
      'assessments[0].scores.made-up: not a standard of gaplens-default@1',
    ],
    [
      'duplicate ticket',
      { ...good, assessments: [(good.assessments as object[])[0], (good.assessments as object[])[0]] },
      'assessments[1].ticketId: ticket 1 appears twice',
    ],
    [
      'notes without consent',
      { ...noNotes, assessments: [{ ...noNotes.assessments[0], notes: { gotInTheWay: 'x', worked: '' } }] },
      'assessments[0].notes: notes are present but includesNotes is false',
    ],
    [
      'updated before created',
      withAssessment({ updatedAt: '2020-01-01T00:00:00.000Z' }),
      'assessments[0].updatedAt: is earlier than createdAt',
    ],
    [
      'prediction out of [0, 1]',
      withAssessment({ predictedCsat: { scale: 'good-bad', value: 'good', normalized: 2, satisfied: true } }),
      'assessments[0].predictedCsat.normalized: Too big: expected number to be <=1',
    ],
    [
      'damaged standard set',
      { ...good, standardSets: [{ ...DEFAULT_STANDARD_SET, standards: [] }] },
      'standardSets[0].standards: Too small: expected array to have >=1 items',
    ],
  ];
}

describe('parseTeamBundle refuses damaged files with the exact path and reason', () => {
  it.each(damaged())('%s', (_name, file, error) => {
    const read = parseTeamBundle(text(file));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.split('\n')[0]).toBe(error);
  });

  it('says when the text is not JSON', () => {
    const read = parseTeamBundle('{"format": ');
    expect(read).toMatchObject({ ok: false, error: expect.stringMatching(/^The file is not valid JSON/) });
  });
});

describe('parseTeamBundle’s quick score check', () => {
  // parseTeamBundle checks scores by hand for speed (see quickTeamBundleSchema); it must agree with
  // the schema on every input: never accept what teamBundleSchema refuses, never change the data.
  const scoreKey = fc.oneof(
    fc.constantFrom(...DEFAULT_STANDARD_SET.standards.map((standard) => standard.id)),
    fc.stringMatching(/^[a-z0-9-]{0,70}$/),
    fc.string(),
    fc.constantFrom('__proto__', 'constructor', 'Timely', '-timely', 'a'.repeat(64), 'a'.repeat(65)),
  );
  const scoreValue = fc.oneof(
    fc.constantFrom(1, 2, 3, 4, 5, 'na'),
    fc.constantFrom(0, 6, 1.5, '1', 'NA', null, true, [], {}),
    fc.jsonValue(),
  );

  it('accepts exactly what teamBundleSchema accepts, with the same data', () => {
    const bundle = sampleBundle('101', { count: 3 });
    fc.assert(
      fc.property(fc.dictionary(scoreKey, scoreValue, { maxKeys: 9 }), fc.nat(2), (scores, index) => {
        const json = JSON.parse(JSON.stringify(bundle)) as { assessments: { scores: unknown }[] };
        json.assessments[index]!.scores = scores;
        const text = JSON.stringify(json);
        const quick = parseTeamBundle(text);
        const full = teamBundleSchema.safeParse(JSON.parse(text));
        expect(quick.ok).toBe(full.success);
        if (quick.ok && full.success) expect(quick.bundle).toEqual(full.data);
      }),
      { numRuns: 500 },
    );
  });
});
