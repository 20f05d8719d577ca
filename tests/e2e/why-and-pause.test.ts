import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhyAnswer } from '../../src/commands/handlers/why-handler.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp, type App } from '../../src/main.js';
import { silentLogger } from '../../src/shared/logger.js';
import { rssDocument, startFeedServer, type FeedServer, type RssItemSpec } from '../fakes/feed-server.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';

/** Issue 7: `why` explains every outcome, and a failing feed is paused with one notice per channel. */
let feeds: FeedServer;
let hooks: WebhookServer;
let app: App;
const admin = { actor: { platform: 'cli' as const, id: 'cli', isAdmin: true } };
/** Real time moved on by `ahead`: a failing feed's backoff runs out between polls when it grows. */
let ahead = 0;
const clock = { now: () => new Date(Date.now() + ahead) };
/** Past any backoff: `poll --once` (pollAll) waits a failing feed's backoff out, as `run` does. */
const pastBackoff = () => (ahead += 2 * 86_400_000);

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
const existing: RssItemSpec = {
  title: 'Commerce adds Hikvision to the Entity List',
  link: 'https://news.example/existing',
  guid: 'e1',
  pubDate: daysAgo(1),
};
const ban: RssItemSpec = {
  title: 'FCC bans new Hikvision cameras over national security risk',
  link: 'https://news.example/ban',
  guid: 'b1',
  pubDate: daysAgo(0),
};
const product: RssItemSpec = {
  title: 'Hikvision unveils a new ColorVu camera line',
  link: 'https://news.example/product',
  guid: 'p1',
  pubDate: daysAgo(0),
};
const stale: RssItemSpec = {
  title: 'US bans Dahua cameras from federal buildings',
  link: 'https://news.example/stale',
  guid: 's1',
  pubDate: daysAgo(30),
};

beforeAll(async () => {
  feeds = await startFeedServer();
  hooks = await startWebhookServer();
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-why-'));
  const hook = (path: string) => hooks.url(path);
  writeFileSync(
    join(dir, 'config.yaml'),
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'delivery: {channelGap: 0s, maxAttempts: 50}',
      'feeds: {pauseAfter: 3}',
      'sources:',
      `  - {id: news, type: rss, url: "${feeds.url('/news.xml')}"}`,
      `  - {id: broken, type: rss, url: "${feeds.url('/broken.xml')}"}`,
      'channels:',
      `  - {id: all, type: slack-webhook, url: "${hook('/all')}"}`,
      `  - {id: huawei, type: slack-webhook, url: "${hook('/huawei')}", vendors: [Huawei]}`,
      `  - {id: strict, type: slack-webhook, url: "${hook('/strict')}", minScore: 1}`,
      `  - {id: quiet, type: slack-webhook, url: "${hook('/quiet')}"}`,
      `  - {id: down, type: discord-webhook, url: "${hook('/down')}"}`,
      `  - {id: gone, type: discord-webhook, url: "${hook('/gone')}", sources: [news]}`,
    ].join('\n'),
  );
  app = await createApp({
    config: loadConfig({ file: join(dir, 'config.yaml'), env: {} }),
    logger: silentLogger(),
    stdout: process.stdout,
    parseInThread: true,
    clock,
  });
  await app.router.handle(['watch', 'mute', 'ColorVu'], { ...admin, channelId: 'quiet' });
  await app.router.handle(['watch', 'mute', 'Hikvision'], { ...admin, channelId: 'quiet' });
});
afterAll(async () => {
  await app?.close();
  await feeds.close();
  await hooks.close();
});

async function why(query: string): Promise<Map<string, WhyAnswer>> {
  const answer = await app.router.handle(['why', query], admin);
  expect(answer.refused).toBeFalsy();
  return new Map((answer.data as { channels: WhyAnswer[] }).channels.map((c) => [c.channelId, c]));
}

describe('why', () => {
  it('explains each outcome, per channel', async () => {
    feeds.route('/news.xml', { body: rssDocument({ items: [existing] }) });
    feeds.route('/broken.xml', { status: 500 });
    await app.engine.pollAll();
    feeds.route('/news.xml', { body: rssDocument({ items: [ban, product, stale, existing] }) });
    hooks.script({ status: 404, body: 'Unknown Webhook', path: '/gone' });
    hooks.fallback = { status: 200 };
    const down = { status: 503 };
    // The "down" webhook keeps failing: script enough 503s for it.
    for (let i = 0; i < 5; i++) hooks.script({ ...down, path: '/down' });
    pastBackoff();
    await app.engine.pollAll();

    expect((await why('https://news.example/never-seen')).get('all')).toMatchObject({ outcome: 'not-seen' });
    expect((await why('https://news.example/existing')).get('all')).toMatchObject({ outcome: 'seen-before' });
    expect((await why('https://news.example/stale')).get('all')).toMatchObject({
      outcome: 'too-old',
      text: expect.stringContaining('more than 14 days') as string,
    });
    const product_ = await why('https://news.example/product');
    expect(product_.get('all')).toMatchObject({
      outcome: 'not-relevant',
      text: expect.stringMatching(/^not relevant \(score [\d.]+\): .*Hikvision/) as string,
    });
    expect(product_.get('quiet')).toMatchObject({
      outcome: 'muted',
      text: expect.stringContaining('ColorVu') as string,
    });

    const banned = await why('https://news.example/ban?utm_source=x');
    expect(banned.get('all')).toMatchObject({
      outcome: 'delivered',
      text: expect.stringMatching(/^delivered at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(relevant\)/) as string,
    });
    expect(banned.get('huawei')).toMatchObject({
      outcome: 'filtered',
      text: 'not posted: filtered: names none of Huawei',
    });
    expect(banned.get('strict')).toMatchObject({
      outcome: 'filtered',
      text: expect.stringMatching(/score .* is below 1/) as string,
    });
    expect(banned.get('quiet')).toMatchObject({
      outcome: 'muted',
      text: expect.stringContaining('Hikvision') as string,
    });
    expect(banned.get('down')).toMatchObject({
      outcome: 'in-outbox',
      text: expect.stringMatching(/^in the outbox: 1 attempts so far, .*HTTP 503/) as string,
    });
    expect(banned.get('gone')).toMatchObject({
      outcome: 'dead-lettered',
      text: expect.stringContaining('HTTP 404: Unknown Webhook') as string,
    });

    const byLink = await app.router.handle(['why', 'https://news.example/ban'], admin);
    const itemKey = (byLink.data as { item: { item: { itemKey: string } } }).item.item.itemKey;
    const byId = await app.router.handle(['why', `news:${itemKey}`], { ...admin, channelId: 'all' });
    expect(byId.title).toBe(`Why: ${ban.title}`);
    expect((byId.data as { channels: WhyAnswer[] }).channels).toEqual([
      expect.objectContaining({ channelId: 'all', outcome: 'delivered' }),
    ]);
    expect((await app.router.handle(['why', 'news:g:0000000000000000'], admin)).title).toBe(
      'Why: an item banwatch has not seen',
    );
    expect((await app.router.handle(['why', 'not a link'], admin)).refused).toBe(true);
  });
});

describe('a feed that keeps failing', () => {
  it('is paused after repeated failures, each channel that receives it is told once, and it resumes', async () => {
    const notices = () => hooks.delivered().filter((p) => JSON.stringify(p.body).includes('Feed paused'));
    // The two polls above failed twice in a row; the third failure pauses the feed.
    expect(feeds.requestsTo('/broken.xml')).toHaveLength(2);
    expect(notices()).toHaveLength(0);
    // Within its backoff a failing feed is not polled again, so an outage counts slowly.
    await app.engine.pollAll();
    expect(feeds.requestsTo('/broken.xml')).toHaveLength(2);
    pastBackoff();
    await app.engine.pollAll();
    const told = notices()
      .map((p) => p.path)
      .sort();
    // "gone" only receives the news source; "down" is failing itself and keeps it queued.
    expect(told).toEqual(['/all', '/huawei', '/quiet', '/strict']);
    expect(JSON.stringify(notices()[0]?.body)).toMatch(/after 3 failures in a row.*HTTP 500.*feeds resume broken/);
    await app.engine.pollAll();
    await app.engine.deliver({ retryNow: true });
    expect(notices()).toHaveLength(4);
    const status = await app.router.handle(['status'], admin);
    expect(JSON.stringify(status.sections)).toContain('broken (rss) · PAUSED since');
    expect(feeds.requestsTo('/broken.xml')).toHaveLength(3);
    feeds.route('/broken.xml', { body: rssDocument({ items: [] }) });
    expect((await app.router.handle(['feeds', 'resume', 'broken'], admin)).title).toBe('Feed "broken" resumed');
    await app.engine.pollAll();
    expect(feeds.requestsTo('/broken.xml')).toHaveLength(4);
    expect((await app.router.handle(['feeds', 'resume', 'broken'], admin)).refused).toBe(true);
  });
});
