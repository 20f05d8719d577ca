import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rssDocument, startFeedServer, type FeedServer, type RssItemSpec } from '../fakes/feed-server.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { runCli } from '../support/run-cli.js';

/**
 * The core path as a new user meets it: real feeds on a local server, `banwatch poll --once`
 * run as the CLI, real webhook notifiers posting to local fakes that record what arrived.
 */
let feeds: FeedServer;
let hooks: WebhookServer;
let dir: string;
let config: string;

const recent = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000);
const oldNews: RssItemSpec[] = [
  {
    title: 'Quarterly results beat expectations at chipmaker',
    link: 'https://news.example/a1',
    guid: 'a1',
    pubDate: recent(30),
  },
  {
    title: 'Hikvision unveils new ColorVu camera line',
    link: 'https://news.example/a2',
    guid: 'a2',
    pubDate: recent(40),
  },
];
const banStory: RssItemSpec = {
  title: 'FCC bans new Hikvision and Dahua equipment over national security risk',
  link: 'https://news.example/fcc-hikvision?utm_source=rss',
  guid: 'a3',
  pubDate: recent(1),
  description: '<p>The Federal Communications Commission voted to bar new authorizations.</p>',
};

function serveFeeds(a: RssItemSpec[], b: RssItemSpec[]) {
  feeds.route('/a.xml', { body: rssDocument({ title: 'Feed A', items: a }), etag: `"a-${a.length}"` });
  feeds.route('/b.xml', { body: rssDocument({ title: 'Feed B', items: b }), etag: `"b-${b.length}"` });
}

beforeAll(async () => {
  feeds = await startFeedServer();
  hooks = await startWebhookServer();
  dir = mkdtempSync(join(tmpdir(), 'banwatch-e2e-'));
  config = join(dir, 'banwatch.yaml');
  writeFileSync(
    config,
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'sources:',
      `  - {id: feed-a, type: rss, url: "${feeds.url('/a.xml')}", interval: 10m}`,
      `  - {id: feed-b, type: rss, url: "${feeds.url('/b.xml')}", interval: 10m}`,
      'channels:',
      `  - {id: slack-sec, type: slack-webhook, url: "\${SLACK_HOOK}"}`,
      `  - {id: discord-ops, type: discord-webhook, url: "${hooks.url('/discord')}", vendors: [Hikvision]}`,
      `  - {id: huawei-only, type: slack-webhook, url: "${hooks.url('/huawei')}", vendors: [Huawei]}`,
    ].join('\n'),
  );
});
afterAll(async () => {
  await feeds.close();
  await hooks.close();
});

const env = () => ({ SLACK_HOOK: hooks.url('/slack') });
const poll = () => runCli(['poll', '--once', '--config', config], env());

describe('from a feed to the channels', () => {
  it('posts nothing on the first poll of a feed', async () => {
    serveFeeds(oldNews, [
      { title: 'Weather warning for the coast', link: 'https://other.example/w', guid: 'b1', pubDate: recent(5) },
    ]);
    const run = await poll();
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('feed-a: first poll, recorded 2 existing items');
    expect(run.stderr).toContain(
      'polled 2 sources: 2 with new items (3 items, 0 alerts queued), 0 not modified, 0 failed',
    );
    // The command reports each feed itself: no log line repeats it.
    expect(run.stderr).not.toContain('"level"');
    expect(hooks.posts).toHaveLength(0);
  });

  it('counts unchanged feeds in the summary without a line each', async () => {
    const run = await poll();
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      'polled 2 sources: 0 with new items (0 items, 0 alerts queued), 2 not modified, 0 failed',
    );
    expect(run.stderr).not.toMatch(/^feed-[ab]:/m);
    expect(hooks.posts).toHaveLength(0);
  });

  it('posts a new ban item once to each matching channel, even when two feeds carry it', async () => {
    const sameStoryInB: RssItemSpec = {
      ...banStory,
      guid: 'b-copy',
      link: 'http://news.example/fcc-hikvision?fbclid=xyz',
    };
    serveFeeds(
      [banStory, ...oldNews],
      [
        sameStoryInB,
        { title: 'Weather warning for the coast', link: 'https://other.example/w', guid: 'b1', pubDate: recent(5) },
      ],
    );
    const run = await poll();
    expect(run.status).toBe(0);
    expect(hooks.delivered('/slack')).toHaveLength(1);
    expect(hooks.delivered('/discord')).toHaveLength(1);
    expect(hooks.delivered('/huawei')).toHaveLength(0);
    const slack = hooks.delivered('/slack')[0]?.body as { text: string };
    expect(slack.text).toContain('FCC bans new Hikvision');
    const embed = (hooks.delivered('/discord')[0]?.body as { embeds: Array<{ title: string; url: string }> }).embeds[0];
    // Both feeds are polled at once: whichever copy is ingested first carries the story.
    expect([
      'https://news.example/fcc-hikvision?utm_source=rss',
      'http://news.example/fcc-hikvision?fbclid=xyz',
    ]).toContain(embed?.url);
  });

  it('posts nothing on a third poll', async () => {
    const before = hooks.posts.length;
    const run = await poll();
    expect(run.status).toBe(0);
    expect(hooks.posts).toHaveLength(before);
    expect(feeds.requestsTo('/a.xml').at(-1)?.headers['if-none-match']).toBe(`"a-3"`);
  });

  it('waits out a 429 with Retry-After and delivers once, at least 1 s later', async () => {
    hooks.script({ status: 429, headers: { 'retry-after': '1' }, path: '/slack' });
    serveFeeds(
      [
        {
          ...banStory,
          title: 'Commerce adds Hikvision affiliates to the Entity List',
          guid: 'a4',
          link: 'https://news.example/entity',
        },
        banStory,
        ...oldNews,
      ],
      [],
    );
    const run = await poll();
    expect(run.status).toBe(0);
    const attempts = hooks.posts.filter((p) => p.path === '/slack' && JSON.stringify(p.body).includes('Entity List'));
    expect(attempts.map((p) => p.status)).toEqual([429, 200]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it('keeps alerts in the outbox while a webhook is down, and the next poll delivers them', async () => {
    hooks.fallback = { status: 503 };
    serveFeeds(
      [
        {
          ...banStory,
          title: 'US sanctions Hikvision over surveillance',
          guid: 'a5',
          link: 'https://news.example/sanction',
        },
      ],
      [],
    );
    const down = await poll();
    expect(down.status).toBe(0);
    expect(down.stderr).toMatch(/outbox: [1-9]\d* waiting/);
    expect(hooks.delivered().filter((p) => JSON.stringify(p.body).includes('US sanctions Hikvision'))).toHaveLength(0);
    hooks.fallback = { status: 200 };
    const status = await runCli(['status', '--config', config], env());
    expect(status.stdout).toMatch(/Outbox:\n {2}[1-9]\d* waiting/);
    const up = await poll();
    expect(up.status).toBe(0);
    expect(
      hooks.delivered('/slack').filter((p) => JSON.stringify(p.body).includes('US sanctions Hikvision')),
    ).toHaveLength(1);
    expect(
      hooks.delivered('/discord').filter((p) => JSON.stringify(p.body).includes('US sanctions Hikvision')),
    ).toHaveLength(1);
  });
});
