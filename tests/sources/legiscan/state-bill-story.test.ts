import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  billAsOf,
  droneBill,
  readLegiscanFixture,
  startFakeLegiscanApi,
  type FakeLegiscanApi,
} from '../../fakes/legiscan-api.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import { runCli } from '../../support/run-cli.js';

/**
 * Issue 19's story as a user runs it: `banwatch poll --once` (a fresh process on the same store
 * each time, so every poll is also a restart) against a local LegiScan whose search finds the
 * drone-procurement bill (tests/fixtures/legiscan, an edited copy of a real record), posting
 * through the real Slack app to a fake Slack API; then `bills`, `vendor` and `status`.
 */
const KEY = 'legiscan-story-key-0001';
const TOKEN = 'xoxb-state-story-token-0001';
let legiscan: FakeLegiscanApi;
let slack: FakeSlackApi;
let config: string;
const FIRST_TS = '1700000001.000100';

beforeAll(async () => {
  legiscan = await startFakeLegiscanApi({ apiKey: KEY });
  legiscan.bill(readLegiscanFixture('getbill-AK-2011-HB1.json'));
  slack = await startFakeSlackApi({ botToken: TOKEN });
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-state-story-'));
  config = join(dir, 'banwatch.yaml');
  writeFileSync(
    config,
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'sources:',
      '  - {id: states, type: legiscan, states: [all]}',
      'channels:',
      '  - {id: gov-slack, type: slack, channel: C0GOV0001}',
    ].join('\n'),
  );
});
afterAll(async () => {
  await legiscan?.close();
  await slack?.close();
});

const env = () => ({
  LEGISCAN_API_KEY: KEY,
  LEGISCAN_API_URL: legiscan.url,
  SLACK_BOT_TOKEN: TOKEN,
  SLACK_SIGNING_SECRET: 'state-story-signing-secret',
  SLACK_API_URL: slack.url,
});

/** LegiScan as the bill stood at the end of `day`, then one `poll --once`; returns what reached Slack. */
async function pollAt(day: string) {
  legiscan.bill(billAsOf(droneBill(), day));
  const before = slack.posts('C0GOV0001').length;
  const run = await runCli(['poll', '--once', '--config', config], env());
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).not.toContain('FAILED');
  return slack.posts('C0GOV0001').slice(before);
}

describe('a state drone-procurement bill from search to law', () => {
  it('finds the bill by search; the first alert states its stage, its state and credits LegiScan', async () => {
    const posted = await pollAt('2012-02-14');
    expect(posted).toHaveLength(1);
    const text = JSON.stringify(posted[0]);
    expect(posted[0]?.text).toContain(
      'Now tracking Arkansas HB1044 (2012), reported by committee: An Act To Prohibit State Agencies From Purchasing Or Operating Drones',
    );
    expect(text).toContain('LegiScan (CC BY 4.0)');
    expect(text).toContain('DJI');
    // The state as jurisdiction: the item carries it, and its title names the state for the classifier.
    expect(text).toContain('US-state:AR');
    expect(posted[0]?.thread_ts).toBeUndefined();
    expect(legiscan.requests.every((r) => r.query.get('key') === KEY)).toBe(true);
  });

  it('an unchanged change_hash costs no bill read and posts nothing', async () => {
    const from = legiscan.requests.length;
    expect(await pollAt('2012-02-14')).toEqual([]);
    expect(legiscan.count('getBill', from)).toBe(0);
  });

  it("a moved hash posts each new stage once, as replies in the first alert's thread", async () => {
    const posted = await pollAt('2012-02-16');
    expect(posted.map((p) => String(p.text).split(':').slice(0, 2).join(':'))).toEqual([
      'Update: AR HB1044 (2012) passed the House',
      'Update: AR HB1044 (2012) passed both chambers',
      'Update: AR HB1044 (2012) sent to the Governor',
    ]);
    expect(posted.every((p) => p.thread_ts === FIRST_TS)).toBe(true);
    expect(await pollAt('2012-02-16')).toEqual([]);
  });

  it('the law, once; a restart repeats nothing', async () => {
    const posted = await pollAt('2012-02-21');
    expect(posted.map((p) => String(p.text).split(':').slice(0, 2).join(':'))).toEqual([
      'Update: AR HB1044 (2012) enacted',
    ]);
    expect(posted[0]?.text).toContain('Act 36');
    expect(posted[0]?.thread_ts).toBe(FIRST_TS);
    expect(await pollAt('2012-02-21')).toEqual([]);
    expect(slack.posts('C0GOV0001')).toHaveLength(5);
  });

  it('`bills` lists the state bill with its stage and date, credited; `--state` filters', async () => {
    const run = await runCli(['bills', '--config', config], env());
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('State bills (1) — LegiScan (CC BY 4.0)');
    expect(run.stdout).toContain('AR HB1044 (2012) / AR Act 36: An Act To Prohibit State Agencies');
    expect(run.stdout).toContain('enacted (2012-02-21)');
    const tn = await runCli(['bills', '--state', 'TN', '--config', config], env());
    expect(tn.stdout).toContain('none seen in TN yet');
    const ar = await runCli(['bills', '--state', 'ar', '--config', config], env());
    expect(ar.stdout).toContain('AR HB1044 (2012)');
    // A code that is no state's is a usage error, not an empty list.
    const zz = await runCli(['bills', '--state', 'ZZ', '--config', config], env());
    expect(zz.status).toBe(2);
    expect(zz.stderr).toContain("A state is a US state's two-letter postal code");
  });

  it('`vendor DJI` lists the state bill naming it, with state, stage and date', async () => {
    const run = await runCli(['vendor', 'DJI', '--config', config], env());
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('AR HB1044 (2012) / AR Act 36 — An Act To Prohibit');
    expect(run.stdout).toContain('enacted (2012-02-21)');
    expect(run.stdout).toContain('LegiScan (CC BY 4.0)');
  });

  it("`status` shows the month's LegiScan queries", async () => {
    const run = await runCli(['status', '--config', config], env());
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`states \\(legiscan\\).* ${legiscan.requests.length} of 30,000 queries in \\d{4}-\\d{2}`),
    );
  });

  it('the key stays out of logs and status when LegiScan cannot be reached', async () => {
    const down = { ...env(), LEGISCAN_API_URL: 'http://127.0.0.1:9/', LOG_LEVEL: 'trace' };
    const poll = await runCli(['poll', '--once', '--config', config], down);
    const status = await runCli(['status', '--config', config], down);
    expect(poll.stdout + poll.stderr).toMatch(/states: FAILED \(network\) LegiScan, the search/);
    for (const text of [poll.stdout, poll.stderr, status.stdout, status.stderr]) expect(text).not.toContain(KEY);
  });
});
