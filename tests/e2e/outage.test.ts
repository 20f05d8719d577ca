import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp, type App } from '../../src/main.js';
import { silentLogger } from '../../src/shared/logger.js';
import { rssDocument, startFeedServer, type FeedServer, type RssItemSpec } from '../fakes/feed-server.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { mutableClock } from '../support/mutable-clock.js';
import { isolatedStoreUrl, serviceUrl } from '../support/service-urls.js';
import { startTcpProxy } from '../support/tcp-proxy.js';

/** Issue 7: platforms and the store going away. Nothing is lost, nothing doubled, order kept. */
let feeds: FeedServer;
let hooks: WebhookServer;
const items: RssItemSpec[] = [];
let published = 0;
function publish(): void {
  published++;
  items.unshift({
    title: `US bans Hikvision camera model ZX-${published} over national security risk`,
    link: `https://news.example/zx-${published}`,
    guid: `zx-${published}`,
    pubDate: new Date(),
  });
  feeds.route('/wire.xml', { body: rssDocument({ items }) });
}

beforeAll(async () => {
  feeds = await startFeedServer();
  hooks = await startWebhookServer();
});
afterAll(async () => {
  await feeds.close();
  await hooks.close();
});

async function appFor(
  store: string,
  channels: string[],
  clock = mutableClock(new Date()),
): Promise<{ app: App; clock: ReturnType<typeof mutableClock> }> {
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-outage-'));
  writeFileSync(
    join(dir, 'config.yaml'),
    [
      `store: ${store.replace('DIR', dir)}`,
      'delivery: {channelGap: 0s}',
      'sources:',
      `  - {id: wire, type: rss, url: "${feeds.url('/wire.xml')}", interval: 30s}`,
      'channels:',
      ...channels,
    ].join('\n'),
  );
  const config = loadConfig({ file: join(dir, 'config.yaml'), env: {} });
  const app = await createApp({
    config,
    logger: silentLogger(),
    stdout: process.stdout,
    clock,
    parseInThread: true,
    webhookTimeoutMs: 300,
  });
  return { app, clock };
}

const zx = (path: string) =>
  hooks
    .delivered(path)
    .map((p) => /ZX-(\d+)/.exec(JSON.stringify(p.body))?.[1])
    .map(Number);

describe('a chat platform that is down for 10 minutes', () => {
  it('keeps alerts in the outbox while polling goes on, then delivers each once, in order', async () => {
    const { app, clock } = await appFor('sqlite://DIR/state.sqlite', [
      `  - {id: failing, type: slack-webhook, url: "${hooks.url('/failing')}"}`,
      `  - {id: silent, type: discord-webhook, url: "${hooks.url('/silent')}"}`,
    ]);
    try {
      publish();
      await app.engine.pollAll();
      // One answers 503, the other does not answer in time (each attempt times out).
      hooks.answerFor('/failing', { status: 503 });
      hooks.answerFor('/silent', { status: 504, delayMs: 1_000 });
      const pollsBefore = feeds.requestsTo('/wire.xml').length;
      for (let step = 0; step < 20; step++) {
        publish();
        clock.advance(30_000);
        await app.engine.pollDue();
        await app.engine.settled();
        await app.engine.deliver();
      }
      expect(feeds.requestsTo('/wire.xml').length - pollsBefore).toBeGreaterThanOrEqual(20);
      expect(hooks.delivered('/failing')).toHaveLength(0);
      expect(zx('/silent')).toEqual([]);
      expect((await app.stores.outbox.counts()).pending).toBe(40);
      // The platforms are back.
      hooks.answerFor('/failing', undefined);
      hooks.answerFor('/silent', undefined);
      clock.advance(11 * 60_000);
      await app.engine.deliver();
      const expected = Array.from({ length: 20 }, (_, i) => i + 2);
      expect(zx('/failing')).toEqual(expected);
      expect(zx('/silent')).toEqual(expected);
      expect((await app.stores.outbox.counts()).pending).toBe(0);
    } finally {
      await app.close();
    }
  }, 60_000);
});

const redis = serviceUrl('REDIS_URL');
describe.skipIf(!redis)('a store that goes away (Redis)', () => {
  it('fails work with a clear error while Redis is away, and resumes without loss when it is back', async () => {
    const target = new URL(redis as string);
    const proxy = await startTcpProxy(Number(target.port || 6379), target.hostname);
    const storeUrl = isolatedStoreUrl('REDIS_URL', `redis://127.0.0.1:${proxy.port}`);
    const { app, clock } = await appFor(storeUrl, [
      `  - {id: team, type: slack-webhook, url: "${hooks.url('/team')}"}`,
    ]);
    try {
      publish();
      await app.engine.pollAll();
      publish();
      publish();
      proxy.cut();
      clock.advance(60_000);
      const during = await app.engine.pollAll();
      expect(during).toEqual([
        expect.objectContaining({
          sourceId: 'wire',
          status: 'failed',
          failure: expect.objectContaining({ message: expect.stringMatching(/Redis store/) as string }) as object,
        }),
      ]);
      const status = await app.router.handle(['status'], { actor: { platform: 'cli', id: 'cli', isAdmin: true } });
      expect(status.title).toBe('Something went wrong');
      proxy.restore();
      // The client reconnects in the background within a few seconds.
      let after = await app.engine.pollAll();
      for (let i = 0; i < 40 && after[0]?.status !== 'ok'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        clock.advance(60_000);
        after = await app.engine.pollAll();
      }
      expect(after[0]).toMatchObject({ status: 'ok' });
      const numbers = zx('/team');
      expect(numbers.slice(-2)).toEqual([published - 1, published]);
      expect(new Set(numbers).size).toBe(numbers.length);
    } finally {
      await app.close();
      await proxy.close();
    }
  }, 60_000);
});
