import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackCommand } from '../../src/cli/feedback-command.js';
import { parseEvalJsonl } from '../../src/classify/eval/eval-rows.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp, type App } from '../../src/main.js';
import { createLogger } from '../../src/shared/logger.js';
import { rssDocument, startFeedServer, type FeedServer, type RssItemSpec } from '../fakes/feed-server.js';
import { blockActionForm } from '../fakes/slack-interactions.js';
import {
  blocksOf,
  signedPost,
  slashCommandForm,
  startFakeSlackApi,
  type FakeSlackApi,
  type SlackBody,
} from '../fakes/slack-api.js';

/**
 * Issue 21 (mentions and triage) with the whole app, as slack-app.test.ts drives it: the real
 * Bolt app and WebClient against the fake Slack Web API, signed requests on the app's HTTP server.
 * GIVEN a channel whose config pings a user group for Hikvision at stage rule, and one that pings nobody.
 */
const TOKEN = 'xoxb-triage-bot-token-0001';
const SECRET = 'triage-signing-secret-0001';
let feeds: FeedServer;
let slack: FakeSlackApi;
let app: App;
let events: string;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
const hostile: RssItemSpec = {
  title: 'FCC bans new Hikvision cameras @everyone <!channel> <!subteam^S0EVIL001> <@U0BOSS001>',
  link: 'https://news.example/hik-ban',
  guid: 'hik1',
  pubDate: hoursAgo(1),
  description: 'Everyone <!here> should know. <@U0BOSS001>',
};
const drones: RssItemSpec = {
  title: 'Commerce Department adds DJI to Entity List, restricting exports',
  link: 'https://news.example/dji-entity',
  guid: 'dji1',
  pubDate: hoursAgo(2),
};
const moreHik = (n: number): RssItemSpec => ({
  title: `FCC bans Hikvision equipment, part ${n}`,
  link: `https://news.example/hik-${n}`,
  guid: `hik-more-${n}`,
  pubDate: hoursAgo(0.5),
});
const serve = (items: RssItemSpec[]) => feeds.route('/news.xml', { body: rssDocument({ title: 'News', items }) });

beforeAll(async () => {
  feeds = await startFeedServer();
  slack = await startFakeSlackApi({ botToken: TOKEN });
  slack.user('UADMIN', { is_admin: true, name: 'ada' });
  slack.user('UMEMBER', { name: 'mo' });
  serve([]);
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-triage-slack-'));
  const file = join(dir, 'banwatch.yaml');
  writeFileSync(
    file,
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'sources:',
      `  - {id: news, type: rss, url: "${feeds.url('/news.xml')}", interval: 1s}`,
      'channels:',
      '  - id: security',
      '    type: slack',
      '    channel: C0SEC0001',
      '    mentions:',
      '      - {when: {vendors: [Hikvision], stage: [rule, enacted]}, ping: ["<!subteam^S0PROC001>"]}',
      '  - {id: ops, type: slack, channel: C0OPS0001}',
      'triage: {suggestMuteAfter: 2}',
    ].join('\n'),
  );
  const config = loadConfig({
    file,
    env: { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.url, PORT: '0' },
  });
  const logger = createLogger({ level: 'warn', secrets: config.secrets, destination: { write: () => true } as never });
  app = await createApp({ config, logger, stdout: { write: () => true } as unknown as NodeJS.WritableStream });
  const { httpPort } = await app.start();
  events = `http://127.0.0.1:${httpPort}/slack/events`;
  // The first poll records the (empty) feed; items served after it are new.
  for (let i = 0; i < 150 && !(await app.stores.feeds.get('news'))?.initialized; i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
});
afterAll(async () => {
  await app?.close();
  await feeds.close();
  await slack.close();
});

/** Every `<…>` Slack would read as a mention or link in a body: pings are `<!…>` and `<@…>`. */
function pingsIn(body: SlackBody): string[] {
  return JSON.stringify(body).match(/<[!@][^<>]*>/g) ?? [];
}

let presses = 0;
async function press(post: SlackBody, ts: string, action: string, user: string, extra: { channel?: string } = {}) {
  const id = `press${++presses}`;
  const form = blockActionForm({
    message: post,
    ts,
    actionId: `bw_triage:${action}`,
    user_id: user,
    user_name: user === 'UADMIN' ? 'ada' : 'mo',
    channel_id: extra.channel ?? 'C0SEC0001',
    response_url: slack.responseUrl(id),
  });
  return { id, form, result: await signedPost(events, SECRET, form) };
}

async function command(text: string, user: string) {
  const id = `cmd${++presses}`;
  await signedPost(
    events,
    SECRET,
    slashCommandForm({ text, user_id: user, channel_id: 'C0SEC0001', response_url: slack.responseUrl(id) }),
  );
  return (await slack.waitFor(() => slack.responses.find((r) => r.id === id))).body;
}

describe('mentions on Slack', () => {
  it('pings exactly the configured group for a matching alert, and feed text pings nobody', async () => {
    serve([hostile, drones]);
    const hik = await slack.waitFor(
      () => slack.posts('C0SEC0001').find((p) => String(p.text).includes('Hikvision')),
      20_000,
    );
    expect(String(hik.text).startsWith('<!subteam^S0PROC001> ')).toBe(true);
    expect(blocksOf(hik)[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: '<!subteam^S0PROC001>' } });
    // The group twice (fallback and block), nothing else: the feed's @everyone, <!channel>,
    // <!subteam^S0EVIL001>, <!here> and <@U0BOSS001> arrive escaped.
    expect(pingsIn(hik)).toEqual(['<!subteam^S0PROC001>', '<!subteam^S0PROC001>']);
    expect(JSON.stringify(hik)).toContain('&lt;!channel&gt;');
    const dji = await slack.waitFor(() => slack.posts('C0SEC0001').find((p) => String(p.text).includes('DJI')), 20_000);
    expect(pingsIn(dji)).toEqual([]);
    await expect.poll(() => slack.posts('C0OPS0001').length, { timeout: 10_000 }).toBe(2);
    for (const post of slack.posts('C0OPS0001')) expect(pingsIn(post)).toEqual([]);
  });

  it('lets an admin add a rule from chat and refuses a member; the next alert pings the new group', async () => {
    expect(await command('mentions add vendor:DJI ping:<!subteam^S0DRONE01|@drones>', 'UMEMBER')).toMatchObject({
      text: 'Not allowed',
    });
    const refused = await command('mentions add vendor:DJI ping:@drones', 'UADMIN');
    expect(JSON.stringify(refused)).toContain('BAD_PING');
    const added = await command('mentions add vendor:DJI ping:<!subteam^S0DRONE01|@drones>', 'UADMIN');
    expect(added).toMatchObject({ response_type: 'in_channel', text: 'Mention rule 1 added in security' });
    expect(JSON.stringify(await command('mentions list', 'UMEMBER'))).toContain('vendor DJI');
    serve([
      {
        ...drones,
        title: 'Commerce Department adds DJI subsidiaries to Entity List',
        guid: 'dji2',
        link: 'https://news.example/dji2',
      },
    ]);
    const post = await slack.waitFor(
      () => slack.posts('C0SEC0001').find((p) => String(p.text).includes('subsidiaries')),
      20_000,
    );
    expect(pingsIn(post)).toEqual(['<!subteam^S0DRONE01>', '<!subteam^S0DRONE01>']);
  });
});

describe('triage buttons on Slack', () => {
  const hikPost = () => {
    const posts = slack.posts('C0SEC0001');
    const index = posts.findIndex((p) => String(p.text).includes('new Hikvision cameras'));
    return { post: posts[index] as SlackBody, ts: slack.postedTs('C0SEC0001')[index] as string };
  };

  it('shows Acknowledge, Not relevant and Mute vendor here on every alert', () => {
    const actions = blocksOf(hikPost().post).find((b) => b.type === 'actions');
    expect((actions?.elements as unknown as Array<{ action_id: string }>).map((e) => e.action_id)).toEqual([
      'bw_triage:ack',
      'bw_triage:not-relevant',
      'bw_triage:mute',
    ]);
  });

  it('records an acknowledgement once and shows who on the message; a second press changes nothing', async () => {
    const { post, ts } = hikPost();
    const first = await press(post, ts, 'ack', 'UMEMBER');
    expect(first.result.status).toBe(200);
    const update = await slack.waitFor(() => slack.updates('C0SEC0001')[0]);
    expect(update.ts).toBe(ts);
    expect(JSON.stringify(update.blocks)).toMatch(/Acknowledged by mo at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    const second = await press(post, ts, 'ack', 'UADMIN');
    expect(second.result.status).toBe(200);
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === second.id));
    expect(answer.body.text).toContain('Already recorded');
    expect(slack.updates('C0SEC0001')).toHaveLength(1);
    expect((await app.stores.triage.list('ack')).map((v) => v.by)).toEqual(['UMEMBER']);
  });

  it('refuses a press replayed with its original signature, and a forged one, recording nothing', async () => {
    const { post, ts } = hikPost();
    const form = blockActionForm({
      message: post,
      ts,
      actionId: 'bw_triage:not-relevant',
      user_id: 'UMEMBER',
      channel_id: 'C0SEC0001',
      response_url: slack.responseUrl('forged'),
    });
    expect((await signedPost(events, 'not-the-secret', form)).status).toBe(401);
    const timestamp = Math.floor(Date.now() / 1000);
    const ok = await signedPost(events, SECRET, form, { timestamp });
    expect(ok.status).toBe(200);
    expect((await signedPost(events, SECRET, form, { timestamp })).status).toBe(401);
    await slack.waitFor(() => slack.updates('C0SEC0001').length === 2);
    expect(await app.stores.triage.list('not-relevant')).toHaveLength(1);
  });

  it('suggests a mute after the configured number of "Not relevant" presses on one vendor', async () => {
    serve([moreHik(1)]);
    const post = await slack.waitFor(
      () => slack.posts('C0SEC0001').find((p) => String(p.text).includes('part 1')),
      20_000,
    );
    const ts = slack.postedTs('C0SEC0001')[slack.posts('C0SEC0001').indexOf(post)] as string;
    const { id } = await press(post, ts, 'not-relevant', 'UMEMBER');
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === id));
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect(answer.body.text).toContain('2 alerts about Hikvision were marked not relevant');
  });

  it("refuses a member's mute and mutes the vendor for an admin", async () => {
    const { post, ts } = hikPost();
    const member = await press(post, ts, 'mute', 'UMEMBER');
    expect((await slack.waitFor(() => slack.responses.find((r) => r.id === member.id))).body.text).toContain(
      'NOT_ADMIN',
    );
    expect(await app.stores.watch.list('security')).toEqual([]);
    await press(post, ts, 'mute', 'UADMIN');
    await expect
      .poll(async () => (await app.stores.watch.list('security')).map((t) => [t.term, t.mode]))
      .toEqual([['Hikvision', 'mute']]);
    await slack.waitFor(() =>
      JSON.stringify(slack.updates('C0SEC0001').at(-1)?.blocks).includes('Hikvision muted here by ada'),
    );
  });

  it('refuses a press on a message in a channel banwatch does not post to', async () => {
    const { post, ts } = hikPost();
    const { id } = await press(post, ts, 'ack', 'UMEMBER', { channel: 'C0ELSE001' });
    expect((await slack.waitFor(() => slack.responses.find((r) => r.id === id))).body.text).toContain('NOT_MEMBER');
  });

  it('exports the "Not relevant" verdicts as eval rows labelled not-relevant', async () => {
    let out = '';
    const io = {
      stdin: process.stdin,
      stdout: { write: (s: string) => ((out += s), true) },
      stderr: { write: () => true },
    };
    expect(await feedbackCommand(['export'], io as never, { verdicts: app.stores.triage, channel: 'security' })).toBe(
      0,
    );
    const rows = parseEvalJsonl(out);
    expect(rows.map((r) => r.title)).toEqual([hostile.title, moreHik(1).title]);
    expect(rows.every((r) => !r.relevant && r.stage === 'none')).toBe(true);
    expect(
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { label: string }).label),
    ).toEqual(['not-relevant', 'not-relevant']);
    out = '';
    await feedbackCommand(['export', '--since', '2999-01-01'], io as never, { verdicts: app.stores.triage });
    expect(out).toBe('');
  });
});
