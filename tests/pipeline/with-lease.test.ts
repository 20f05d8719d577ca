import { describe, expect, it } from 'vitest';
import { withLease } from '../../src/pipeline/with-lease.js';
import { createLeases } from '../../src/store/lease-store.js';
import { mutableClock } from '../support/mutable-clock.js';
import { tempStores } from '../support/temp-stores.js';

describe('withLease', () => {
  it('excludes a second holder, even another job of the same instance', async () => {
    const stores = await tempStores(mutableClock(new Date()));
    const leases = createLeases(stores.backend);
    let inner: string | undefined = 'not run';
    const outer = await withLease(leases, 'deliver:x', 'instance-1', async () => {
      inner = await withLease(leases, 'deliver:x', 'instance-1', async () => 'ran twice');
      return 'outer';
    });
    expect([outer, inner]).toEqual(['outer', undefined]);
    expect(await withLease(leases, 'deliver:x', 'instance-1', async () => 'free again')).toBe('free again');
    await stores.close();
  });

  it('tells the work when a renewal fails, so it stops before its next side effect', async () => {
    let renewals = 0;
    const flaky = {
      acquire: async () => true,
      renew: async () => (++renewals > 1 ? false : true),
      release: async () => undefined,
    };
    const seen: boolean[] = [];
    await withLease(
      flaky,
      'deliver:y',
      'instance-1',
      async (held) => {
        for (let i = 0; i < 8; i++) {
          seen.push(held());
          await new Promise((resolve) => setTimeout(resolve, 40));
        }
      },
      90,
    );
    expect(seen[0]).toBe(true);
    expect(seen.at(-1)).toBe(false);
  });
});
