import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp, type App } from '../../src/main.js';
import { silentLogger } from '../../src/shared/logger.js';
import { rssDocument, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';

let feeds: FeedServer;
let hooks: WebhookServer;
let app: App;

const ban = {
  title: 'FCC bans new Hikvision and Dahua equipment over national security risk',
  link: 'https://news.example/ban',
  guid: 'ban',
  pubDate: new Date(),
};
const old = {
  title: 'Quarterly results beat expectations at chipmaker',
  link: 'https://news.example/old',
  guid: 'old',
  pubDate: new Date(Date.now() - 3_600_000),
};

beforeAll(async () => {
  feeds = await startFeedServer();
  hooks = await startWebhookServer();
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-poll-all-'));
  writeFileSync(
    join(dir, 'config.yaml'),
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'delivery: {channelGap: 0s}',
      'sources:',
      `  - {id: news, type: rss, url: "${feeds.url('/news.xml')}", interval: 10m}`,
      'channels:',
      `  - {id: sec, type: slack-webhook, url: "${hooks.url('/sec')}"}`,
    ].join('\n'),
  );
  app = await createApp({
    config: loadConfig({ file: join(dir, 'config.yaml'), env: {} }),
    logger: silentLogger(),
    stdout: process.stdout,
  });
});
afterAll(async () => {
  await app?.close();
  await feeds.close();
  await hooks.close();
});

describe('engine.pollAll', () => {
  it('can poll without delivering (what it queued waits for the next delivery), and delivers by default', async () => {
    feeds.route('/news.xml', { body: rssDocument({ items: [old] }) });
    await app.engine.pollAll();
    feeds.route('/news.xml', { body: rssDocument({ items: [ban, old] }) });
    const [summary] = await app.engine.pollAll({ deliver: false });
    expect(summary).toMatchObject({ status: 'ok', report: { fresh: 1, queued: 1 } });
    expect(hooks.delivered('/sec')).toHaveLength(0);
    await app.engine.deliver({ retryNow: true });
    expect(hooks.delivered('/sec')).toHaveLength(1);
    expect(JSON.stringify(hooks.delivered('/sec')[0])).toContain('FCC bans new Hikvision');
  });

  it('works as a one-shot app (no Prometheus metrics, nothing started) and refuses to start as a bot', async () => {
    const oneShot = await createApp({
      config: app.config,
      logger: silentLogger(),
      stdout: process.stdout,
      oneShot: true,
    });
    try {
      feeds.route('/news.xml', { body: rssDocument({ items: [ban, old] }) });
      const [summary] = await oneShot.engine.pollAll({ deliver: false });
      expect(summary).toMatchObject({ status: 'ok' });
      await expect(oneShot.start()).rejects.toMatchObject({ code: 'INTERNAL' });
    } finally {
      await oneShot.close();
    }
  });
});
