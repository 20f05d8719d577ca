import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotifiers } from '../../src/app/build-notifiers.js';
import type { Channel } from '../../src/domain/channel.js';
import { outboxKey, type OutboxEntry } from '../../src/domain/outbox.js';
import { deliverDue } from '../../src/pipeline/delivery-worker.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { QueueSpace, StoreBackend } from '../../src/store/backend.js';
import { storesOver, type Stores } from '../../src/store/open-stores.js';
import { createOutbox } from '../../src/store/outbox-store.js';
import type { MutableClock } from '../support/mutable-clock.js';
import { sampleAlert } from '../support/sample-alert.js';

/** The backend, with a count of the queued entries its queues hand back (what delivery reads). */
function countingReads(backend: StoreBackend): { backend: StoreBackend; read: () => number } {
  let read = 0;
  const counted = <R>(result: Promise<R>) =>
    result.then((value) => {
      read += Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
      return value;
    });
  const queue = <T>(namespace: string): QueueSpace<T> => {
    const inner = backend.queue<T>(namespace);
    return {
      ...inner,
      get: (key) => counted(inner.get(key)),
      inGroup: (group, limit) => counted(inner.inGroup(group, limit)),
      dueGroups: (before, limit) => counted(inner.dueGroups(before, limit)),
      list: (limit) => counted(inner.list(limit)),
    };
  };
  return { backend: { ...backend, queue }, read: () => read };
}

/**
 * The outbox reads by channel and due time through the store's index, on every backend: what
 * delivery reads grows with what is due, not with what is pending.
 */
export function outboxIndexContract(
  name: string,
  open: (clock: MutableClock) => Promise<StoreBackend>,
  clock: MutableClock,
): void {
  describe(`${name} outbox index`, () => {
    let stores: Stores;
    beforeAll(async () => {
      stores = storesOver(await open(clock));
    });
    afterAll(async () => {
      await stores?.close();
    });

    const entry = (channelId: string, n: number, dueAt = clock.now()): OutboxEntry => {
      const alert = sampleAlert({ id: `idx:${n}`, title: `Alert ${n}` });
      return {
        key: outboxKey(channelId, alert.id),
        channelId,
        payload: { type: 'alert', alert },
        attempts: 0,
        createdAt: clock.now().toISOString(),
        nextAttemptAt: dueAt.toISOString(),
      };
    };

    it('delivers the due channels without reading a backlog that waits out a Retry-After', async () => {
      const { backend, read } = countingReads(stores.backend);
      const outbox = createOutbox(backend);
      const backlog = 1_000;
      const slow = Array.from({ length: backlog }, (_, n) => entry('idx-slow', n));
      await outbox.enqueue(slow);
      await outbox.reschedule(
        slow[0] as OutboxEntry,
        new Date(clock.now().getTime() + 60_000).toISOString(),
        '429',
        true,
      );
      await outbox.enqueue([entry('idx-fast', 1), entry('idx-fast', 2), entry('idx-other', 1)]);
      const sink = new PassThrough();
      const printed: string[] = [];
      sink.on('data', (chunk: Buffer) => printed.push(chunk.toString()));
      const channel = async (id: string): Promise<Channel> => ({ id, type: 'console', origin: 'config' });
      const before = read();
      const report = await deliverDue({
        outbox,
        threads: stores.threads,
        clock,
        logger: silentLogger(),
        notifierFor: buildNotifiers({ stdout: sink }),
        channel,
        maxAttempts: 5,
      });
      expect(report).toMatchObject({ delivered: 3, retried: 0, dead: 0 });
      expect(printed.join('')).toMatch(/Alert 1[\s\S]*Alert 2/);
      // Two due channels, three entries, and the "who is due" answer: a scan of the pending
      // entries would have read the whole backlog.
      expect(read() - before).toBeLessThanOrEqual(6);
      expect((await outbox.counts()).pending).toBeGreaterThanOrEqual(backlog);
      // Once its head is due the slow channel is read in slices, oldest first.
      expect((await outbox.pendingFor('idx-slow', 2)).map((e) => e.key)).toEqual([slow[0]?.key, slow[1]?.key]);
      expect([...(await outbox.dueChannels(clock.now().getTime() + 60_000)).keys()]).toContain('idx-slow');
    });

    it('moves an outbox kept by an earlier version into the index, in order, once', async () => {
      const earlier = stores.backend.ordered<OutboxEntry>('outbox');
      const old = [entry('idx-old', 1), entry('idx-old', 2), entry('idx-old2', 3)];
      for (const e of old) await earlier.append(e.key, e);
      const outbox = createOutbox(stores.backend);
      expect((await outbox.pendingFor('idx-old')).map((e) => e.key)).toEqual([old[0]?.key, old[1]?.key]);
      expect((await outbox.pendingFor('idx-old2')).map((e) => e.key)).toEqual([old[2]?.key]);
      expect(await earlier.count()).toBe(0);
      expect(await outbox.enqueue(old)).toBe(0);
    });
  });
}
