import { describe, expect, it } from 'vitest';
import { openPostgresBackend } from '../../src/store/postgres/postgres-backend.js';
import { mutableClock } from '../support/mutable-clock.js';
import { isolatedStoreUrl, serviceUrl } from '../support/service-urls.js';
import { backendContract } from './backend-contract.js';
import { outboxIndexContract } from './outbox-index-contract.js';
import { digestHistoryContract } from './digest-history-contract.js';
import { storesContract } from './stores-contract.js';

const base = serviceUrl('DATABASE_URL');
if (base) {
  backendContract(
    'postgres',
    (clock) => openPostgresBackend(isolatedStoreUrl('DATABASE_URL', base), clock),
    mutableClock(),
  );
  storesContract(
    'postgres',
    (clock) => openPostgresBackend(isolatedStoreUrl('DATABASE_URL', base), clock),
    mutableClock(),
  );
  outboxIndexContract(
    'postgres',
    (clock) => openPostgresBackend(isolatedStoreUrl('DATABASE_URL', base), clock),
    mutableClock(),
  );
  digestHistoryContract(
    'postgres',
    (clock) => openPostgresBackend(isolatedStoreUrl('DATABASE_URL', base), clock),
    mutableClock(),
  );
} else
  describe.skip('postgres backend contract (DATABASE_URL not set)', () => it('needs DATABASE_URL', () => undefined));

describe.skipIf(!base)('postgres sweep', () => {
  it('removes expired claims and keyv documents (keyv itself only drops them when read again)', async () => {
    const clock = mutableClock(new Date());
    const backend = await openPostgresBackend(isolatedStoreUrl('DATABASE_URL', base ?? ''), clock);
    try {
      const docs = backend.keyValue('sweepdocs');
      await docs.set('short', 'gone soon', 60_000);
      await docs.set('long', 'kept', 3_600_000);
      await docs.set('forever', 'kept');
      const claims = backend.claims('sweepclaims');
      await claims.put(['a', 'b'], 'x', 60_000);
      await backend.sweep();
      expect(await docs.get('short')).toBe('gone soon');
      clock.advance(120_000);
      await backend.sweep();
      // Read by real time, keyv would still hand the short one out: only the sweep removed it.
      expect(await docs.getMany(['short', 'long', 'forever'])).toEqual([undefined, 'kept', 'kept']);
      expect(await claims.claim(['a'], 'y', 60_000)).toEqual(new Map([['a', 'y']]));
    } finally {
      await backend.close();
    }
  });
});
