import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSharedBudget } from '../../../src/sources/congress/shared-budget.js';
import type { StoreBackend } from '../../../src/store/backend.js';
import type { Stores } from '../../../src/store/open-stores.js';
import { openRedisBackend } from '../../../src/store/redis/redis-backend.js';
import { mutableClock } from '../../support/mutable-clock.js';
import { isolatedStoreUrl, serviceUrl } from '../../support/service-urls.js';
import { tempStores } from '../../support/temp-stores.js';

const clock = mutableClock('2026-11-01T12:00:00Z');
let stores: Stores;

beforeEach(async () => {
  stores = await tempStores(clock);
});
afterEach(async () => {
  await stores.close();
});

describe('a request budget shared in the store', () => {
  it('two instances with one key never send more than the hourly limit together', async () => {
    const slots = stores.backend.claims('request-budgets');
    const one = createSharedBudget({ slots, apiKey: 'shared-key-0001', clock, limit: 3 });
    const two = createSharedBudget({ slots, apiKey: 'shared-key-0001', clock, limit: 3 });
    const other = createSharedBudget({ slots, apiKey: 'other-key-0002', clock, limit: 3 });
    const taken = [await one.take(), await two.take(), await one.take(), await two.take(), await one.take()];
    expect(taken.filter(Boolean)).toHaveLength(3);
    expect([await one.take(), await two.take()]).toEqual([false, false]);
    expect(one.waitMs()).toBe(3_600_000);
    // Another key has its own allowance.
    expect(await other.take()).toBe(true);
    clock.advance(3_600_000);
    expect(await two.take()).toBe(true);
  });
});

const redisBase = serviceUrl('REDIS_URL');

describe.skipIf(!redisBase)('a request budget shared through Redis', () => {
  it('two instances, each with its own connection, share one allowance per key and per API', async () => {
    const url = isolatedStoreUrl('REDIS_URL', redisBase ?? '');
    const [first, second] = await Promise.all([openRedisBackend(url, clock), openRedisBackend(url, clock)]);
    try {
      const budget = (backend: StoreBackend, scope?: string) =>
        createSharedBudget({
          slots: backend.claims('request-budgets'),
          apiKey: 'api-data-gov-key',
          clock,
          limit: 4,
          ...(scope ? { scope } : {}),
        });
      const one = budget(first);
      const two = budget(second);
      // Both instances at once: exactly the limit is granted between them.
      const taken = await Promise.all([one, two, one, two, one, two, one, two].map(async (b) => b.take()));
      expect(taken.filter(Boolean)).toHaveLength(4);
      expect(await two.take()).toBe(false);
      expect(await one.take()).toBe(false);
      // GovInfo's allowance for the same api.data.gov key is its own.
      expect(await budget(second, 'govinfo').take()).toBe(true);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
