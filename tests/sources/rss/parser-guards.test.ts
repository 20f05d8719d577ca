import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedState } from '../../../src/domain/feed-state.js';
import { pollSource, PAUSE_AFTER_PARSER_STOPS } from '../../../src/pipeline/poll-source.js';
import { createFeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { createFeedReaderPool, type FeedReaderPool } from '../../../src/sources/rss/feed-reader-pool.js';
import { createRssSource } from '../../../src/sources/rss/rss-source.js';
import type { Stores } from '../../../src/store/open-stores.js';
import { classifier } from '../../classify/default-classifier.js';
import { rssDocument, startFeedServer, type FeedServer } from '../../fakes/feed-server.js';
import { mutableClock } from '../../support/mutable-clock.js';
import { tempStores } from '../../support/temp-stores.js';

const OPTIONS = { baseUrl: 'https://example.com/feed.xml', sourceId: 's', now: new Date('2026-01-01T00:00:00Z') };
/** Real threads running the real reader, except on the two hostile bodies (tests/support/hostile-feed-worker.ts). */
const HOSTILE_WORKER = { callerUrl: import.meta.url, name: '../../support/hostile-feed-worker' };
const HANG = '<!--hang--><rss version="2.0"><channel><title>x</title></channel></rss>';
const CRASH = '<!--crash--><rss version="2.0"><channel><title>x</title></channel></rss>';
const good = () => Buffer.from(rssDocument({ items: [{ guid: '1', title: 'Huawei banned' }] }));

let pool: FeedReaderPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('the parser pool guards', () => {
  it('ends a thread that hangs on a body at the time limit, answers a parse failure, and replaces it', async () => {
    const respawns: Array<{ reason: string; restarts: number; delayMs: number }> = [];
    pool = createFeedReaderPool(1, {
      taskTimeLimitMs: 400,
      worker: HOSTILE_WORKER,
      onRespawn: (event) => respawns.push(event),
    });
    const started = Date.now();
    const hung = await pool.readBytes(Buffer.from(HANG), undefined, OPTIONS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(hung).toEqual({
      ok: false,
      failure: {
        kind: 'parse',
        message: 'the feed parser stopped: it took more than 0.4 s on one feed and was replaced',
        stoppedParser: true,
      },
    });
    // The only thread was replaced: the next feed is read.
    const next = await pool.readBytes(good(), undefined, OPTIONS);
    expect(next.ok && next.items[0]?.title).toBe('Huawei banned');
    expect(respawns).toEqual([expect.objectContaining({ restarts: 1, delayMs: 100 })]);
  });

  it('replaces a thread that dies, waiting longer while replacements keep dying, and resets once one works', async () => {
    const respawns: number[] = [];
    pool = createFeedReaderPool(1, { worker: HOSTILE_WORKER, onRespawn: (event) => respawns.push(event.delayMs) });
    for (let i = 0; i < 3; i++) {
      const crashed = await pool.readBytes(Buffer.from(CRASH), undefined, OPTIONS);
      expect(crashed).toMatchObject({
        ok: false,
        failure: { kind: 'parse', message: 'the feed parser stopped: exit code 3', stoppedParser: true },
      });
    }
    expect(respawns).toEqual([100, 200, 400]);
    const started = Date.now();
    expect((await pool.readBytes(good(), undefined, OPTIONS)).ok).toBe(true);
    // It waited for the third replacement's backoff.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await pool.readBytes(Buffer.from(CRASH), undefined, OPTIONS);
    expect(respawns.at(-1)).toBe(100);
  });
});

describe('the feeds a parser thread holds besides the one that stops it', () => {
  it.each([
    ['hangs', HANG, 'it took more than 0.4 s on one feed and was replaced'],
    ['dies', CRASH, 'exit code 3'],
  ])('are read by its replacement when it %s', async (_, body, reason) => {
    pool = createFeedReaderPool(1, { taskTimeLimitMs: 400, respawnDelayMs: () => 10, worker: HOSTILE_WORKER });
    // One thread holds both: the second was sent while it was on the first.
    const [stopped, next, after] = await Promise.all([
      pool.readBytes(Buffer.from(body), undefined, OPTIONS),
      pool.readBytes(good(), undefined, OPTIONS),
      pool.readBytes(good(), undefined, OPTIONS),
    ]);
    expect(stopped).toMatchObject({ ok: false, failure: { message: `the feed parser stopped: ${reason}` } });
    expect(next.ok && next.items[0]?.title).toBe('Huawei banned');
    expect(after.ok && after.items[0]?.title).toBe('Huawei banned');
  });
});

describe('a feed whose body keeps stopping the parser', () => {
  const clock = mutableClock('2026-11-29T10:00:00Z');
  let server: FeedServer;
  let stores: Stores;
  beforeAll(async () => {
    server = await startFeedServer();
    stores = await tempStores(clock);
  });
  afterAll(async () => {
    await server.close();
    await stores.close();
  });

  it(`is paused after ${PAUSE_AFTER_PARSER_STOPS} polls in a row, with the reason in its state`, async () => {
    pool = createFeedReaderPool(1, { taskTimeLimitMs: 300, respawnDelayMs: () => 10, worker: HOSTILE_WORKER });
    const source = createRssSource(
      { id: 'hostile', url: server.url('/hostile.xml'), intervalMs: 600_000, backfill: 0 },
      { fetcher: createFeedFetcher({ timeoutMs: 2_000 }), clock, readBytes: pool.readBytes },
    );
    const deps = { ...stores, classifier, clock, logger: silentLogger(), maxAgeMs: 14 * 86_400_000 };
    const state = async () => (await stores.feeds.get('hostile')) as FeedState;

    // A stop, then a good poll: the count starts again.
    server.route('/hostile.xml', { body: HANG });
    expect(await pollSource(source, [], deps)).toMatchObject({ status: 'failed', failures: 1 });
    expect((await state()).parserStops).toBe(1);
    server.route('/hostile.xml', { body: good() });
    expect(await pollSource(source, [], deps)).toMatchObject({ status: 'ok' });
    expect((await state()).parserStops).toBeUndefined();

    server.route('/hostile.xml', { body: CRASH });
    for (let poll = 1; poll < PAUSE_AFTER_PARSER_STOPS; poll++)
      expect(await pollSource(source, [], deps)).toMatchObject({ status: 'failed', failures: poll });
    expect((await state()).pausedAt).toBeUndefined();
    server.route('/hostile.xml', { body: HANG });
    const last = await pollSource(source, [], deps);
    expect(last).toMatchObject({ status: 'failed', paused: true, failures: PAUSE_AFTER_PARSER_STOPS });
    const paused = await state();
    expect(paused.pausedAt).toBeDefined();
    expect(paused.lastError?.message).toBe(
      `the feed parser stopped: it took more than 0.3 s on one feed and was replaced (${PAUSE_AFTER_PARSER_STOPS} polls in a row: this feed's body stops the parser)`,
    );
    // Paused: not fetched again until resumed.
    const fetched = server.requestsTo('/hostile.xml').length;
    expect(await pollSource(source, [], deps)).toEqual({ sourceId: 'hostile', status: 'paused' });
    expect(server.requestsTo('/hostile.xml')).toHaveLength(fetched);
  });
});
