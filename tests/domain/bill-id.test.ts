import { describe, expect, it } from 'vitest';
import {
  billLabel,
  billThreadKey,
  congressGovUrl,
  formatBillId,
  ordinal,
  originChamber,
  parseBillId,
} from '../../src/domain/bill-id.js';
import { billStageRank, isBillSetback, isConclusiveStage, ruleStageRank } from '../../src/domain/bill-stage.js';

describe('bill ids', () => {
  it('reads hr5515-115 and friendlier spellings of it', () => {
    expect(parseBillId('hr5515-115')).toEqual({ type: 'hr', number: 5515, congress: 115 });
    expect(parseBillId('H.R. 5515-115')).toEqual({ type: 'hr', number: 5515, congress: 115 });
    expect(parseBillId('S.J.Res.8-114')).toEqual({ type: 'sjres', number: 8, congress: 114 });
    expect(parseBillId('hconres1-108')).toEqual({ type: 'hconres', number: 1, congress: 108 });
  });

  it('refuses what is not a bill of a Congress on the API', () => {
    for (const text of ['hr5515', 'hr-115', 'xx1-115', 'hr0-115', 'hr5515-92', 'hr123456-115', 'hr5515-115; drop', ''])
      expect(parseBillId(text), text).toBeUndefined();
  });

  it('names the bill, its thread and its congress.gov page', () => {
    const bill = parseBillId('hr5515-115');
    if (!bill) throw new Error('unreadable');
    expect(formatBillId(bill)).toBe('hr5515-115');
    expect(billLabel(bill)).toBe('H.R.5515 (115th)');
    expect(billThreadKey(bill)).toBe('bill:hr5515-115');
    expect(congressGovUrl(bill)).toBe('https://www.congress.gov/bill/115th-congress/house-bill/5515');
    expect(originChamber(bill)).toBe('House');
    const res = parseBillId('sjres8-114');
    expect(res && [billLabel(res), congressGovUrl(res), originChamber(res)]).toEqual([
      'S.J.Res.8 (114th)',
      'https://www.congress.gov/bill/114th-congress/senate-joint-resolution/8',
      'Senate',
    ]);
  });

  it('writes ordinals the English way', () => {
    expect([101, 102, 103, 111, 112, 113, 115, 121].map(ordinal)).toEqual([
      '101st',
      '102nd',
      '103rd',
      '111th',
      '112th',
      '113th',
      '115th',
      '121st',
    ]);
  });
});

describe('stage order', () => {
  it('ranks the bill ladder and keeps setbacks off it', () => {
    const ladder = [
      'introduced',
      'in-committee',
      'reported',
      'passed-one-chamber',
      'passed-other-chamber',
      'resolving-differences',
      'passed-both',
      'to-president',
      'enacted',
    ];
    expect(ladder.map(billStageRank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(billStageRank('vetoed')).toBe(0);
    expect(isBillSetback('vetoed') && isBillSetback('failed') && !isBillSetback('enacted')).toBe(true);
    expect(['proposed', 'interim', 'final', 'effective'].map(ruleStageRank)).toEqual([1, 2, 3, 4]);
  });

  it('ends a story with a law, a final rule or the day a rule takes effect', () => {
    expect(isConclusiveStage('bill', 'enacted')).toBe(true);
    expect(isConclusiveStage('bill', 'to-president')).toBe(false);
    expect(isConclusiveStage('rule', 'final') && isConclusiveStage('rule', 'effective')).toBe(true);
    expect(isConclusiveStage('rule', 'interim')).toBe(false);
  });
});
