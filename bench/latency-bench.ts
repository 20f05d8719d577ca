/**
 * Latency from a feed changing to its alert reaching a local webhook, with the real app in run
 * mode (app.start(): node-cron ticks, worker-thread parsing, SQLite, delivery right after the
 * poll) and one source polled every 30 s. Each run changes the feed at a random moment of the
 * poll cycle; the moments are stratified (run i of n falls in the i-th n-th of the cycle) so a
 * few runs still cover changes just after a poll, the worst case.
 */
import { pathToFileURL } from 'node:url';
import { compiledApp } from './compiled-app.js';
import { rssDocument, startFeedServer, type RssItemSpec } from '../tests/fakes/feed-server.js';
import { startWebhookServer } from '../tests/fakes/webhook-server.js';
import { round, silentLogger, sleep, tempConfig, until } from './measure.js';

const INTERVAL_S = 30;
const TARGET_MS = (INTERVAL_S + 1) * 1_000;
const RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 3);
const PATH = '/latency.xml';

export async function benchLatency(random: () => number = Math.random): Promise<Record<string, unknown>> {
  const feeds = await startFeedServer();
  const hooks = await startWebhookServer();
  const items: RssItemSpec[] = Array.from({ length: 5 }, (_, i) => ({
    title: `Chipmaker opens a new design centre in Austin, number ${i}`,
    link: `https://wire.example/design-${i}`,
    guid: `design-${i}`,
    pubDate: new Date(),
  }));
  let version = 0;
  const publish = () => {
    version++;
    feeds.route(PATH, { body: rssDocument({ title: 'Latency wire', items }), etag: `"lat-${version}"` });
  };
  publish();
  const temp = tempConfig('latency', (dir) => [
    `store: sqlite://${dir}/state.sqlite`,
    'delivery: {channelGap: 0s}',
    'sources:',
    `  - {id: wire, type: rss, url: "${feeds.url(PATH)}", interval: ${INTERVAL_S}s}`,
    'channels:',
    `  - {id: team, type: slack-webhook, url: "${hooks.url('/team')}"}`,
  ]);
  const { createApp } = await compiledApp();
  const app = await createApp({
    config: temp.config,
    logger: silentLogger(),
    stdout: { write: () => true } as unknown as NodeJS.WritableStream,
  });
  const latencies: number[] = [];
  const pickedUpAfterPollMs: number[] = [];
  try {
    await app.start();
    // The first poll (within a tenth of the interval) only records what the feed holds.
    const initialized = await until(
      async () => (await app.stores.feeds.get('wire'))?.initialized === true,
      2 * TARGET_MS,
      50,
    );
    if (!initialized) throw new Error('latency bench: the first poll never happened');
    for (let run = 0; run < RUNS; run++) {
      const lastPoll = feeds.requestsTo(PATH).at(-1)?.at ?? Date.now();
      const moment = lastPoll + ((run + random()) / RUNS) * INTERVAL_S * 1_000;
      await sleep(Math.max(0, moment - Date.now()));
      const tag = `HX-${run}-${Date.now()}`;
      items.unshift({
        title: `FCC bans Hikvision camera model ${tag} over national security risk`,
        link: `https://wire.example/${tag}`,
        guid: tag,
        pubDate: new Date(),
      });
      publish();
      const changedAt = Date.now();
      const arrived = await until(
        () => hooks.delivered('/team').some((post) => JSON.stringify(post.body).includes(tag)),
        TARGET_MS + 30_000,
        10,
      );
      if (!arrived) throw new Error(`latency bench: the alert for ${tag} never arrived`);
      const post = hooks.delivered('/team').find((p) => JSON.stringify(p.body).includes(tag));
      latencies.push((post?.at ?? Date.now()) - changedAt);
      const poll = feeds.requestsTo(PATH).find((request) => request.at >= changedAt);
      if (poll) pickedUpAfterPollMs.push((post?.at ?? 0) - poll.at);
    }
  } finally {
    await app.close();
    await hooks.close();
    await feeds.close();
    temp.remove();
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const max = sorted.at(-1) ?? Number.NaN;
  return {
    figure: 'latency',
    intervalS: INTERVAL_S,
    runs: RUNS,
    latenciesS: latencies.map((ms) => round(ms / 1_000, 2)),
    maxS: round(max / 1_000, 2),
    // From the poll that saw the change to the webhook post: the app's own share of the latency.
    pollToWebhookMs: pickedUpAfterPollMs,
    target: `max <= ${TARGET_MS / 1_000} s`,
    ok: latencies.length === RUNS && max <= TARGET_MS,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await benchLatency())}\n`);
}
