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

    it('answers ping', async () => {
      await expect(backend.ping()).resolves.toBeUndefined();
    });
  });
}
