import { describe, it } from 'vitest';
import { openPostgresBackend } from '../../src/store/postgres/postgres-backend.js';
import { mutableClock } from '../support/mutable-clock.js';
import { isolatedStoreUrl, serviceUrl } from '../support/service-urls.js';
import { backendContract } from './backend-contract.js';
import { outboxIndexContract } from './outbox-index-contract.js';
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
} else
  describe.skip('postgres backend contract (DATABASE_URL not set)', () => it('needs DATABASE_URL', () => undefined));
