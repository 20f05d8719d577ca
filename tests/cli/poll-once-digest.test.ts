import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollOnceCommand } from '../../src/cli/poll-command.js';
import { routerCommand } from '../../src/cli/router-command.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp, type App } from '../../src/main.js';
import { silentLogger } from '../../src/shared/logger.js';
import { rssDocument, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { capturedIo } from '../support/captured-io.js';
import { mutableClock } from '../support/mutable-clock.js';

/**
 * A cron user's digest channel: `poll --once` every few minutes is the only tick there is, so a
 * run after the firing must send the digest (before, the alerts were collected and never left).
 */
let feeds: FeedServer;
let hooks: WebhookServer;
let dir: string;
const clock = mutableClock('2026-03-02T08:00:00Z');
const apps: App[] = [];

beforeAll(async () => {
  feeds = await startFeedServer();
  hooks = await startWebhookServer();
  dir = mkdtempSync(join(tmpdir(), 'banwatch-cron-digest-'));
  writeFileSync(
    join(dir, 'config.yaml'),
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'delivery: {channelGap: 0s}',
      'sources:',
      `  - {id: news, type: rss, url: "${feeds.url('/news.xml')}", interval: 10m}`,
      'channels:',
      `  - {id: briefing, type: slack-webhook, url: "${hooks.url('/briefing')}", digest: {every: daily, at: "09:00"}}`,
      `  - {id: live, type: slack-webhook, url: "${hooks.url('/live')}"}`,
    ].join('\n'),
  );
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await feeds.close();
  await hooks.close();
});

/** One cron run (`poll --once`, or another command): a fresh app on the same store, as a new process would be. */
async function pollOnce(
  command: 'poll' | 'status' = 'poll',
): Promise<{ status: number; stderr: string; stdout: string }> {
  const app = await createApp({
    config: loadConfig({ file: join(dir, 'config.yaml'), env: {} }),
    logger: silentLogger(),
    stdout: new PassThrough(),
    clock,
    oneShot: true,
  });
  apps.push(app);
  const { io, stdout, stderr } = capturedIo();
  const status =
    command === 'poll'
      ? await pollOnceCommand(app, io)
      : await routerCommand(app.router, ['status'], io, { json: false });
  await app.close();
  apps.pop();
  return { status, stderr: stderr(), stdout: stdout() };
}

const item = (guid: string, title: string) => ({
  title,
  link: `https://news.example/${guid}`,
  guid,
  pubDate: new Date(clock.now().getTime() - 60_000),
});

describe('poll --once and digest channels', () => {
  it('collects before the firing, sends the digest with the first run after it, and only once', async () => {
    feeds.route('/news.xml', { body: rssDocument({ items: [item('old', 'Quarterly results at a chipmaker')] }) });
    expect((await pollOnce()).status).toBe(0);

    clock.set('2026-03-02T08:20:00Z');
    feeds.route('/news.xml', {
      body: rssDocument({
        items: [
          item('ban', 'FCC bans new Hikvision and Dahua equipment over national security risk'),
          item('old', 'Quarterly results at a chipmaker'),
        ],
      }),
    });
    const before = await pollOnce();
    expect(before.stderr).not.toContain('digests:');
    expect(hooks.delivered('/live')).toHaveLength(1);
    expect(hooks.delivered('/briefing')).toHaveLength(0);
    // status says what waits and when it goes.
    expect((await pollOnce('status')).stdout).toContain(
      'briefing: daily at 09:00 UTC · 1 alert collected · next 2026-03-02 09:00 UTC',
    );

    clock.set('2026-03-02T09:07:00Z');
    const after = await pollOnce();
    expect(after.status).toBe(0);
    expect(after.stderr).toContain('digests: 1 digest due and queued');
    // The feed answered 200 with nothing new (it sends no ETag): counted, not listed.
    expect(after.stderr).not.toContain('news:');
    expect(after.stderr).toContain('polled 1 source: 0 with new items (0 items, 0 alerts queued), 1 with nothing new,');
    expect(after.stderr).toContain('outbox: 0 waiting, 0 dead-lettered');
    expect(hooks.delivered('/briefing')).toHaveLength(1);
    expect(JSON.stringify(hooks.delivered('/briefing')[0])).toContain('FCC bans new Hikvision');

    clock.set('2026-03-02T09:22:00Z');
    const again = await pollOnce();
    expect(again.stderr).not.toContain('digests:');
    expect(hooks.delivered('/briefing')).toHaveLength(1);
    expect((await pollOnce('status')).stdout).toContain(
      'briefing: daily at 09:00 UTC · 0 alerts collected · next 2026-03-03 09:00 UTC',
    );
  });
});
