import { describe, it } from 'vitest';
import { openRedisBackend } from '../../src/store/redis/redis-backend.js';
import { mutableClock } from '../support/mutable-clock.js';
import { isolatedStoreUrl, serviceUrl } from '../support/service-urls.js';
import { backendContract } from './backend-contract.js';
import { outboxIndexContract } from './outbox-index-contract.js';
import { digestHistoryContract } from './digest-history-contract.js';
import { storesContract } from './stores-contract.js';

const base = serviceUrl('REDIS_URL');
if (base) {
  backendContract('redis', (clock) => openRedisBackend(isolatedStoreUrl('REDIS_URL', base), clock), mutableClock());
  storesContract('redis', (clock) => openRedisBackend(isolatedStoreUrl('REDIS_URL', base), clock), mutableClock());
  outboxIndexContract('redis', (clock) => openRedisBackend(isolatedStoreUrl('REDIS_URL', base), clock), mutableClock());
  digestHistoryContract(
    'redis',
    (clock) => openRedisBackend(isolatedStoreUrl('REDIS_URL', base), clock),
    mutableClock(),
  );
} else describe.skip('redis backend contract (REDIS_URL not set)', () => it('needs REDIS_URL', () => undefined));
