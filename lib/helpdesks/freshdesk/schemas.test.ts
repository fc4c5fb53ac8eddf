import { describe, expect, it } from 'vitest';
import { describeIssues } from '../shared/http-client';
import { clone, fixture } from '../shared/test-fixtures';
import { freshdeskAgentSchema, freshdeskSatisfactionRatingsSchema } from './schemas';

describe('Freshdesk schemas accept the fixtures', () => {
  it.each(['freshdesk-agents-me-docs-example.json', 'freshdesk-agent-python-freshdesk-fixture.json'])(
    '%s as an agent',
    (name) => {
      expect(freshdeskAgentSchema.safeParse(fixture('freshdesk', name)).success).toBe(true);
    },
  );

  it('the satisfaction_ratings list, malformed documented times included', () => {
    const list = freshdeskSatisfactionRatingsSchema.parse(
      fixture('freshdesk', 'freshdesk-satisfaction_ratings-list-docs-example.json'),
    );
    expect(list.map((rating) => [rating.created_at, rating.updated_at])).toEqual([
      ['2015-08-28T09:08:16.000Z', '2015-08-28T09:08:16.000Z'],
      ['2015-08-28T10:08:16.000Z', '2015-08-28T11:08:16.000Z'],
    ]);
  });
});

describe('Freshdesk schemas reject broken variants, naming the field', () => {
  const list = () =>
    clone(fixture<Record<string, unknown>[]>('freshdesk', 'freshdesk-satisfaction_ratings-list-docs-example.json'));
  const problem = (value: unknown) => {
    const parsed = freshdeskSatisfactionRatingsSchema.safeParse(value);
    if (parsed.success) throw new Error('expected a rejection');
    return describeIssues(parsed.error);
  };

  it('a ticket_id that is a string', () => {
    const broken = list();
    broken[1]!.ticket_id = 'abc';
    expect(problem(broken)).toBe('[1].ticket_id: expected number, received string');
  });

  it('ratings that are not numbers', () => {
    const broken = list();
    broken[0]!.ratings = { default_question: 'happy' };
    expect(problem(broken)).toMatch(/^\[0\]\.ratings\.default_question: expected number/);
  });

  it('an object where the bare array should be', () => {
    expect(problem({ satisfaction_ratings: list() })).toMatch(/^\(root\): expected array/);
  });

  it('an agent without contact', () => {
    const agent = clone(fixture<Record<string, unknown>>('freshdesk', 'freshdesk-agents-me-docs-example.json'));
    delete agent.contact;
    const parsed = freshdeskAgentSchema.safeParse(agent);
    expect(parsed.success ? '' : describeIssues(parsed.error)).toMatch(/^contact: expected object/);
  });
});
