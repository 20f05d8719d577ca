import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreBackend } from '../../src/store/backend.js';
import type { MutableClock } from '../support/mutable-clock.js';

/**
 * The contract every StoreBackend keeps. Each backend's test file calls this with a factory
 * that opens a fresh, empty backend on a clock the test moves.
 */
export function backendContract(
  name: string,
  open: (clock: MutableClock) => Promise<StoreBackend>,
  clock: MutableClock,
): void {
  describe(`${name} backend contract`, () => {
    let backend: StoreBackend;
    beforeAll(async () => {
      backend = await open(clock);
    });
    afterAll(async () => {
      await backend?.close();
    });

    it('stores, reads and deletes key-value documents per namespace', async () => {
      const a = backend.keyValue('contract_a');
      const b = backend.keyValue('contract_b');
      await a.set('k', { n: 1, s: 'é' });
      await b.set('k', { n: 2 });
      expect(await a.get('k')).toEqual({ n: 1, s: 'é' });
      expect(await b.get('k')).toEqual({ n: 2 });
      expect(await a.getMany(['k', 'missing'])).toEqual([{ n: 1, s: 'é' }, undefined]);
      await a.delete('k');
      expect(await a.get('k')).toBeUndefined();
      expect(await b.get('k')).toEqual({ n: 2 });
    });

    it('claims atomically: of many concurrent claimers exactly one wins a key', async () => {
      const claims = backend.claims('contract_race');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => claims.claim(['story-1', `own-${i}`], `worker-${i}`, 60_000)),
      );
      const winners = results.filter((owners, i) => owners.get('story-1') === `worker-${i}`);
      expect(winners).toHaveLength(1);
      const owner = results[0]?.get('story-1');
      expect(results.every((owners) => owners.get('story-1') === owner)).toBe(true);
      results.forEach((owners, i) => expect(owners.get(`own-${i}`)).toBe(`worker-${i}`));
    });

    it('claims and puts hundreds of keys at once, keeping the ones already held', async () => {
      const claims = backend.claims('contract_many');
      const first = Array.from({ length: 250 }, (_, i) => `item-${i}`);
      const owners = await claims.claim(first, 'a', 60_000);
      expect(first.every((key) => owners.get(key) === 'a')).toBe(true);
      const more = [...first, ...Array.from({ length: 10 }, (_, i) => `new-${i}`)];
      const again = await claims.claim(more, 'b', 60_000);
      expect(more.map((key) => again.get(key))).toEqual([
        ...first.map(() => 'a'),
        ...Array.from({ length: 10 }, () => 'b'),
      ]);
      await claims.put(more, 'done', 60_000);
      expect(await Promise.all([claims.get('item-0'), claims.get('item-249'), claims.get('new-9')])).toEqual([
        'done',
        'done',
        'done',
      ]);
    });

    it('lets an expired claim be taken over, and put overwrites', async () => {
      const claims = backend.claims('contract_ttl');
      expect((await claims.claim(['k'], 'first', 300)).get('k')).toBe('first');
      expect((await claims.claim(['k'], 'second', 300)).get('k')).toBe('first');
      // Redis expires by its own clock, SQL backends by the injected one: move both.
      clock.advance(1_500);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await claims.claim(['k'], 'second', 1_000)).get('k')).toBe('second');
      await claims.put(['k'], 'done', 10_000);
      expect(await claims.get('k')).toBe('done');
      expect(await claims.release('k', 'other')).toBe(false);
      expect(await claims.release('k', 'done')).toBe(true);
      expect(await claims.get('k')).toBeUndefined();
    });

    it('keeps ordered entries in insertion order with idempotent appends', async () => {
      const space = backend.ordered<{ n: number }>('contract_ordered');
      for (const n of [3, 1, 2]) expect(await space.append(`k${n}`, { n })).toBe(true);
      expect(await space.append('k1', { n: 99 })).toBe(false);
      expect((await space.list()).map((e) => e.value.n)).toEqual([3, 1, 2]);
      expect((await space.list({ newestFirst: true, limit: 2 })).map((e) => e.key)).toEqual(['k2', 'k1']);
      expect(await space.update('k3', { n: 30 })).toBe(true);
      expect(await space.update('nope', { n: 0 })).toBe(false);
      expect((await space.list())[0]).toEqual({ key: 'k3', value: { n: 30 } });
      expect(await space.get('k1')).toEqual({ n: 1 });
      expect(await space.remove('k1')).toBe(true);
      expect(await space.remove('k1')).toBe(false);
      expect(await space.count()).toBe(2);
      for (let n = 10; n < 20; n++) await space.append(`m${n}`, { n });
      await space.trim(3);
      expect((await space.list()).map((e) => e.value.n)).toEqual([17, 18, 19]);
    });

    it('keeps queued entries in order per group, idempotently, with each group due by its oldest entry', async () => {
      const queue = backend.queue<{ n: number }>('contract_queue');
      const put = (group: string, n: number, dueAt: number) =>
        queue.append({ key: `${group}${n}`, group, dueAt, value: { n } });
      expect(await put('a', 1, 500)).toBe(true);
      expect(await put('b', 1, 100)).toBe(true);
      expect(await put('a', 2, 50)).toBe(true);
      expect(await put('a', 1, 0)).toBe(false);
      expect((await queue.inGroup('a')).map((e) => [e.key, e.dueAt, e.value.n])).toEqual([
        ['a1', 500, 1],
        ['a2', 50, 2],
      ]);
      expect(await queue.inGroup('a', 1)).toEqual([{ key: 'a1', group: 'a', dueAt: 500, value: { n: 1 } }]);
      // A group is due by its oldest entry: a2 (due at 50) waits behind a1 (due at 500).
      expect(await queue.dueGroups(200)).toEqual([{ group: 'b', dueAt: 100 }]);
      expect(await queue.dueGroups(Infinity)).toEqual([
        { group: 'b', dueAt: 100 },
        { group: 'a', dueAt: 500 },
      ]);
      expect(await queue.dueGroups(Infinity, 1)).toEqual([{ group: 'b', dueAt: 100 }]);
      // Rescheduling the head moves its group; rescheduling one behind it does not.
      expect(await queue.update({ key: 'a1', group: 'a', dueAt: 20, value: { n: 10 } })).toBe(true);
      expect(await queue.update({ key: 'a2', group: 'a', dueAt: 9_000, value: { n: 2 } })).toBe(true);
      expect(await queue.update({ key: 'gone', group: 'a', dueAt: 0, value: { n: 0 } })).toBe(false);
      expect(await queue.dueGroups(200)).toEqual([
        { group: 'a', dueAt: 20 },
        { group: 'b', dueAt: 100 },
      ]);
      expect((await queue.inGroup('a')).map((e) => e.key)).toEqual(['a1', 'a2']);
      // Removing the head makes the next entry the head; an empty group is gone.
      expect(await queue.remove('a', 'a1')).toBe(true);
      expect(await queue.remove('a', 'a1')).toBe(false);
      expect(await queue.dueGroups(Infinity)).toEqual([
        { group: 'b', dueAt: 100 },
        { group: 'a', dueAt: 9_000 },
      ]);
      expect(await queue.remove('b', 'b1')).toBe(true);
      expect(await queue.dueGroups(Infinity)).toEqual([{ group: 'a', dueAt: 9_000 }]);
      expect(await queue.get('a2')).toEqual({ n: 2 });
      expect(await queue.get('b1')).toBeUndefined();
      await put('c', 1, 0);
      expect(await queue.list()).toEqual([{ n: 2 }, { n: 1 }]);
      expect(await queue.list(1)).toEqual([{ n: 2 }]);
      expect(await queue.count()).toBe(2);
      expect(await backend.queue('contract_queue_other').count()).toBe(0);
    });

    it('answers which groups are due from the heads alone, however long a group waiting behind its head is', async () => {
      const queue = backend.queue<{ n: number }>('contract_queue_long');
      // One group with a long backlog whose head waits out a Retry-After, among groups due now.
      const backlog = 2_000;
      await queue.append({ key: 'slow-0', group: 'slow', dueAt: 10_000, value: { n: 0 } });
      // In order (concurrent appends may land in any order), in parallel slices for speed.
      for (let i = 1; i <= 3; i++) await queue.append({ key: `slow-${i}`, group: 'slow', dueAt: 1, value: { n: i } });
      await Promise.all(
        Array.from({ length: backlog - 3 }, (_, i) =>
          queue.append({ key: `slow-${i + 4}`, group: 'slow', dueAt: 1, value: { n: i + 4 } }),
        ),
      );
      for (const group of ['g1', 'g2', 'g3'])
        await queue.append({ key: `${group}-0`, group, dueAt: 5, value: { n: 0 } });
      expect(await queue.dueGroups(9_999)).toEqual(['g1', 'g2', 'g3'].map((group) => ({ group, dueAt: 5 })));
      expect(await queue.dueGroups(10_000)).toHaveLength(4);
      // A group's slice is its oldest entries, in order.
      expect((await queue.inGroup('slow', 3)).map((e) => e.key)).toEqual(['slow-0', 'slow-1', 'slow-2']);
      expect(await queue.count()).toBe(backlog + 4);
    });

    it('answers ping', async () => {
      await expect(backend.ping()).resolves.toBeUndefined();
    });
  });
}
