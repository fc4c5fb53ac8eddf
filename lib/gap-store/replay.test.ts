import { describe, expect, it } from 'vitest';
import { assessment, BAD, GOOD, rating } from '../gap/test-support';
import { recordsAfterWrite } from './replay';

const trans = {} as never;
const one = rating('1', GOOD);
const k1 = one.ticketKey;
const k2 = rating('2', GOOD).ticketKey;

describe('replaying a write on the records before it', () => {
  it('moves a rating that changed ticket out of the old ticket and into the new one', () => {
    const moved = { ...one, ticketId: '2', ticketKey: k2 };
    const before = new Map([
      [k1, { assessment: undefined, ratings: [one] }],
      [k2, { assessment: undefined, ratings: [] }],
    ]);
    const after = recordsAfterWrite('csatRatings', { type: 'put', trans, values: [moved] }, before)!;
    expect(after.get(k1)!.ratings).toEqual([]);
    expect(after.get(k2)!.ratings).toEqual([moved]);
  });

  it('keeps the last of two values with the same id in one request, and leaves the input alone', () => {
    const before = new Map([[k1, { assessment: undefined, ratings: [one] }]]);
    const rerated = { ...one, rating: BAD };
    const after = recordsAfterWrite('csatRatings', { type: 'put', trans, values: [one, rerated] }, before)!;
    expect(after.get(k1)!.ratings).toEqual([rerated]);
    expect(before.get(k1)!.ratings).toEqual([one]);
  });

  it('deletes ratings by id and assessments by ticket key', () => {
    const a = assessment('1');
    const before = new Map([[k1, { assessment: a, ratings: [one] }]]);
    expect(
      recordsAfterWrite('csatRatings', { type: 'delete', trans, keys: [one.id] }, before)!.get(k1)!.ratings,
    ).toEqual([]);
    expect(
      recordsAfterWrite('assessments', { type: 'delete', trans, keys: [k1] }, before)!.get(k1)!.assessment,
    ).toBeUndefined();
  });

  it('gives up (the caller reads back) on a write it cannot replay exactly', () => {
    const before = new Map([[k1, { assessment: undefined, ratings: [] }]]);
    expect(recordsAfterWrite('csatRatings', { type: 'put', trans, values: [{ ...one, id: 42 }] }, before)).toBeNull();
    expect(recordsAfterWrite('assessments', { type: 'put', trans, values: [assessment('9')] }, before)).toBeNull();
  });
});
