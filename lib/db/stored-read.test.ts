import { describe, expect, it } from 'vitest';
import { selfAssessmentSchema } from '../model';
import { parseStored } from './stored-read';

describe('parseStored', () => {
  it('names the first problems of a damaged record with their paths', () => {
    expect(parseStored(selfAssessmentSchema, { ticketKey: 'k', scores: 'broken' })).toEqual({
      status: 'damaged',
      problem: expect.stringMatching(/^ticket: .*; agentId: .*; standardSetId: .* \(and 6 more\)$/),
    });
  });

  it('tells a missing record from a damaged one', () => {
    expect(parseStored(selfAssessmentSchema, undefined)).toEqual({ status: 'missing' });
    expect(parseStored(selfAssessmentSchema, 'text')).toMatchObject({
      status: 'damaged',
      problem: expect.stringMatching(/^\(root\): /),
    });
  });
});
