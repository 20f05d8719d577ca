import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp, type App } from '../../src/main.js';
import { createLogger } from '../../src/shared/logger.js';
import { rssDocument, startFeedServer, type FeedServer, type RssItemSpec } from '../fakes/feed-server.js';
import {
  blocksOf,
  blockText,
  slashCommandForm,
  signedPost,
  startFakeSlackApi,
  type FakeSlackApi,
} from '../fakes/slack-api.js';

/**
 * Issue 3's "done when", with the whole app as `banwatch run` builds it (config file and
 * environment through loadConfig, createApp, app.start()): a local feed, the real classifier
 * and RSS source, the real Slack app (Bolt + WebClient) talking to a fake Slack Web API
 * through SLACK_API_URL, and signed slash commands on the app's own HTTP server.
 */
const TOKEN = 'xoxb-e2e-bot-token-0001';
const SECRET = 'e2e-signing-secret-0001';
let feeds: FeedServer;
let slack: FakeSlackApi;
let app: App;
let events: string;
let log = '';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
const oldNews: RssItemSpec[] = [
  {
    title: 'Quarterly results beat expectations at chipmaker',
    link: 'https://news.example/old1',
    guid: 'old1',
    pubDate: hoursAgo(30),
  },
  {
    title: 'Hikvision unveils new ColorVu camera line',
    link: 'https://news.example/old2',
    guid: 'old2',
    pubDate: hoursAgo(40),
  },
];
const banStory: RssItemSpec = {
  title: 'FCC bans new Hikvision and Dahua equipment over national security risk',
  link: 'https://news.example/fcc-hikvision',
  guid: 'ban1',
  pubDate: hoursAgo(1),
  description: 'The Federal Communications Commission voted to bar new authorizations. <!channel>',
};
const unitreeStory: RssItemSpec = {
  // A ban whose target the classifier does not pick out alone (it finds names added to a list, or
  // named right after the ban): only a channel's watch term makes Unitree a vendor here.
  title: 'Pentagon bans robot dogs made by Unitree',
  link: 'https://news.example/unitree-entity-list',
  guid: 'unitree1',
  pubDate: hoursAgo(0.5),
};
const serve = (items: RssItemSpec[]) => feeds.route('/news.xml', { body: rssDocument({ title: 'News', items }) });

beforeAll(async () => {
  feeds = await startFeedServer();
  slack = await startFakeSlackApi({ botToken: TOKEN });
  slack.user('UADMIN', { is_admin: true });
  slack.user('UMEMBER', {});
  serve(oldNews);
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-slack-e2e-'));
  const file = join(dir, 'banwatch.yaml');
  writeFileSync(
    file,
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'sources:',
      `  - {id: news, type: rss, url: "${feeds.url('/news.xml')}", interval: 1s}`,
      'channels:',
      '  - {id: security, type: slack, channel: C0SEC0001}',
      '  - {id: ops, type: slack, channel: C0OPS0001}',
    ].join('\n'),
  );
  const config = loadConfig({
    file,
    env: { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.url, PORT: '0' },
  });
  const logger = createLogger({
    level: 'info',
    secrets: config.secrets,
    destination: { write: (chunk: string) => ((log += chunk), true) } as NodeJS.WritableStream,
  });
  app = await createApp({ config, logger, stdout: { write: () => true } as unknown as NodeJS.WritableStream });
  const { httpPort } = await app.start();
  events = `http://127.0.0.1:${httpPort}/slack/events`;
});
afterAll(async () => {
  await app?.close();
  await feeds.close();
  await slack.close();
});

let n = 0;
async function command(text: string, user: string) {
  const id = `e2e${++n}`;
  const ack = await signedPost(
    events,
    SECRET,
    slashCommandForm({ text, user_id: user, channel_id: 'C0SEC0001', response_url: slack.responseUrl(id) }),
  );
  expect(ack.status).toBe(200);
  const answer = (await slack.waitFor(() => slack.responses.find((r) => r.id === id))).body;
  return { ack, answer, blocks: JSON.stringify(answer.blocks) };
}

describe('banwatch with the Slack app', () => {
  it('records the feed on its first poll and posts nothing', async () => {
    await expect.poll(async () => (await app.stores.feeds.get('news'))?.initialized, { timeout: 15_000 }).toBe(true);
    expect(slack.posts()).toEqual([]);
  });

  it('posts a new alert to the configured channel as Block Kit', async () => {
    serve([banStory, ...oldNews]);
    const post = await slack.waitFor(() => slack.posts('C0SEC0001')[0], 20_000);
    expect(post).toMatchObject({ channel: 'C0SEC0001', unfurl_links: false, unfurl_media: false });
    expect(post.text).toContain('FCC bans new Hikvision and Dahua equipment');
    const [header, , facts, why] = blocksOf(post);
    expect(header?.type).toBe('header');
    expect(blockText(post, 0)).toMatch(/Hikvision.*· Ban/);
    expect(blockText(post, 1)).toBe(
      '*<https://news.example/fcc-hikvision|FCC bans new Hikvision and Dahua equipment over national security risk>*',
    );
    expect(facts?.elements?.map((e) => e.text)).toEqual([
      expect.stringMatching(/^\*Source:\* .+ · \d{4}-\d{2}-\d{2}$/),
      expect.stringMatching(/^\*Stage:\* .+ · \*Jurisdiction:\* US-federal$/),
    ]);
    expect(why?.elements).toHaveLength(1);
    expect(why?.elements?.[0]?.text).toMatch(/^Why: .*Hikvision/);
    expect(JSON.stringify(post)).not.toContain('<!channel>');
    await expect.poll(() => slack.posts('C0OPS0001').length, { timeout: 10_000 }).toBe(1);
    expect(slack.callsTo('chat.postMessage').every((c) => c.token === TOKEN)).toBe(true);
  });

  it('answers a signed `/banwatch vendor hikvision` with Section 889 and the FCC Covered List', async () => {
    const { ack, answer, blocks } = await command('vendor hikvision', 'UMEMBER');
    expect(ack.ms).toBeLessThan(3_000);
    expect(answer.response_type).toBe('ephemeral');
    expect(blocks).toContain('Section 889');
    expect(blocks).toContain('FCC Covered List');
    expect(blocks).toContain('FCC bans new Hikvision');
  });

  it('refuses a wrong signature and a stale timestamp with 401', async () => {
    const form = slashCommandForm({
      text: 'vendor hikvision',
      user_id: 'UMEMBER',
      channel_id: 'C0SEC0001',
      response_url: slack.responseUrl('never'),
    });
    expect((await signedPost(events, 'not-the-secret', form)).status).toBe(401);
    expect((await signedPost(events, SECRET, form, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(
      401,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.responses.some((r) => r.id === 'never')).toBe(false);
  });

  it("refuses a non-admin's `watch add Unitree` and changes nothing", async () => {
    const { answer, blocks } = await command('watch add Unitree', 'UMEMBER');
    expect(answer).toMatchObject({ response_type: 'ephemeral', text: 'Not allowed' });
    expect(blocks).toContain('Nothing was changed');
    expect(await app.stores.watch.list('security')).toEqual([]);
    expect(app.classifier.classify({ title: unitreeStory.title ?? '' }).vendors).not.toContain('Unitree');
  });

  it("confirms an admin's `watch add Unitree` in the channel, and the next poll alerts there", async () => {
    const { answer } = await command('watch add Unitree', 'UADMIN');
    expect(answer).toMatchObject({ response_type: 'in_channel', text: 'Watch term "Unitree" added in security' });
    serve([unitreeStory, banStory, ...oldNews]);
    const post = await slack.waitFor(
      () => slack.posts('C0SEC0001').find((p) => String(p.text).includes('Unitree')),
      20_000,
    );
    expect(blockText(post, 1)).toContain('Pentagon bans robot dogs made by Unitree');
    expect(blockText(post, 0)).toBe('Unitree · Ban');
    // The other channel has no such term: whatever it gets does not name Unitree as a vendor.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const elsewhere = slack.posts('C0OPS0001').filter((p) => String(p.text).includes('Unitree'));
    expect(elsewhere.map((p) => blockText(p, 0))).not.toContain('Unitree · Ban');
    expect(slack.posts('C0SEC0001')).toHaveLength(2);
  });

  it('never logs the bot token or the signing secret', () => {
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(SECRET);
  });
});
