import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rssDocument, startFeedServer, type FeedServer, type RssItemSpec } from '../fakes/feed-server.js';
import {
  blocksOf,
  blockText,
  slashCommandForm,
  signedPost,
  startFakeSlackApi,
  type FakeSlackApi,
} from '../fakes/slack-api.js';
import { runInProcess } from '../support/run-in-process.js';

/**
 * `banwatch run` as a user starts it: the CLI with SLACK_BOT_TOKEN (from a `_FILE`),
 * SLACK_SIGNING_SECRET, SLACK_API_URL pointed at the fake Slack and PORT=0, stopped by SIGTERM.
 */
const TOKEN = 'xoxb-cli-run-token-0002';
const SECRET = 'cli-run-signing-secret-0002';
let feeds: FeedServer;
let slack: FakeSlackApi;
let dir: string;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
const old: RssItemSpec = {
  title: 'Weather warning for the coast',
  link: 'https://news.example/w',
  guid: 'w1',
  pubDate: hoursAgo(20),
};
const ban: RssItemSpec = {
  title: 'US bans Huawei and ZTE equipment from federal networks',
  link: 'https://news.example/huawei',
  guid: 'h1',
  pubDate: hoursAgo(1),
};

beforeAll(async () => {
  feeds = await startFeedServer();
  slack = await startFakeSlackApi({ botToken: TOKEN });
  feeds.route('/feed.xml', { body: rssDocument({ items: [old] }) });
  dir = mkdtempSync(join(tmpdir(), 'banwatch-slack-run-'));
  writeFileSync(join(dir, 'bot-token'), `${TOKEN}\n`);
  writeFileSync(
    join(dir, 'banwatch.yaml'),
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'sources:',
      `  - {id: feed, type: rss, url: "${feeds.url('/feed.xml')}", interval: 1s}`,
      'channels:',
      '  - {id: security, type: slack, channel: C0123ABCD}',
    ].join('\n'),
  );
});
afterAll(async () => {
  await feeds.close();
  await slack.close();
});

describe('banwatch run with Slack', () => {
  it('serves /slack/events, posts each new alert as Block Kit, and stops on SIGTERM', async () => {
    const run = runInProcess(['--config', join(dir, 'banwatch.yaml')], {
      SLACK_BOT_TOKEN_FILE: join(dir, 'bot-token'),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.url,
      PORT: '0',
    });
    let status: number | undefined;
    try {
      const port = await run.port();
      expect(run.stderr()).toContain('chat: slack connected');
      const events = `http://127.0.0.1:${port}/slack/events`;

      const form = slashCommandForm({
        text: 'vendor hikvision',
        user_id: 'U0MEMBER',
        channel_id: 'C0123ABCD',
        response_url: slack.responseUrl('cli1'),
      });
      expect((await signedPost(events, SECRET, form)).status).toBe(200);
      const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === 'cli1'));
      expect(JSON.stringify(answer.body.blocks)).toContain('Section 889');
      expect((await signedPost(events, 'wrong-secret', form)).status).toBe(401);

      await expect.poll(() => feeds.requestsTo('/feed.xml').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      feeds.route('/feed.xml', { body: rssDocument({ items: [ban, old] }) });
      const post = await slack.waitFor(() => slack.posts('C0123ABCD')[0], 20_000);
      expect(blocksOf(post).map((b) => b.type)).toEqual(['header', 'section', 'context', 'context', 'actions']);
      expect(blockText(post, 1)).toBe(
        '*<https://news.example/huawei|US bans Huawei and ZTE equipment from federal networks>*',
      );
      expect(post.unfurl_links).toBe(false);
    } finally {
      status = await run.stop();
    }
    expect(status).toBe(0);
    expect(slack.posts('C0123ABCD')).toHaveLength(1);
    expect(run.stderr()).not.toContain(TOKEN);
  });
});
