import { describe, expect, it } from 'vitest';
import { fixture } from '../shared/test-fixtures';
import { draftFromReportRow, helpscoutRatingValue } from './csat';
import { helpscoutReportPageSchema } from './schemas';

const rows = () =>
  helpscoutReportPageSchema.parse(fixture('helpscout', 'helpscout-reports-user-ratings-docs-example.json')).results;

describe('Help Scout happiness normalization (DESIGN.md §4: great / okay / not good → 1 / 0.5 / 0)', () => {
  it.each([
    // The report filter's words, the rating object's, and the webhook's (HELPDESK-APIS.md §3.5).
    ['great', 'great', 1, true],
    ['Great', 'great', 1, true],
    ['ok', 'okay', 0.5, false],
    ['okay', 'okay', 0.5, false],
    ['Okay', 'okay', 0.5, false],
    ['not-good', 'not_good', 0, false],
    ['not_good', 'not_good', 0, false],
    ['Not Good', 'not_good', 0, false],
    ['Bad', 'not_good', 0, false],
  ])('%s → %s = %f, satisfied %s', (raw, value, normalized, satisfied) => {
    expect(helpscoutRatingValue(raw)).toEqual({ scale: 'great-okay-not-good', value, normalized, satisfied });
  });

  it.each(['unknown', '', 'all', 'excellent'])('“%s” is not a rating', (raw) => {
    expect(helpscoutRatingValue(raw)).toBeNull();
  });

  it('reads the documented report rows with the value the report was asked for', () => {
    expect(rows().map((row) => draftFromReportRow(row, 'not-good', 'user_ratings'))).toEqual([
      {
        sourceId: '1',
        source: 'user_ratings',
        ticketId: '424890237',
        rating: { scale: 'great-okay-not-good', value: 'not_good', normalized: 0, satisfied: false },
        comment: 'Nice work!',
        agentId: '19',
        createdAt: '2017-09-02T11:23:43.000Z',
        updatedAt: '2017-09-02T11:23:43.000Z',
      },
      {
        sourceId: '1',
        source: 'user_ratings',
        ticketId: '424910211',
        rating: { scale: 'great-okay-not-good', value: 'not_good', normalized: 0, satisfied: false },
        comment: 'Great job',
        agentId: '4',
        createdAt: '2017-09-02T11:28:47.000Z',
        updatedAt: '2017-09-02T11:28:47.000Z',
      },
    ]);
  });

  it('keeps a row without comment or agent, and drops an unknown value', () => {
    const [row] = rows();
    expect(draftFromReportRow({ ...row!, ratingComments: null, ratingUserId: null }, 'great', 'x')).toMatchObject({
      comment: null,
      agentId: null,
    });
    expect(draftFromReportRow(row!, 'unknown', 'x')).toBeNull();
  });
});
