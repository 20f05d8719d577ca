/**
 * Throughput of 1 against 3 `banwatch run` processes (the compiled command, as production runs
 * it) on one Redis, over the same backlog: 600 initialized feeds that all changed (5 new items
 * each, some of them ban stories) and are all due. Measured from the first feed request to the
 * moment every feed has been polled and recorded and every alert delivered (outbox empty); also
 * checked: each feed fetched once, each alert posted once.
 */
import { pathToFileURL } from 'node:url';
import { startBanwatch, type BanwatchProcess } from '../scripts/faults/banwatch-process.js';
import { compiledApp } from './compiled-app.js';
import { startWebhookServer, type WebhookServer } from '../tests/fakes/webhook-server.js';
import { FRESH_PER_VERSION, feedPath } from './bench-feeds.js';
import { startFeedHost, type FeedHost } from './feed-host-client.js';
import { round, silentLogger, sleep, tempConfig, until } from './measure.js';
import { benchPrefix, deletePrefix, REDIS_URL } from './redis-keys.js';

const FEEDS = Number(process.env.BENCH_INSTANCE_FEEDS ?? 600);
const RUN_TIMEOUT_MS = 180_000;

interface BacklogRun {
  instances: number;
  seconds: number;
  itemsPerSecond: number;
  /** From spawning the processes to their first feed request (start-up, not counted above). */
  startupSeconds: number;
  feedRequests: number;
  /** Feeds polled per second: the engine starts at most its concurrency (16) per 1 s tick. */
  feedsPerSecond: number;
  alertsDelivered: number;
  duplicateAlerts: number;
  processesAlive: boolean;
}

async function stopAll(children: readonly BanwatchProcess[]): Promise<void> {
  for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGTERM');
  const killer = setTimeout(
    () => children.forEach((c) => c.child.exitCode === null && c.child.kill('SIGKILL')),
    15_000,
  );
  await Promise.all(children.map((c) => c.exited));
  clearTimeout(killer);
}

async function backlogRun(instances: number, host: FeedHost, hooks: WebhookServer): Promise<BacklogRun> {
  const prefix = benchPrefix(`n${instances}`);
  const path = `/n${instances}`;
  const temp = tempConfig(`instances-${instances}`, () => [
    `store: ${REDIS_URL}?prefix=${prefix}`,
    'delivery: {channelGap: 0s}',
    'channels:',
    `  - {id: bench, type: slack-webhook, url: "${hooks.url(path)}"}`,
    'sources:',
    ...Array.from(
      { length: FEEDS },
      (_, feed) => `  - {id: f${feed}, type: rss, url: "${host.origin}${feedPath(feed)}", interval: 10m}`,
    ),
  ]);
  // An app in this process (never started) initializes the feeds and then watches the store.
  const { createApp } = await compiledApp();
  const app = await createApp({
    config: temp.config,
    logger: silentLogger(),
    stdout: { write: () => true } as unknown as NodeJS.WritableStream,
    // Only sets the store up; the measured instances are the child processes.
    oneShot: true,
  });
  const children: BanwatchProcess[] = [];
  try {
    await host.publish(FEEDS, 1);
    await app.engine.pollAll();
    const ids = app.sources().map((source) => source.id);
    // Every feed due now: the backlog a fleet meets after an outage or a burst of news.
    const due = new Date(Date.now() - 1_000).toISOString();
    for (const state of (await app.stores.feeds.getMany(ids)).values())
      await app.stores.feeds.put({ ...state, nextPollAt: due });
    await host.publish(FEEDS, 2);
    const spawnedAt = Date.now();
    for (let i = 0; i < instances; i++) children.push(startBanwatch(['run', '--config', temp.file]));
    const done = await until(
      async () => {
        const stats = await host.stats();
        if (stats.distinctPaths < FEEDS) return false;
        const states = await app.stores.feeds.getMany(ids);
        const recorded = [...states.values()].filter(
          (s) => s.lastPollAt !== undefined && Date.parse(s.lastPollAt) >= spawnedAt,
        ).length;
        return recorded === FEEDS && (await app.stores.outbox.counts()).pending === 0;
      },
      RUN_TIMEOUT_MS,
      50,
    );
    const finishedAt = Date.now();
    const stats = await host.stats();
    if (!done)
      throw new Error(
        `instances bench (${instances}): not done after ${RUN_TIMEOUT_MS / 1000} s; ${stats.distinctPaths} feeds polled; ${children[0]?.output().slice(-300)}`,
      );
    // Late duplicates would show up within a moment; give them one.
    await sleep(1_000);
    const posts = hooks.delivered(path).map((post) => JSON.stringify(post.body));
    const final = await host.stats();
    const started = stats.firstAt ?? spawnedAt;
    const seconds = (finishedAt - started) / 1_000;
    const processesAlive = children.every((c) => c.child.exitCode === null);
    return {
      instances,
      seconds: round(seconds, 2),
      itemsPerSecond: Math.round((FEEDS * FRESH_PER_VERSION) / seconds),
      startupSeconds: round((started - spawnedAt) / 1_000, 2),
      feedRequests: final.requests,
      feedsPerSecond: round(FEEDS / seconds, 1),
      alertsDelivered: posts.length,
      duplicateAlerts: posts.length - new Set(posts).size,
      processesAlive,
    };
  } finally {
    await stopAll(children);
    await app.close();
    temp.remove();
    await deletePrefix(prefix);
  }
}

export async function benchInstances(): Promise<Record<string, unknown>> {
  const host = await startFeedHost();
  const hooks = await startWebhookServer();
  try {
    const one = await backlogRun(1, host, hooks);
    const three = await backlogRun(3, host, hooks);
    const clean = (run: BacklogRun) =>
      run.feedRequests === FEEDS && run.duplicateAlerts === 0 && run.alertsDelivered > 0 && run.processesAlive;
    return {
      figure: 'instances',
      feeds: FEEDS,
      newItems: FEEDS * FRESH_PER_VERSION,
      one,
      three,
      ratio: round(three.itemsPerSecond / one.itemsPerSecond, 2),
      sameAlerts: one.alertsDelivered === three.alertsDelivered,
      target:
        'each feed polled once and each alert delivered once by 1 and by 3 instances (issue 8 sets no speed-up target)',
      ok: clean(one) && clean(three) && one.alertsDelivered === three.alertsDelivered,
    };
  } finally {
    await hooks.close();
    await host.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await benchInstances())}\n`);
}
