import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.js';
import type { FeedState } from '../../src/domain/feed-state.js';
import { openStores } from '../../src/store/open-stores.js';
import { startFakeCongressApi, type FakeCongressApi } from '../fakes/congress-api.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { hr5515At } from '../support/hr5515-story.js';
import { runCli } from '../support/run-cli.js';

/**
 * Issue 5's story, as a user runs it: `banwatch poll --once` (a fresh app on the same store
 * each time, so every poll is also a restart) against a local Congress.gov serving H.R.5515
 * with its actions appearing poll after poll, posting through the real Slack app to a fake
 * Slack API and through a real Slack webhook notifier to a local webhook.
 */
const KEY = 'congress-test-key-0001';
const TOKEN = 'xoxb-bill-story-token-0001';
let congress: FakeCongressApi;
let slack: FakeSlackApi;
let hooks: WebhookServer;
let config: string;
let storeUrl: string;
let earlyState: FeedState | undefined;

async function feedState(): Promise<FeedState | undefined> {
  const stores = await openStores(storeUrl, systemClock);
  try {
    return await stores.feeds.get('congress');
  } finally {
    await stores.close();
  }
}
/** The fake Slack numbers the messages it accepts 1700000001.000100, 1700000002.000100, ...: the story's first alert is its first message. */
const FIRST_TS = '1700000001.000100';

beforeAll(async () => {
  congress = await startFakeCongressApi({ apiKey: KEY });
  slack = await startFakeSlackApi({ botToken: TOKEN });
  hooks = await startWebhookServer();
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-bill-story-'));
  config = join(dir, 'banwatch.yaml');
  storeUrl = `sqlite://${join(dir, 'state.sqlite')}`;
  writeFileSync(
    config,
    [
      `store: ${storeUrl}`,
      'sources:',
      '  - id: congress',
      '    type: congress',
      '    apiKey: ${CONGRESS_API_KEY}',
      '    interval: 30m',
      '    bills:',
      '      - {id: hr5515-115, vendors: [Hikvision, Dahua, Huawei, ZTE, Hytera]}',
      'channels:',
      '  - {id: gov-slack, type: slack, channel: C0GOV0001}',
      `  - {id: gov-hook, type: slack-webhook, url: "${hooks.url('/gov')}", vendors: [Hikvision]}`,
    ].join('\n'),
  );
});
afterAll(async () => {
  await congress?.close();
  await slack?.close();
  await hooks?.close();
});

const env = () => ({
  CONGRESS_API_KEY: KEY,
  CONGRESS_API_URL: congress.url,
  SLACK_BOT_TOKEN: TOKEN,
  SLACK_SIGNING_SECRET: 'bill-story-signing-secret',
  SLACK_API_URL: slack.url,
});

/** Congress.gov as it stood at the end of `day`, then one `poll --once`; returns what reached Slack. */
async function pollAt(day: string, updateDate: string) {
  const { record, actions } = hr5515At(day, updateDate);
  congress.bill('hr5515-115', record, actions);
  const before = slack.posts('C0GOV0001').length;
  const run = await runCli(['poll', '--once', '--config', config], env());
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).not.toContain('FAILED');
  return slack.posts('C0GOV0001').slice(before);
}

const titles = () => slack.posts('C0GOV0001').map((post) => String(post.text));

describe('H.R.5515 from introduction to Public Law 115-232', () => {
  it('posts "tracking started" with the current stage the first time the bill is tracked', async () => {
    const posted = await pollAt('2018-04-13', '2018-04-14T09:00:00Z');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toContain(
      'Now tracking H.R.5515 (115th), referred to committee: John S. McCain National Defense Authorization Act for Fiscal Year 2019',
    );
    expect(posted[0]?.thread_ts).toBeUndefined();
    // The key went as a query parameter, with format=json, and never into the output.
    expect(congress.requests.every((r) => r.query.get('api_key') === KEY && r.query.get('format') === 'json')).toBe(
      true,
    );
  });

  it('repeats nothing when nothing changed, and reads no actions while updateDate stands still', async () => {
    const requests = congress.requests.length;
    expect(await pollAt('2018-04-13', '2018-04-14T09:00:00Z')).toEqual([]);
    expect(congress.requests.slice(requests).map((r) => r.path)).toEqual(['/v3/bill/115/hr/5515']);
  });

  it('posts "passed the House" as a reply in the first alert\'s thread', async () => {
    const posted = await pollAt('2018-05-24', '2018-05-25T08:00:00Z');
    expect(posted.map((p) => p.text)).toEqual([
      expect.stringContaining('H.R.5515 (115th) passed the House: John S. McCain'),
    ]);
    expect(posted[0]?.thread_ts).toBe(FIRST_TS);
    earlyState = await feedState();
  });

  it('posts nothing when only updateDate moves (a summary edit)', async () => {
    const requests = congress.requests.length;
    expect(await pollAt('2018-05-24', '2018-05-30T12:00:00Z')).toEqual([]);
    expect(congress.requests.slice(requests).map((r) => r.path)).toEqual([
      '/v3/bill/115/hr/5515',
      '/v3/bill/115/hr/5515/actions',
      // A changed record is also asked whether another measure carried its text into law.
      '/v3/bill/115/hr/5515/relatedbills',
    ]);
  });

  it('posts the Senate passage, resolving differences, both chambers, the President and the law, once each', async () => {
    expect((await pollAt('2018-06-18', '2018-06-19T08:00:00Z')).map((p) => p.text)).toEqual([
      expect.stringContaining('passed the Senate with an amendment'),
    ]);
    expect((await pollAt('2018-07-12', '2018-07-13T08:00:00Z')).map((p) => p.text)).toEqual([
      expect.stringContaining('resolving differences'),
    ]);
    // The House agrees to the conference report: still resolving differences, so nothing new.
    expect(await pollAt('2018-07-26', '2018-07-27T08:00:00Z')).toEqual([]);
    expect((await pollAt('2018-08-01', '2018-08-02T08:00:00Z')).map((p) => p.text)).toEqual([
      expect.stringContaining('passed both chambers'),
    ]);
    expect((await pollAt('2018-08-03', '2018-08-04T08:00:00Z')).map((p) => p.text)).toEqual([
      expect.stringContaining('presented to the President'),
    ]);
    const enacted = await pollAt('2018-08-13', '2018-08-14T08:00:00Z');
    expect(enacted.map((p) => p.text)).toEqual([
      expect.stringContaining(
        'H.R.5515 (115th) signed into law: John S. McCain National Defense Authorization Act for Fiscal Year 2019 — Public Law 115-232',
      ),
    ]);
    // The law ends the story: its reply is also broadcast to the channel.
    expect(enacted[0]?.reply_broadcast).toBe(true);
  });

  it('a restart after the law repeats nothing', async () => {
    expect(await pollAt('2018-08-13', '2018-08-14T08:00:00Z')).toEqual([]);
    expect(await pollAt('2018-08-13', '2019-01-02T08:00:00Z')).toEqual([]);
  });

  it('a crash that lost the saved cursor repeats nothing either: each stage is claimed once', async () => {
    // As if every cursor write since "passed the House" had been lost.
    const stores = await openStores(storeUrl, systemClock);
    try {
      const current = await stores.feeds.get('congress');
      if (!current || !earlyState) throw new Error('no feed state');
      await stores.feeds.put({ ...current, cursor: earlyState.cursor });
    } finally {
      await stores.close();
    }
    expect(await pollAt('2018-08-13', '2019-01-03T08:00:00Z')).toEqual([]);
    expect((await feedState())?.cursor).toMatchObject({ bills: { 'hr5515-115': { stage: 'enacted' } } });
  });

  it("posted the whole story once, in order, every later stage in the first alert's thread", async () => {
    const all = slack.posts('C0GOV0001');
    expect(titles().map(stageOf)).toEqual([
      'tracking started',
      'passed the House',
      'passed the Senate',
      'resolving differences',
      'passed both',
      'to the President',
      'enacted',
    ]);
    expect(all[0]?.thread_ts).toBeUndefined();
    expect(all.slice(1).map((post) => post.thread_ts)).toEqual(Array(6).fill(FIRST_TS));
    // What banwatch remembered as the thread's root is that first message.
    const stores = await openStores(storeUrl, systemClock);
    try {
      expect(await stores.threads.get('gov-slack', 'bill:hr5515-115')).toEqual({
        platform: 'slack',
        id: FIRST_TS,
        channel: 'C0GOV0001',
      });
    } finally {
      await stores.close();
    }
  });

  it('sends the same story to a webhook channel, later stages marked as updates', () => {
    const texts = hooks.delivered('/gov').map((post) => String((post.body as { text: string }).text));
    expect(texts.map(stageOf)).toEqual([
      'tracking started',
      'passed the House',
      'passed the Senate',
      'resolving differences',
      'passed both',
      'to the President',
      'enacted',
    ]);
    expect(texts.slice(1).every((text) => text.startsWith('Update: H.R.5515 (115th)'))).toBe(true);
  });

  it('`banwatch vendor hikvision` lists H.R.5515 / Public Law 115-232 with the date of its last stage', async () => {
    const run = await runCli(['vendor', 'hikvision', '--config', config], env());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Tracked bills and rules:');
    expect(run.stdout).toMatch(
      /H\.R\.5515 \(115th\) \/ Public Law 115-232 — John S\. McCain National Defense Authorization Act for Fiscal Year 2019 — enacted \(2018-08-13\)/,
    );
  });

  it('`banwatch bills` shows the bill with its stage, last action and date', async () => {
    const run = await runCli(['bills', '--config', config], env());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'H.R.5515 (115th) / Public Law 115-232: John S. McCain National Defense Authorization Act for Fiscal Year 2019 — enacted (2018-08-13) — 2018-08-13: Signed by President.',
    );
    const json = await runCli(['bills', '--json', '--config', config], env());
    expect((JSON.parse(json.stdout) as { bills: unknown[] }).bills[0]).toMatchObject({
      id: 'hr5515-115',
      origin: 'config',
      status: { stage: 'enacted', date: '2018-08-13', reference: 'Public Law 115-232' },
    });
  });
});

function stageOf(text: string): string {
  if (text.includes('Now tracking')) return 'tracking started';
  if (text.includes('passed the House')) return 'passed the House';
  if (text.includes('passed the Senate')) return 'passed the Senate';
  if (text.includes('resolving differences')) return 'resolving differences';
  if (text.includes('passed both chambers')) return 'passed both';
  if (text.includes('presented to the President')) return 'to the President';
  if (text.includes('signed into law') && text.includes('Public Law 115-232')) return 'enacted';
  return `other: ${text}`;
}
