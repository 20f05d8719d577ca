import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSharedBudget } from '../../../src/sources/congress/shared-budget.js';
import type { Stores } from '../../../src/store/open-stores.js';
import { mutableClock } from '../../support/mutable-clock.js';
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
