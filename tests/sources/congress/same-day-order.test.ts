import { describe, expect, it } from 'vitest';
import type { BillAction } from '../../../src/sources/congress/action-events.js';
import { billProgress, chronological } from '../../../src/sources/congress/stage-history.js';
import { readBillStatus, readGovtrack } from '../../support/gov-fixtures.js';

/**
 * Same-day actions of both chambers, from real histories. The House records times and the
 * Senate does not, and Congress.gov's list does not promise the order within a day, so each day
 * is given here Senate first, untimed before timed: the order sorting by time alone produced.
 */
function senateFirstWithinDays(actions: readonly BillAction[]): BillAction[] {
  const days = [...new Set(actions.map((action) => action.date))];
  return days.flatMap((day) => {
    const today = actions.filter((action) => action.date === day);
    return [...today.filter((action) => !action.time), ...today.filter((action) => action.time)];
  });
}

describe('actions of one day, House and Senate', () => {
  // H.R.6331 (110th), 2008-07-15: vetoed, the House overrode at 16:48, then the Senate (no time), then law.
  const hr6331 = readGovtrack('unitedstates-congress/hr6331-110.govtrack.xml').actions;
  const houseVote = (action: BillAction) => action.text.startsWith('Two-thirds of the Members present');
  const senateVote = (action: BillAction) => action.text.startsWith('Passed Senate over veto');

  it('orders them by the passage of the bill, not by which one has a time', () => {
    const ordered = chronological(senateFirstWithinDays(hr6331), 'House').filter((a) => a.date === '2008-07-15');
    const at = (test: (action: BillAction) => boolean) => ordered.findIndex(test);
    expect(at((a) => a.text.startsWith('Vetoed by President'))).toBeLessThan(at(houseVote));
    expect(at(houseVote)).toBeLessThan(at(senateVote));
    expect(at(senateVote)).toBeLessThan(at((a) => a.text.startsWith('Became Public Law')));
  });

  it('a vetoed bill overridden by both chambers ends enacted; one chamber alone leaves it vetoed', () => {
    const given = senateFirstWithinDays(hr6331);
    expect(billProgress(given, { origin: 'House' })).toMatchObject({
      stage: 'enacted',
      law: '110-275',
      date: '2008-07-15',
    });
    const houseOnly = given.filter((action) => !senateVote(action) && !action.text.startsWith('Became Public Law'));
    expect(billProgress(houseOnly, { origin: 'House' }).stage).toBe('vetoed');
    // The two override votes alone, before the law is recorded, already make it law.
    const beforeLaw = given.filter((action) => !action.text.startsWith('Became Public Law'));
    expect(billProgress(beforeLaw, { origin: 'House' })).toMatchObject({ stage: 'enacted', date: '2008-07-15' });
  });

  it('S.J.Res.8 (114th): the Senate passed it and the House received it the same day; passed one chamber', () => {
    const actions = [...readBillStatus('govinfo-billstatus/BILLSTATUS-114sjres8.xml').actions].reverse();
    const upToPassage = actions.filter((action) => action.date <= '2015-03-04');
    const progress = billProgress(senateFirstWithinDays(upToPassage), { origin: 'Senate' });
    expect(progress).toMatchObject({ stage: 'passed-one-chamber', chamber: 'Senate', date: '2015-03-04' });
  });
});
