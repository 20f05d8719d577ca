import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssDocument, startFeedServer, type RssItemSpec } from '../../tests/fakes/feed-server.js';
import { startWebhookServer } from '../../tests/fakes/webhook-server.js';
import { startBanwatch, type BanwatchProcess } from './banwatch-process.js';

export interface CrashReport {
  kills: number;
  /** Kills after which the restarted banwatch came up and was still running (not crashed on bad state). */
  survived: number;
  alerts: number;
  lost: number;
  duplicates: number;
  /** The most copies of any one alert that arrived. */
  maxCopiesOfOneAlert: number;
  seconds: number;
  problems: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Kills `banwatch run` with SIGKILL at random moments while a local feed keeps publishing new
 * ban items, restarting it each time, then lets the last instance finish and counts what the
 * local webhook received: every alert must arrive, and at most one twice per kill.
 */
export async function runCrashScenario(kills = 20, random: () => number = Math.random): Promise<CrashReport> {
  const started = Date.now();
  const feeds = await startFeedServer();
  const hooks = await startWebhookServer();
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-crash-'));
  const config = join(dir, 'banwatch.yaml');
  writeFileSync(
    config,
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      // No pause between posts: this is about crash safety, not pacing.
      'delivery: {interval: 1s, channelGap: 0s}',
      'sources:',
      `  - {id: wire, type: rss, url: "${feeds.url('/wire.xml')}", interval: 1s}`,
      'channels:',
      `  - {id: team, type: slack-webhook, url: "${hooks.url('/team')}"}`,
    ].join('\n'),
  );
  const items: RssItemSpec[] = [];
  let published = 0;
  const publish = () => {
    published++;
    items.unshift({
      title: `FCC bans Hikvision camera model HX-${published} over national security risk`,
      link: `https://news.example/hx-${published}`,
      guid: `hx-${published}`,
      pubDate: new Date(),
    });
    feeds.route('/wire.xml', { body: rssDocument({ title: 'Wire', items }) });
  };
  for (let i = 0; i < 3; i++) publish();
  const baseline = published;
  const problems: string[] = [];
  let current: BanwatchProcess = startBanwatch(['run', '--config', config]);
  let survived = 0;
  let generator: NodeJS.Timeout | undefined;
  try {
    // The first poll records what the feed already holds; only later items are alerts.
    const firstPollBy = Date.now() + 15_000;
    while (!feeds.requestsTo('/wire.xml').length && Date.now() < firstPollBy) await sleep(50);
    await sleep(800);
    generator = setInterval(publish, 120);
    for (let kill = 0; kill < kills; kill++) {
      await sleep(250 + random() * 1_250);
      // The instance started after the previous kill survived it if it is still running now.
      if (kill > 0 && current.child.exitCode === null) survived++;
      else if (kill > 0)
        problems.push(`the instance restarted after kill ${kill} exited: ${current.output().slice(-300)}`);
      current.child.kill('SIGKILL');
      await current.exited;
      current = startBanwatch(['run', '--config', config]);
    }
    clearInterval(generator);
    generator = undefined;
    const expected = new Set(Array.from({ length: published - baseline }, (_, i) => `HX-${baseline + i + 1} `));
    const deadline = Date.now() + 30_000;
    const seen = () =>
      new Set(hooks.delivered().flatMap((p) => [...expected].filter((tag) => JSON.stringify(p.body).includes(tag))));
    while (seen().size < expected.size && Date.now() < deadline) await sleep(200);
    if (current.child.exitCode === null) survived++;
    current.child.kill('SIGTERM');
    const code = await Promise.race([current.exited, sleep(15_000).then(() => 'timeout' as const)]);
    if (code !== 0)
      problems.push(`the last instance did not stop cleanly on SIGTERM (${code}): ${current.output().slice(-500)}`);
    const counts = new Map<string, number>();
    for (const post of hooks.delivered()) {
      const body = JSON.stringify(post.body);
      const tag = [...expected].find((t) => body.includes(t));
      if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      else problems.push(`an unexpected post: ${body.slice(0, 120)}`);
    }
    const lost = [...expected].filter((tag) => !counts.has(tag));
    if (lost.length) problems.push(`lost: ${lost.join(', ')}`);
    const duplicates = [...counts.values()].reduce((sum, n) => sum + (n - 1), 0);
    return {
      kills,
      survived,
      alerts: expected.size,
      lost: lost.length,
      duplicates,
      maxCopiesOfOneAlert: Math.max(0, ...counts.values()),
      seconds: Math.round((Date.now() - started) / 1000),
      problems,
    };
  } finally {
    if (generator) clearInterval(generator);
    if (current.child.exitCode === null) current.child.kill('SIGKILL');
    await feeds.close();
    await hooks.close();
  }
}
