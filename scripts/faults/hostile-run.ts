import { systemClock } from '../../src/domain/clock.js';
import { createFeedFetcher } from '../../src/shared/http/feed-fetcher.js';
import { createFeedReaderPool } from '../../src/sources/rss/feed-reader-pool.js';
import { createRssSource } from '../../src/sources/rss/rss-source.js';
import { rssDocument, startFeedServer } from '../../tests/fakes/feed-server.js';
import { HOSTILE_CASES, judge, type HostileCase } from './hostile-cases.js';

export interface HostileOutcome {
  name: string;
  passed: boolean;
  problem?: string;
  ms: number;
  /** How long a well-behaved feed polled at the same moment took. */
  goodFeedMs: number;
  rssMb: number;
}

/** The fetch deadline used here; production uses 20 s, the drip case only needs it to end. */
export const FAULT_TIMEOUT_MS = 3_000;
const GOOD_FEED_BUDGET_MS = 1_500;
const RSS_BOUND_MB = 700;

/**
 * Serves each hostile input from a real HTTP server on 127.0.0.1 and polls it through the real
 * fetcher and RSS source, next to a well-behaved feed polled at the same moment. A case passes
 * when it ends in the expected classified error or a correct parse, within the deadline, without
 * delaying the good feed and with the process's memory under a fixed bound.
 */
export async function runHostileCases(cases: readonly HostileCase[] = HOSTILE_CASES): Promise<HostileOutcome[]> {
  const server = await startFeedServer();
  const trusted = createFeedFetcher({ timeoutMs: FAULT_TIMEOUT_MS });
  const untrusted = createFeedFetcher({
    timeoutMs: FAULT_TIMEOUT_MS,
    allowPrivateNetworks: false,
    exemptAddresses: ['127.0.0.1'],
  });
  // Parsing runs in worker threads, as in `banwatch run`: a huge feed must not stall the good one.
  const pool = createFeedReaderPool(2);
  server.route('/good', {
    body: rssDocument({
      title: 'Good',
      items: [{ title: 'A normal item', link: 'https://news.example/ok', guid: 'ok' }],
    }),
  });
  const good = createRssSource(
    { id: 'good', url: server.url('/good'), intervalMs: 60_000, backfill: 0 },
    { fetcher: trusted, clock: systemClock },
  );
  const outcomes: HostileOutcome[] = [];
  try {
    for (const hostile of cases) {
      const route = typeof hostile.route === 'function' ? hostile.route(server.origin) : hostile.route;
      server.route('/hostile', route);
      const source = createRssSource(
        { id: 'hostile', url: server.url('/hostile'), intervalMs: 60_000, backfill: 0 },
        { fetcher: hostile.untrusted ? untrusted : trusted, clock: systemClock, readBytes: pool.readBytes },
      );
      const started = Date.now();
      const hostilePoll = source.poll(undefined);
      // The good feed starts once the hostile one is under way and must not wait for it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const goodStarted = Date.now();
      const goodResult = await good.poll(undefined);
      const goodFeedMs = Date.now() - goodStarted;
      const result = await hostilePoll;
      const ms = Date.now() - started;
      const rssMb = Math.round(process.memoryUsage().rss / 1_048_576);
      const problems = [
        judge(hostile, result),
        goodResult.ok ? undefined : `the good feed failed: ${goodResult.failure.message}`,
        goodFeedMs > GOOD_FEED_BUDGET_MS ? `the good feed took ${goodFeedMs} ms` : undefined,
        ms > FAULT_TIMEOUT_MS + 3_000 ? `took ${ms} ms (a hang)` : undefined,
        rssMb > RSS_BOUND_MB ? `memory reached ${rssMb} MB` : undefined,
      ].filter((p): p is string => Boolean(p));
      outcomes.push({
        name: hostile.name,
        passed: !problems.length,
        problem: problems.join('; ') || undefined,
        ms,
        goodFeedMs,
        rssMb,
      });
    }
  } finally {
    await pool.close();
    await trusted.close();
    await untrusted.close();
    await server.close();
  }
  return outcomes;
}
