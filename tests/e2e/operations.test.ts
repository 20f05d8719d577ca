import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOpml } from '../../src/sources/opml/opml-read.js';
import { rssDocument, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { runCli } from '../support/run-cli.js';
import { runInProcess } from '../support/run-in-process.js';

/** Issue 9 as an operator meets it: health and metrics while running, OPML in and out, config check. */
let feeds: FeedServer;
let hooks: WebhookServer;
let dir: string;

beforeAll(async () => {
  feeds = await startFeedServer();
  hooks = await startWebhookServer();
  dir = mkdtempSync(join(tmpdir(), 'banwatch-ops-'));
});
afterAll(async () => {
  await feeds.close();
  await hooks.close();
});

function configFile(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    [`store: sqlite://${join(dir, `${name}.sqlite`)}`, 'delivery: {interval: 1s, channelGap: 0s}', ...lines].join('\n'),
  );
  return file;
}

const metric = (text: string, line: RegExp) => Number(line.exec(text)?.[1] ?? Number.NaN);

describe('health and metrics', () => {
  it('answer while banwatch run works, and the metrics move as it polls and delivers', async () => {
    const item = (n: number) => ({
      title: `FCC bans Hikvision model ${n} over national security risk`,
      link: `https://news.example/m${n}`,
      guid: `m${n}`,
      pubDate: new Date(),
    });
    feeds.route('/ops.xml', { body: rssDocument({ items: [item(1)] }) });
    const config = configFile('ops', [
      'sources:',
      `  - {id: ops, type: rss, url: "${feeds.url('/ops.xml')}", interval: 1s}`,
      'channels:',
      `  - {id: hook, type: slack-webhook, url: "${hooks.url('/ops')}"}`,
    ]);
    const run = runInProcess(['--config', config], { PORT: '0' });
    try {
      const base = `http://127.0.0.1:${await run.port()}`;
      expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok\n');
      // Waits for the first poll to show in the metrics, however long a loaded machine takes to get there.
      const okPolls = /^banwatch_polls_total\{outcome="ok"\} (\d+)/m;
      let before = '';
      for (let i = 0; i < 300 && !(metric(before, okPolls) >= 1); i++) {
        if (i) await new Promise((resolve) => setTimeout(resolve, 100));
        before = await (await fetch(`${base}/metrics`)).text();
      }
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ ready: true, problems: [] });
      const polls = metric(before, okPolls);
      expect(polls).toBeGreaterThanOrEqual(1);
      expect(before).toMatch(/^banwatch_process_resident_memory_bytes \d+/m);
      expect(before).toMatch(/^banwatch_outbox_depth\{state="pending"\} 0/m);
      feeds.route('/ops.xml', { body: rssDocument({ items: [item(2), item(1)] }) });
      for (let i = 0; i < 200 && !hooks.delivered('/ops').length; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const after = await (await fetch(`${base}/metrics`)).text();
      expect(metric(after, /^banwatch_polls_total\{outcome="ok"\} (\d+)/m)).toBeGreaterThan(polls);
      expect(metric(after, /^banwatch_items_seen_total (\d+)/m)).toBeGreaterThanOrEqual(2);
      expect(metric(after, /^banwatch_alerts_total\{action="ban"\} (\d+)/m)).toBe(1);
      expect(metric(after, /^banwatch_deliveries_total\{platform="slack-webhook",outcome="delivered"\} (\d+)/m)).toBe(
        1,
      );
      expect(after).toMatch(/^banwatch_classify_seconds_count \d+/m);
      expect((await fetch(`${base}/nope`)).status).toBe(404);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });
});

describe('OPML', () => {
  it('imports a real reader export (nested folders), skips duplicates, and round-trips through export', async () => {
    const opml = join(__dirname, '..', 'fixtures', 'opml', 'all-govinfo-feeds.opml');
    const config = configFile('opml', ['sources: []']);
    const first = await runCli(['feeds', 'import', opml, '--config', config]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^151 added, 0 skipped \(of 151 feeds in .*all-govinfo-feeds\.opml\)$/m);
    const again = await runCli(['feeds', 'import', opml, '--config', config]);
    expect(again.stdout).toMatch(/^0 added, 151 skipped/m);
    const exported = await runCli(['feeds', 'export', '--config', config]);
    expect(exported.status).toBe(0);
    const original = await readOpml(readFileSync(opml, 'utf8'));
    const roundTrip = await readOpml(exported.stdout);
    if (!original.ok || !roundTrip.ok) throw new Error('unreadable OPML');
    expect(roundTrip.feeds.map((f) => f.url).sort()).toEqual(original.feeds.map((f) => f.url).sort());
    const copy = join(dir, 'exported.opml');
    writeFileSync(copy, exported.stdout);
    const elsewhere = configFile('opml2', ['sources: []']);
    expect((await runCli(['feeds', 'import', copy, '--config', elsewhere])).stdout).toMatch(/^151 added, 0 skipped/m);
    const list = await runCli(['feeds', 'list', '--config', elsewhere]);
    expect(list.stdout).toContain('govinfo-gov — https://www.govinfo.gov/rss.xml (added at run time)');
  });

  it('says what is wrong with a file that is not OPML', async () => {
    const bad = join(dir, 'bad.opml');
    writeFileSync(bad, '<html><body>no</body></html>');
    const run = await runCli(['feeds', 'import', bad, '--config', configFile('bad', ['sources: []'])]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('not an OPML file');
  });
});

describe('config check', () => {
  it('names both mistakes of a file with two, with their paths, and exits 2', async () => {
    const file = join(dir, 'two-mistakes.yaml');
    writeFileSync(
      file,
      [
        'sources:',
        '  - {id: a, type: rss, url: "https://x.org/f", intervall: 10m}',
        'channels:',
        '  - {id: c, type: console, minScore: 7}',
      ].join('\n'),
    );
    const run = await runCli(['config', 'check', '--config', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('sources[0].intervall: unknown key (did you mean `interval`?)');
    expect(run.stderr).toMatch(/channels\[0\]\.minScore: /);
  });

  it('prints the effective config of a valid file with secrets masked', async () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(file, ['channels:', '  - {id: s, type: slack-webhook, url: "${HOOK}"}'].join('\n'));
    const run = await runCli(['config', 'check', '--config', file], {
      HOOK: 'https://hooks.example.test/services/T1/B1/SUPERSECRETPATH',
      SLACK_BOT_TOKEN: 'xoxb-very-secret-token',
      SLACK_APP_TOKEN: 'xapp-very-secret-token',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('valid');
    expect(run.stdout).toContain('url: https://hooks.example.test/***');
    expect(run.stdout).not.toMatch(/SUPERSECRETPATH|very-secret-token/);
    expect(run.stdout).toMatch(/maxAgeDays: 14/);
  });
});
