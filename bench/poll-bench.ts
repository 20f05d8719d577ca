/**
 * The poll figures, all from one run of the real app (createApp, SQLite, worker-thread parsing,
 * engine default concurrency) over 2,000 feeds of about 20 KB on a feed host process:
 *
 * - poll: nine changed cycles after an unmeasured warm-up (every feed has new items and a new
 *   ETag), each against
 *   rss-parser's bare parseString over the same bodies in one thread (a child process) right
 *   after it; the median round's ratio is the figure;
 * - unchanged: cycles where every feed answers 304 (one unmeasured, as for the changed ones,
 *   then the median of three), as a share of the changed cycles' median time;
 * - loop: event-loop delay p50/p99 during the changed cycles (the worst round);
 * - memory: peak RSS of this process over the app's cycles (and, for context, of the compiled
 *   command polling one more changed cycle).
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { PollSummary } from '../src/pipeline/poll-source.js';
import { compiledApp } from './compiled-app.js';
import { startWebhookServer } from '../tests/fakes/webhook-server.js';
import { banStoriesAdded, FRESH_PER_VERSION, feedPath, ITEMS_PER_FEED } from './bench-feeds.js';
import { compiledPollOnce } from './compiled-poll.js';
import { startFeedHost } from './feed-host-client.js';
import { round, rssSampler, silentLogger, tempConfig, timed, untilIdle, withLoopDelay } from './measure.js';
import { parseBaselineInChild } from './parse-baseline.js';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 2_000);
// Issue 24: the warm changed-poll cycle at most 1.15x a bare parse (issue 8 asked 1.5).
const RATIO_TARGET = 1.15;
const UNCHANGED_TARGET = 0.2;
const LOOP_P99_TARGET_MS = 50;
const RSS_TARGET_MB = 300;
/**
 * Rounds of changed cycles; the median one is the figure (an odd count, so it is one round).
 * On a shared 2-core VM single rounds range from 0.8 to 2.0 while the median of five still moved
 * between runs by a third; nine narrow that (the spread of a median falls with the root of the
 * count) for about 20 s more.
 */
const ROUNDS = 9;
/** Measured unchanged cycles, after an unmeasured one; the median is the figure. */
const UNCHANGED_ROUNDS = 3;

export interface PollFigures {
  poll: Record<string, unknown>;
  unchanged: Record<string, unknown>;
  loop: Record<string, unknown>;
  memory: Record<string, unknown>;
}

/**
 * A timed cycle as the figures need it: the poll summaries (every item's outcome) are counted and
 * dropped at once, so the memory figure is the app's, not the bench's own bookkeeping.
 */
async function cycle(
  work: () => Promise<PollSummary[]>,
): Promise<{ seconds: number; mainCpuSeconds?: number; processCpuSeconds: number; tally: ReturnType<typeof tally> }> {
  const { result, ...times } = await timed(work);
  return { ...times, tally: tally(result) };
}

interface Round {
  changed: Awaited<ReturnType<typeof withLoopDelay<Awaited<ReturnType<typeof cycle>>>>>;
  tally: ReturnType<typeof tally>;
  deliverySeconds: number;
  delivered: number;
  expectedAlerts: number;
  fullResponses: number;
  feedHostCpuSeconds: number;
  bareSeconds: number;
  /** How long the app took to go idle before the baseline ran. */
  quietMs: number;
  ratio: number;
}

function tally(summaries: readonly PollSummary[]): {
  ok: number;
  notModified: number;
  failed: number;
  fresh: number;
  queued: number;
} {
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
    ...Array.from(
      { length: FEEDS },
      (_, feed) => `  - {id: f${feed}, type: rss, url: "${host.origin}${feedPath(feed)}", interval: 10m}`,
    ),
  ]);
  const { createApp } = await compiledApp();
  const app = await createApp({
    config: temp.config,
    logger: silentLogger(),
    stdout: { write: () => true } as unknown as NodeJS.WritableStream,
  });
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
    const init = await cycle(() => app.engine.pollAll());
    const initTally = init.tally;

    // Changed cycles, each followed by the bare parse of the bodies it fetched: the ratio
    // is taken per round and the median reported, so a machine whose speed drifts (a shared
    // VM) compares each cycle with a baseline measured next to it.
    // One changed cycle first, unmeasured: a running bot's change path (claims, classification,
    // routing, the trace) is warm, as the baseline's parser is after its own warm-up.
    await host.publish(FEEDS, 2);
    await app.engine.pollAll();
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const version = 3 + round;
      await host.publish(FEEDS, version);
      rss.phase('changedPoll');
      const deliveredBefore = hooks.delivered('/bench').length;
      // The figure is the poll (fetch, parse, classify, store); posting the alerts it queued is
      // timed on its own just after, and the latency figure covers delivery end to end.
      const changed = await withLoopDelay(() => cycle(() => app.engine.pollAll({ deliver: false })));
      const delivery = await timed(() => app.engine.deliver({ retryNow: true }));
      const host_ = await host.stats();
      // The app's background work after a cycle (the WAL checkpoint thread copying the cycle's
      // writes into the database file, V8's concurrent GC) ends before the baseline runs, so the
      // baseline runs on a quiet machine and is not slowed by the app it is compared with.
      const quietMs = await untilIdle();
      const bare = await parseBaselineInChild(host.origin, FEEDS);
      rounds.push({
        changed,
        tally: changed.result.tally,
        deliverySeconds: delivery.seconds,
        delivered: hooks.delivered('/bench').length - deliveredBefore,
        expectedAlerts: banStoriesAdded(FEEDS, version),
        fullResponses: host_.full,
        feedHostCpuSeconds: host_.cpuSeconds,
        bareSeconds: bare.seconds,
        quietMs,
        ratio: changed.result.seconds / bare.seconds,
      });
    }
    const last = 3 + ROUNDS - 1;
    await host.publish(FEEDS, last); // the same bodies and ETags: only the host's counts restart
    rss.phase('unchangedPoll');
    // A running bot's 304 path is warm (most of its polls are 304s): the first cycle that
    // meets it, like the first changed one, is not measured.
    await app.engine.pollAll({ deliver: false });
    const unchangedRounds: Array<Awaited<ReturnType<typeof cycle>> & { full: number }> = [];
    for (let round = 0; round < UNCHANGED_ROUNDS; round++) {
      await host.publish(FEEDS, last); // restarts the host's counts
      const measured = await cycle(() => app.engine.pollAll({ deliver: false }));
      unchangedRounds.push({ ...measured, full: (await host.stats()).full });
    }
    const unchanged = [...unchangedRounds].sort((a, b) => a.seconds - b.seconds)[
      Math.floor(UNCHANGED_ROUNDS / 2)
    ] as (typeof unchangedRounds)[number];
    const peakMb = rss.peakMb();
    const memory = rss.report();
    rss.stop();

    // A changed cycle once more, by the compiled command on the same store (this app closed first).
    await close();
    await host.publish(FEEDS, last + 1);
    const compiled = await compiledPollOnce(temp.file);
    const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)] as Round;
    const changedSeconds = median.changed.result.seconds;
    const ratio = median.ratio;
    // The changed cycle the 304s are compared with is the median of our own rounds: the round
    // with the median ratio can be our fastest or slowest, as its baseline happened to run.
    const changedMedian = [...rounds].map((r) => r.changed.result.seconds).sort((a, b) => a - b)[
      Math.floor(ROUNDS / 2)
    ] as number;
    const share = unchanged.seconds / changedMedian;
    const allOk = rounds.every((r) => r.tally.ok === FEEDS && r.tally.fresh === FEEDS * FRESH_PER_VERSION);
    const worstLoop = [...rounds].sort((a, b) => b.changed.p99Ms - a.changed.p99Ms)[0] as Round;
    return {
      poll: {
        figure: 'poll',
        feeds: FEEDS,
        averageFeedBytes: published.averageBytes,
        itemsPerFeed: ITEMS_PER_FEED,
        newItemsPerFeed: FRESH_PER_VERSION,
        rounds: ROUNDS,
        changedSeconds: round(changedSeconds, 2),
        bareParseSeconds: round(median.bareSeconds, 2),
        ratio: round(ratio, 2),
        ratioByRound: rounds.map((r) => round(r.ratio, 2)),
        changedSecondsByRound: rounds.map((r) => round(r.changed.result.seconds, 2)),
        bareParseSecondsByRound: rounds.map((r) => round(r.bareSeconds, 2)),
        quietSecondsBeforeBaseline: rounds.map((r) => round(r.quietMs / 1_000, 2)),
        feedsPerSecond: Math.round(FEEDS / changedSeconds),
        newItems: median.tally.fresh,
        alertsQueued: median.tally.queued,
        banStoriesPublished: median.expectedAlerts,
        alertsDelivered: median.delivered,
        deliverySeconds: round(median.deliverySeconds, 2),
        fullResponses: median.fullResponses,
        failed: median.tally.failed,
        // Where the changed cycle's CPU went: the main thread (fetch, classify, store), the whole
        // process (parser threads included) and the feed host serving the bodies.
        mainThreadCpuSeconds: round(median.changed.result.mainCpuSeconds ?? Number.NaN, 2),
        processCpuSeconds: round(median.changed.result.processCpuSeconds, 2),
        feedHostCpuSeconds: median.feedHostCpuSeconds,
        // The best ratio this CPU allows: the cycle's and the feed host's CPU spread perfectly over
        // the machine's cores. Above the target, the target needs less CPU, not better overlap.
        cores: availableParallelism(),
        cpuFloorRatio: round(
          (median.changed.result.processCpuSeconds + median.feedHostCpuSeconds) /
            availableParallelism() /
            median.bareSeconds,
          2,
        ),
        initSeconds: round(init.seconds, 2),
        initOk: initTally.ok,
        target: `median ratio <= ${RATIO_TARGET}`,
        ok: ratio <= RATIO_TARGET && allOk,
      },
      unchanged: {
        figure: 'unchanged',
        unchangedSeconds: round(unchanged.seconds, 3),
        unchangedSecondsByRound: unchangedRounds.map((r) => round(r.seconds, 3)),
        changedMedianSeconds: round(changedMedian, 2),
        share: round(share, 3),
        notModified: Math.min(...unchangedRounds.map((r) => r.tally.notModified)),
        fullResponses: Math.max(...unchangedRounds.map((r) => r.full)),
        target: `share < ${UNCHANGED_TARGET}`,
        ok: share < UNCHANGED_TARGET && unchangedRounds.every((r) => r.tally.notModified === FEEDS && r.full === 0),
      },
      loop: {
        figure: 'loop',
        during: 'changed poll (the round with the worst p99)',
        samplingMs: worstLoop.changed.samplingMs,
        p50Ms: worstLoop.changed.p50Ms,
        p99Ms: worstLoop.changed.p99Ms,
        maxMs: worstLoop.changed.maxMs,
        p99MsByRound: rounds.map((r) => r.changed.p99Ms),
        target: `p99 < ${LOOP_P99_TARGET_MS} ms`,
        ok: worstLoop.changed.p99Ms < LOOP_P99_TARGET_MS,
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
