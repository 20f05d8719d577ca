import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildNotifiers } from '../../src/app/build-notifiers.js';
import type { Channel } from '../../src/domain/channel.js';
import { deliverDue } from '../../src/pipeline/delivery-worker.js';
import { DigestScheduler } from '../../src/pipeline/digest-scheduler.js';
import { silentLogger } from '../../src/shared/logger.js';
import { storesOver, type Stores } from '../../src/store/open-stores.js';
import { openRedisBackend } from '../../src/store/redis/redis-backend.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { mutableClock, type MutableClock } from '../support/mutable-clock.js';
import { sampleAlert } from '../support/sample-alert.js';
import { isolatedStoreUrl, serviceUrl } from '../support/service-urls.js';
import { tempStores } from '../support/temp-stores.js';

const MINUTE = 60_000;
let hooks: WebhookServer;
beforeAll(async () => {
  hooks = await startWebhookServer();
});
afterAll(() => hooks.close());
afterEach(() => {
  hooks.posts.length = 0;
});

const berlinDigest = (path: string): Channel => ({
  id: 'morning',
  type: 'slack-webhook',
  url: hooks.url(path),
  origin: 'config',
  digest: { every: 'daily', at: '08:30', timezone: 'Europe/Berlin', day: 'monday', mode: 'instead' },
});

interface Run {
  /** When each digest post reached the platform (the injected clock's time). */
  sentAt: string[];
  /** The header of each digest. */
  titles: string[];
}

/**
 * Steps the clock a minute at a time, as the node-cron tick would, with two instances ticking
 * over the same store; an alert arrives every six hours except in `quiet`.
 */
async function stepDays(
  stores: Stores,
  clock: MutableClock,
  channel: Channel,
  from: string,
  to: string,
  quiet: (at: Date) => boolean = () => false,
): Promise<Run> {
  clock.set(from);
  const path = new URL(channel.url ?? '').pathname;
  const instances = ['one', 'two'].map(
    (instanceId) =>
      new DigestScheduler({
        inbox: stores.digests,
        outbox: stores.outbox,
        clock,
        logger: silentLogger(),
        channels: async () => [channel],
        instanceId,
      }),
  );
  const delivery = {
    ...stores,
    clock,
    logger: silentLogger(),
    notifierFor: buildNotifiers({ stdout: process.stdout }),
    channel: async () => channel,
    maxAttempts: 5,
  };
  const sentAt: string[] = [];
  let n = 0;
  for (; clock.now().getTime() < Date.parse(to); clock.advance(MINUTE)) {
    const now = clock.now();
    if (now.getTime() % (6 * 60 * MINUTE) === 0 && !quiet(now)) {
      const alert = sampleAlert({ id: `feed:${n}`, title: `Alert ${n++} at ${now.toISOString()}` });
      await stores.digests.collect(channel.id, alert, now.toISOString());
    }
    let queued = 0;
    for (const instance of instances) queued += await instance.tick();
    if (queued) {
      const before = hooks.delivered(path).length;
      await deliverDue(delivery);
      for (let i = before; i < hooks.delivered(path).length; i++) sentAt.push(now.toISOString());
    }
  }
  const titles = hooks.delivered(path).map((post) => (post.body as { text: string }).text);
  return { sentAt, titles };
}

function schedulerSuite(name: string, open: (clock: MutableClock) => Promise<Stores>): void {
  describe(`digest scheduler (${name})`, () => {
    it('sends one digest a day at local 08:30 across the spring change, and none for a quiet day', async () => {
      const clock = mutableClock();
      const stores = await open(clock);
      try {
        // Nothing arrives between the 29th's digest and the 30th's: that period sends nothing.
        const quiet = (at: Date) => at >= new Date('2026-03-29T06:30Z') && at < new Date('2026-03-30T06:30Z');
        const run = await stepDays(
          stores,
          clock,
          berlinDigest('/spring'),
          '2026-03-27T00:00Z',
          '2026-04-01T00:00Z',
          quiet,
        );
        expect(run.sentAt).toEqual([
          '2026-03-27T07:30:00.000Z',
          '2026-03-28T07:30:00.000Z',
          '2026-03-29T06:30:00.000Z',
          '2026-03-31T06:30:00.000Z',
        ]);
        expect(run.titles).toEqual([
          'Daily digest, 2026-03-27: 2 alerts',
          'Daily digest, 2026-03-28: 4 alerts',
          'Daily digest, 2026-03-29: 4 alerts',
          'Daily digest, 2026-03-31: 4 alerts',
        ]);
        // What came after the last firing waits for the next one.
        expect(await stores.digests.collected('morning')).toHaveLength(2);
      } finally {
        await stores.close();
      }
    });

    it('sends one digest a day at local 08:30 across the autumn change', async () => {
      const clock = mutableClock();
      const stores = await open(clock);
      try {
        const run = await stepDays(stores, clock, berlinDigest('/autumn'), '2026-10-23T00:00Z', '2026-10-27T00:00Z');
        expect(run.sentAt).toEqual([
          '2026-10-23T06:30:00.000Z',
          '2026-10-24T06:30:00.000Z',
          '2026-10-25T07:30:00.000Z',
          '2026-10-26T07:30:00.000Z',
        ]);
        expect(run.titles.map((title) => title.split(': ')[1])).toEqual([
          '2 alerts',
          '4 alerts',
          '4 alerts',
          '4 alerts',
        ]);
      } finally {
        await stores.close();
      }
    });

    it('a crash after queueing the digest, then a restart: the period is finished and sent once', async () => {
      const clock = mutableClock('2026-05-04T06:00:00Z');
      const stores = await open(clock);
      try {
        const channel = berlinDigest('/crash');
        await stores.digests.collect('morning', sampleAlert({ id: 'feed:a' }), clock.now().toISOString());
        clock.set('2026-05-04T06:31:00Z');
        const crashing = new DigestScheduler({
          // Dies right after the digest is queued, before its alerts leave the inbox.
          inbox: {
            ...stores.digests,
            remove: () => Promise.reject(new Error('killed')),
          },
          outbox: stores.outbox,
          clock,
          logger: silentLogger(),
          channels: async () => [channel],
          instanceId: 'dead',
          // Short, because Redis expires claims on its own clock, not the test's.
          buildClaimMs: 300,
        });
        // The failure is logged and the tick goes on; the digest is in the outbox already.
        expect(await crashing.tick()).toBe(0);
        expect(await stores.outbox.counts()).toEqual({ pending: 1, dead: 0 });
        const restarted = new DigestScheduler({
          inbox: stores.digests,
          outbox: stores.outbox,
          clock,
          logger: silentLogger(),
          channels: async () => [channel],
          instanceId: 'new',
        });
        // The dead instance's claim holds a while, then the new one finishes the period.
        expect(await restarted.tick()).toBe(0);
        expect(await stores.digests.collected('morning')).toHaveLength(1);
        clock.advance(3 * MINUTE);
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(await restarted.tick()).toBe(0);
        expect(await stores.digests.collected('morning')).toEqual([]);
        expect((await stores.outbox.pending()).map((entry) => entry.key)).toEqual(['morning|digest:daily:2026-05-04']);
      } finally {
        await stores.close();
      }
    });
  });
}

schedulerSuite('sqlite', (clock) => tempStores(clock));
const redis = serviceUrl('REDIS_URL');
if (redis)
  schedulerSuite('redis', async (clock) =>
    storesOver(await openRedisBackend(isolatedStoreUrl('REDIS_URL', redis), clock)),
  );
