import { describe, expect, it } from 'vitest';
import type { Chamber } from '../../../src/domain/bill-stage.js';
import { actionEvents, type BillAction } from '../../../src/sources/congress/action-events.js';
import { actionsResponse, toBillAction } from '../../../src/sources/congress/congress-schema.js';
import { billProgress, type BillProgress } from '../../../src/sources/congress/stage-history.js';
import { govJson, readBillStatus, readGovtrack } from '../../support/gov-fixtures.js';

/** Every stage a bill showed, in order, as its actions arrived one by one (oldest first). */
function stagesAlongTheWay(actions: readonly BillAction[], origin: Chamber, introducedDate?: string): string[] {
  const seen: string[] = [];
  for (let i = 1; i <= actions.length; i++) {
    const p = billProgress(actions.slice(0, i), { origin, ...(introducedDate ? { introducedDate } : {}) });
    const step = `${p.stage}@${p.date}`;
    if (seen.at(-1) !== step) seen.push(step);
  }
  return seen;
}

/** BILLSTATUS lists actions newest first; the stage model reads them oldest first. */
function billStatus(path: string) {
  const { actions, laws } = readBillStatus(path);
  return { actions: [...actions].reverse(), laws };
}

describe('the stage model on GovInfo BILLSTATUS (legacy and 3.0.0 formats)', () => {
  it('S.1300 (114th, legacy): Senate first, House without amendment, signed, Public Law 114-70', () => {
    const { actions, laws } = billStatus('govinfo-billstatus/BILLSTATUS-114s1300.xml');
    expect(stagesAlongTheWay(actions, 'Senate')).toEqual([
      'introduced@2015-05-12',
      'in-committee@2015-05-12',
      'reported@2015-07-09',
      'passed-one-chamber@2015-07-14',
      'passed-both@2015-10-06',
      'to-president@2015-10-08',
      'enacted@2015-10-16',
    ]);
    expect(billProgress(actions, { origin: 'Senate', laws })).toMatchObject({
      stage: 'enacted',
      law: '114-70',
      signed: true,
      action: 'Signed by President.',
    });
  });

  it('S.J.Res.8 (114th, legacy): vetoed, and the veto stands', () => {
    const { actions } = billStatus('govinfo-billstatus/BILLSTATUS-114sjres8.xml');
    expect(billProgress(actions, { origin: 'Senate' })).toMatchObject({
      stage: 'vetoed',
      ladder: 'to-president',
      date: '2015-03-31',
    });
  });

  it('H.R.2471 (117th, 3.0.0): ping-pong — Senate amendment, House amends it, Senate agrees — then law', () => {
    const { actions, laws } = billStatus('govinfo-billstatus/BILLSTATUS-117hr2471.xml');
    expect(stagesAlongTheWay(actions, 'House')).toEqual([
      'introduced@2021-04-13',
      'in-committee@2021-04-13',
      'passed-one-chamber@2021-06-29',
      'passed-other-chamber@2022-01-13',
      'resolving-differences@2022-03-09',
      'passed-both@2022-03-10',
      'to-president@2022-03-14',
      'enacted@2022-03-15',
    ]);
    expect(billProgress(actions, { origin: 'House', laws }).law).toBe('117-103');
  });

  it('committee-only bills stay in committee (S.2979, S.790)', () => {
    expect(
      billProgress(billStatus('govinfo-billstatus/BILLSTATUS-115s2979.xml').actions, { origin: 'Senate' }).stage,
    ).toBe('in-committee');
    expect(
      billProgress(billStatus('govinfo-billstatus/BILLSTATUS-116s790.xml').actions, { origin: 'Senate' }).stage,
    ).toBe('in-committee');
  });

  it('S.3509 (115th): passed both without amendment and presented, not yet law', () => {
    const { actions } = billStatus('govinfo-billstatus/DEV-BILLSTATUS-115s3509.xml');
    expect(billProgress(actions, { origin: 'Senate' })).toMatchObject({ stage: 'to-president', date: '2018-10-02' });
  });
});

describe('the stage model against the unitedstates/congress status histories (text only, no codes)', () => {
  const cases: Array<[string, Chamber, Record<string, string>, string]> = [
    // The scraper's status -> the stage banwatch must show from that action on.
    [
      'hr3590-111',
      'House',
      {
        'PASS_OVER:HOUSE': 'passed-one-chamber',
        'PASS_BACK:SENATE': 'passed-other-chamber',
        'PASSED:BILL': 'passed-both',
        'ENACTED:SIGNED': 'enacted',
      },
      'enacted',
    ],
    [
      'hr6331-110',
      'House',
      {
        'PASS_OVER:HOUSE': 'passed-one-chamber',
        'PASSED:BILL': 'passed-both',
        'PROV_KILL:VETO': 'vetoed',
        'ENACTED:VETO_OVERRIDE': 'enacted',
      },
      'enacted',
    ],
    [
      'hjres64-111',
      'House',
      {
        'PASS_OVER:HOUSE': 'passed-one-chamber',
        'PASSED:BILL': 'passed-both',
        'PROV_KILL:VETO': 'vetoed',
        'VETOED:OVERRIDE_FAIL_ORIGINATING:HOUSE': 'vetoed',
      },
      'vetoed',
    ],
    ['s968-112', 'Senate', { INTRODUCED: 'introduced', REFERRED: 'in-committee', REPORTED: 'reported' }, 'reported'],
  ];
  it.each(cases)('%s follows the scraper status by status', (bill, origin, expected, final) => {
    const history = readGovtrack(`unitedstates-congress/${bill}.govtrack.xml`);
    const checked: string[] = [];
    for (const status of history.states) {
      const want = expected[status.state];
      if (!want) continue;
      // Replayed up to the action that carries the status.
      const progress = billProgress(history.actions.slice(0, status.index + 1), {
        origin,
        introducedDate: history.introduced,
      });
      checked.push(status.state);
      expect(progress.stage, `${bill} after ${status.state} on ${status.date}`).toBe(want);
    }
    expect(checked.length).toBeGreaterThanOrEqual(3);
    expect(billProgress(history.actions, { origin, introducedDate: history.introduced }).stage).toBe(final);
  });

  it('H.R.6331 became law over the veto: enacted, not "signed"', () => {
    const history = readGovtrack('unitedstates-congress/hr6331-110.govtrack.xml');
    expect(billProgress(history.actions, { origin: 'House' })).toMatchObject({ stage: 'enacted', law: '110-275' });
    expect(billProgress(history.actions, { origin: 'House' }).signed).toBeUndefined();
  });
});

describe('the stage model on Congress.gov JSON', () => {
  it('reads H.R.21 (117th) from the real /actions response: passed the House, referred in the Senate', () => {
    const parsed = actionsResponse.parse(govJson('congress-gov-api/bill_117_hr_21_actions.json'));
    const progress = billProgress(parsed.actions.map(toBillAction).reverse(), {
      origin: 'House',
      introducedDate: '2021-01-04',
    });
    expect(progress).toMatchObject({ stage: 'passed-one-chamber', chamber: 'House', date: '2021-01-05' });
    expect(progress.action).toMatch(
      /^Passed\/agreed to in House: On motion to suspend the rules and pass the bill Agreed to by voice vote/,
    );
  });

  it('walks H.R.5515 (115th) through every stage of the story', () => {
    const parsed = actionsResponse.parse(govJson('constructed/hr5515-115.actions.json'));
    expect(stagesAlongTheWay(parsed.actions.map(toBillAction).reverse(), 'House')).toEqual([
      'introduced@2018-04-13',
      'in-committee@2018-04-13',
      'reported@2018-05-15',
      'passed-one-chamber@2018-05-24',
      'passed-other-chamber@2018-06-18',
      'resolving-differences@2018-07-12',
      'passed-both@2018-08-01',
      'to-president@2018-08-03',
      'enacted@2018-08-13',
    ]);
  });
});

describe('reading one action', () => {
  const loc = (code: string, text: string): BillAction => ({
    date: '2020-01-01',
    code,
    text,
    recordedBy: 'library-of-congress',
  });

  it('tells "signed" from "became law" under the one code 36000, by its text', () => {
    expect(actionEvents(loc('36000', 'Signed by President.'), true)).toEqual([{ kind: 'signed' }]);
    expect(actionEvents(loc('36000', 'Became Public Law No: 115-232.'), true)).toEqual([
      { kind: 'became-law', law: '115-232' },
    ]);
  });

  it('never reads a House floor code as a Library code (H21000 is a hearing, 21000 a conference report)', () => {
    expect(actionEvents({ date: '2020-01-01', code: 'H21000', text: 'Subcommittee Hearings Held.' }, true)).toEqual([]);
    expect(
      actionEvents(
        loc(
          '21000',
          'Conference report agreed to in House: On agreeing to the conference report Agreed to by voice vote.',
        ),
        true,
      ),
    ).toEqual([{ kind: 'conference-agreed', chamber: 'House' }]);
  });

  it('ignores uncoded chamber actions that only mention a step when codes exist', () => {
    const motion: BillAction = {
      date: '2022-03-10',
      text: 'Motion by Senator Schumer to concur in the House amendment to the Senate amendment to H.R. 2471 made in Senate.',
      recordedBy: 'senate',
    };
    expect(actionEvents(motion, true)).toEqual([]);
    // Read by its text alone (no codes in the list), a motion made is not an agreement.
    expect(actionEvents(motion, false)).toEqual([expect.objectContaining({ kind: 'resolving', final: false })]);
  });

  it('passes the second chamber "with an amendment" as passed-other-chamber, "without amendment" as passed-both', () => {
    const intro = loc('1000', 'Introduced in House');
    const house = loc('8000', 'Passed/agreed to in House: On passage Passed by voice vote.');
    expect(
      billProgress(
        [intro, house, loc('17000', 'Passed/agreed to in Senate: Passed Senate with an amendment by Voice Vote.')],
        { origin: 'House' },
      ).stage,
    ).toBe('passed-other-chamber');
    expect(
      billProgress(
        [
          intro,
          house,
          loc('17000', 'Passed/agreed to in Senate: Passed Senate without amendment by Unanimous Consent.'),
        ],
        { origin: 'House' },
      ).stage,
    ).toBe('passed-both');
  });

  it('takes the law from laws[] when the actions lag behind', () => {
    const progress = billProgress(
      [loc('1000', 'Introduced in House'), { ...loc('28000', 'Presented to President.'), date: '2020-02-01' }],
      { origin: 'House', laws: ['116-1'] },
    );
    expect(progress).toMatchObject({ stage: 'enacted', law: '116-1', date: '2020-02-01' });
  });

  it('a failed vote is a setback that a later passage supersedes', () => {
    const failed = billProgress(
      [
        loc('1000', 'Introduced in House'),
        loc(
          '9000',
          'Failed of passage/not agreed to in House: On motion to suspend the rules and pass the bill Failed by the Yeas and Nays: (2/3 required): 220 - 200.',
        ),
      ],
      { origin: 'House' },
    );
    expect(failed).toMatchObject({ stage: 'failed', ladder: 'introduced', chamber: 'House' });
    const later: BillProgress = billProgress(
      [
        loc('1000', 'Introduced in House'),
        loc('9000', 'Failed of passage/not agreed to in House: ...'),
        { ...loc('8000', 'Passed/agreed to in House: On passage Passed by voice vote.'), date: '2020-02-01' },
      ],
      { origin: 'House' },
    );
    expect(later).toMatchObject({ stage: 'passed-one-chamber', date: '2020-02-01' });
  });
});
