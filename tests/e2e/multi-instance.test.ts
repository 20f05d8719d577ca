import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBanwatch, type BanwatchProcess } from '../../scripts/faults/banwatch-process.js';
import { rssDocument, startFeedServer, type FeedServer, type RssItemSpec } from '../fakes/feed-server.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { isolatedStoreUrl, serviceUrl } from '../support/service-urls.js';

/**
 * Issue 8: three `banwatch run` processes (the compiled command) share one Redis. Over a stream
 * of new items, every alert reaches the channel once, each feed is polled at most once per
 * interval across the three, and killing one of them loses nothing.
 */
const redis = serviceUrl('REDIS_URL');
const FEEDS = ['f1', 'f2', 'f3', 'f4'];
const INTERVAL_S = 2;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let feeds: FeedServer;
let hooks: WebhookServer;
const published: Record<string, RssItemSpec[]> = {};
let count = 0;
function publish(feed: string): void {
  count++;
  (published[feed] ??= []).unshift({
    title: `Commerce adds drone maker Q-${count} to the Entity List`,
    link: `https://news.example/q-${count}`,
    guid: `q-${count}`,
    pubDate: new Date(),
  });
  feeds.route(`/${feed}.xml`, { body: rssDocument({ items: published[feed] ?? [] }) });
}

beforeAll(async () => {
  feeds = await startFeedServer();
  hooks = await startWebhookServer();
});
afterAll(async () => {
  await feeds.close();
  await hooks.close();
});

describe.skipIf(!redis)('three instances on Redis', () => {
  it('deliver every alert once, poll each feed once per interval, and lose nothing when one is killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banwatch-multi-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(
      config,
      [
        `store: ${isolatedStoreUrl('REDIS_URL', redis as string)}`,
        'delivery: {interval: 1s, channelGap: 0s}',
        'sources:',
        ...FEEDS.map((id) => `  - {id: ${id}, type: rss, url: "${feeds.url(`/${id}.xml`)}", interval: ${INTERVAL_S}s}`),
        'channels:',
        `  - {id: team, type: slack-webhook, url: "${hooks.url('/team')}"}`,
      ].join('\n'),
    );
    for (const feed of FEEDS) publish(feed);
    const baseline = count;
    const instances: BanwatchProcess[] = [0, 1, 2].map(() => startBanwatch(['run', '--config', config]));
    try {
      // Every feed's first poll records what it holds.
      for (let i = 0; i < 100 && FEEDS.some((f) => !feeds.requestsTo(`/${f}.xml`).length); i++) await sleep(100);
      await sleep(1_000);
      const started = Date.now();
      for (let step = 0; step < 40; step++) {
        publish(FEEDS[step % FEEDS.length] as string);
        if (step === 20) {
          instances[0]?.child.kill('SIGKILL');
          await instances[0]?.exited;
        }
        await sleep(250);
      }
      const publishingMs = Date.now() - started;
      const expected = Array.from({ length: count - baseline }, (_, i) => `Q-${baseline + i + 1} `);
      const received = () => hooks.delivered('/team').map((p) => /Q-\d+ /.exec(JSON.stringify(p.body))?.[0]);
      for (let i = 0; i < 400 && expected.some((tag) => !received().includes(tag)); i++) await sleep(150);

      const got = received();
      const missing = expected.filter((tag) => !got.includes(tag));
      const duplicates = got.length - new Set(got).size;
      expect(missing).toEqual([]);
      expect(duplicates).toBeLessThanOrEqual(1);
      for (const feed of FEEDS) {
        const times = feeds.requestsTo(`/${feed}.xml`).map((r) => r.at);
        const gaps = times.slice(1).map((at, i) => at - (times[i] as number));
        // Polls of one feed are spaced by its interval across all three instances (a little
        // early is the tick's granularity); three uncoordinated instances would poll 3x as often.
        expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL_S * 1_000 - 1_100);
        expect(times.length).toBeLessThanOrEqual(
          Math.ceil((Date.now() - (times[0] as number)) / (INTERVAL_S * 1_000)) + 2,
        );
      }
      expect(publishingMs).toBeGreaterThan(9_000);
    } finally {
      for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGTERM');
      await Promise.all(instances.map((instance) => Promise.race([instance.exited, sleep(10_000)])));
    }
  }, 120_000);
});
