import { describe, expect, it } from 'vitest';
import { billAnswer } from '../../../src/sources/legiscan/legiscan-schema.js';
import { stateStages } from '../../../src/sources/legiscan/legiscan-stages.js';
import { parseStateBillRef } from '../../../src/sources/legiscan/state-bill-id.js';
import { pollShare } from '../../../src/sources/legiscan/monthly-usage.js';
import { readLegiscanFixture } from '../../fakes/legiscan-api.js';

const read = (name: string) => {
  const parsed = billAnswer.parse({ bill: readLegiscanFixture(name) });
  if (!('bill' in parsed)) throw new Error('no bill');
  return parsed.bill;
};

describe('state bill stages from the real LegiScan records', () => {
  it('AR HB1044 (2012 fiscal): committee, House, both chambers, to the Governor, Act 36', () => {
    expect(stateStages(read('getbill-AR-2012F-HB1044.json'))).toEqual([
      { stage: 'introduced', date: '2012-02-07', action: 'House Prefiled', chamber: 'House' },
      {
        stage: 'in-committee',
        date: '2012-02-13',
        action:
          'House Read the first time, rules suspended, read the second time and referred to the Committee on JOINT BUDGET COMMITTEE',
      },
      { stage: 'reported', date: '2012-02-14', action: 'House Returned by the Committee Do Pass' },
      {
        stage: 'passed-one-chamber',
        date: '2012-02-15',
        action: 'House Read the third time and passed and ordered transmitted to the Senate.',
        chamber: 'House',
      },
      { stage: 'passed-both', date: '2012-02-16', action: 'Senate Read the third time and passed.' },
      {
        stage: 'to-president',
        date: '2012-02-16',
        action: "House Correctly enrolled and ordered transmitted to the Governor's Office.",
      },
      {
        stage: 'enacted',
        date: '2012-02-21',
        action: 'House Notification that HB1044 is now Act 36',
        reference: 'Act 36',
      },
    ]);
  });

  it('AK HB1 (27th Legislature): a referral in the second chamber does not move the bill back', () => {
    expect(stateStages(read('getbill-AK-2011-HB1.json')).map((s) => s.stage)).toEqual([
      'introduced',
      'in-committee',
      'reported',
      'passed-one-chamber',
    ]);
  });
});

describe('config spellings and the monthly share', () => {
  it('reads `TN SB1234 2024`', () => {
    expect(parseStateBillRef('tn sb 1234 2024')).toEqual({ state: 'TN', number: 'SB1234', year: 2024 });
    expect(parseStateBillRef('SB1234 2024')).toBeUndefined();
  });

  it('spreads what is left over the polls left in the month once 80% is used', () => {
    const now = new Date('2026-12-21T00:00:00Z'); // 11 days left: 44 polls at 6h
    expect(pollShare(1_000, 30_000, now, 21_600_000)).toBe(29_000);
    expect(pollShare(25_600, 30_000, now, 21_600_000)).toBe(100);
    expect(pollShare(30_000, 30_000, now, 21_600_000)).toBe(0);
  });
});
