/**
 * The poll figures, all from one run of the real app (createApp, SQLite, worker-thread parsing,
 * engine default concurrency) over 2,000 feeds of about 20 KB on a feed host process:
 *
 * - poll: the changed cycle (every feed has new items and a new ETag) against rss-parser's bare
 *   parseString over the same bodies in one thread;
 * - unchanged: the next cycle, every feed answering 304, as a share of the changed one;
 * - loop: event-loop delay p50/p99 during the changed cycle;
 * - memory: peak RSS of this process over the three cycles (and, for context, of the compiled
 *   command polling a fourth, changed, cycle).
 */
import { pathToFileURL } from 'node:url';
import { createApp } from '../src/main.js';
import type { PollSummary } from '../src/pipeline/poll-source.js';
import { startWebhookServer } from '../tests/fakes/webhook-server.js';
import { banStoriesAdded, FRESH_PER_VERSION, feedPath, ITEMS_PER_FEED } from './bench-feeds.js';
import { compiledPollOnce } from './compiled-poll.js';
import { startFeedHost } from './feed-host-client.js';
import { round, rssSampler, silentLogger, tempConfig, timed, withLoopDelay } from './measure.js';
import { bareParseSeconds, fetchBodies } from './parse-baseline.js';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 2_000);
const RATIO_TARGET = 1.5;
const UNCHANGED_TARGET = 0.2;
const LOOP_P99_TARGET_MS = 50;
const RSS_TARGET_MB = 300;

export interface PollFigures {
  poll: Record<string, unknown>;
  unchanged: Record<string, unknown>;
  loop: Record<string, unknown>;
  memory: Record<string, unknown>;
}

function tally(summaries: readonly PollSummary[]): { ok: number; notModified: number; failed: number; fresh: number; queued: number } {
  const count = { ok: 0, notModified: 0, failed: 0, fresh: 0, queued: 0 };
  for (const summary of summaries) {
    if (summary.status === 'ok') {
      count.ok++;
      count.fresh += summary.report.fresh;
      count.queued += summary.report.queued;
    } else if (summary.status === 'not-modified') count.notModified++;
    else count.failed++;
  }
  return count;
}

export async function benchPoll(): Promise<PollFigures> {
  const host = await startFeedHost();
  const hooks = await startWebhookServer();
  const temp = tempConfig('poll', (dir) => [
    `store: sqlite://${dir}/state.sqlite`,
    // No pause between posts: the fake webhook has no rate limit to honour.
    'delivery: {channelGap: 0s}',
    'channels:',
    `  - {id: bench, type: slack-webhook, url: "${hooks.url('/bench')}"}`,
    'sources:',
    ...Array.from({ length: FEEDS }, (_, feed) => `  - {id: f${feed}, type: rss, url: "${host.origin}${feedPath(feed)}", interval: 10m}`),
  ]);
  const app = await createApp({ config: temp.config, logger: silentLogger(), stdout: { write: () => true } as unknown as NodeJS.WritableStream });
  const rss = rssSampler(20);
  let closed = false;
  const close = async () => {
    if (!closed) await app.close();
    closed = true;
  };
  try {
    const published = await host.publish(FEEDS, 1);
    rss.phase('initialPoll');
    // The first poll of a feed records what it holds and alerts nothing: that is set-up.
    const init = await timed(() => app.engine.pollAll());
    const initTally = tally(init.result);

    await host.publish(FEEDS, 2);
    rss.phase('changedPoll');
    // The figure is the poll (fetch, parse, classify, store); posting the alerts it queued is
    // timed on its own just after, and the latency figure covers delivery end to end.
    const changed = await withLoopDelay(() => timed(() => app.engine.pollAll({ deliver: false })));
    const delivery = await timed(() => app.engine.deliver({ retryNow: true }));
    const changedTally = tally(changed.result.result);
    const changedHost = await host.stats();
    const delivered = hooks.delivered('/bench').length;

    await host.publish(FEEDS, 2); // the same bodies and ETags: only the host's counts restart
    rss.phase('unchangedPoll');
    const unchanged = await timed(() => app.engine.pollAll({ deliver: false }));
    const unchangedTally = tally(unchanged.result);
    const unchangedHost = await host.stats();
    const peakMb = rss.peakMb();
    const memory = rss.report();
    rss.stop();

    const bodies = await fetchBodies(host.origin, FEEDS);
    const bare = await bareParseSeconds(bodies);
    bodies.length = 0;
    // The same changed cycle once more, by the compiled command on the same store (this app closed first).
    await close();
    await host.publish(FEEDS, 3);
    const compiled = await compiledPollOnce(temp.file);
    const changedSeconds = changed.result.seconds;
    const ratio = changedSeconds / bare.seconds;
    const share = unchanged.seconds / changedSeconds;
    const expectedAlerts = banStoriesAdded(FEEDS, 2);
    return {
      poll: {
        figure: 'poll',
        feeds: FEEDS,
        averageFeedBytes: published.averageBytes,
        itemsPerFeed: ITEMS_PER_FEED,
        newItemsPerFeed: FRESH_PER_VERSION,
        changedSeconds: round(changedSeconds, 2),
        bareParseSeconds: round(bare.seconds, 2),
        ratio: round(ratio, 2),
        feedsPerSecond: Math.round(FEEDS / changedSeconds),
        newItems: changedTally.fresh,
        alertsQueued: changedTally.queued,
        banStoriesPublished: expectedAlerts,
        alertsDelivered: delivered,
        deliverySeconds: round(delivery.seconds, 2),
        fullResponses: changedHost.full,
        failed: changedTally.failed,
        // Where the changed cycle's CPU went: the main thread (fetch, classify, store), the whole
        // process (parser threads included) and the feed host serving the bodies.
        mainThreadCpuSeconds: round(changed.result.mainCpuSeconds ?? Number.NaN, 2),
        processCpuSeconds: round(changed.result.processCpuSeconds, 2),
        feedHostCpuSeconds: changedHost.cpuSeconds,
        initSeconds: round(init.seconds, 2),
        initOk: initTally.ok,
        target: `ratio <= ${RATIO_TARGET}`,
        ok: ratio <= RATIO_TARGET && changedTally.ok === FEEDS && changedTally.fresh === FEEDS * FRESH_PER_VERSION,
      },
      unchanged: {
        figure: 'unchanged',
        unchangedSeconds: round(unchanged.seconds, 3),
        changedSeconds: round(changedSeconds, 2),
        share: round(share, 3),
        notModified: unchangedTally.notModified,
        fullResponses: unchangedHost.full,
        target: `share < ${UNCHANGED_TARGET}`,
        ok: share < UNCHANGED_TARGET && unchangedTally.notModified === FEEDS,
      },
      loop: {
        figure: 'loop',
        during: 'changed poll',
        samplingMs: changed.samplingMs,
        p50Ms: changed.p50Ms,
        p99Ms: changed.p99Ms,
        maxMs: changed.maxMs,
        target: `p99 < ${LOOP_P99_TARGET_MS} ms`,
        ok: changed.p99Ms < LOOP_P99_TARGET_MS,
      },
      memory: {
        figure: 'memory',
        during: 'initial, changed and unchanged polls',
        ...memory,
        // Context, not the verdict: the compiled `banwatch poll --once` over a changed cycle of the
        // same feeds, without the TypeScript loader this process and its parser thread carry.
        compiledPollOnce: compiled,
        target: `peak RSS < ${RSS_TARGET_MB} MB`,
        ok: peakMb < RSS_TARGET_MB,
      },
    };
  } finally {
    rss.stop();
    await close();
    await hooks.close();
    await host.close();
    temp.remove();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const figure of Object.values(await benchPoll())) process.stdout.write(`${JSON.stringify(figure)}\n`);
}
