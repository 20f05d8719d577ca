import KeyvRedis, { createClient, type RedisClientType } from '@keyv/redis';
import type { Clock } from '../../domain/clock.js';
import { StoreError } from '../../shared/errors.js';
import type { ClaimSpace, KeyValueSpace, OrderedSpace, QueueSpace, StoreBackend } from '../backend.js';
import { keyvSpace } from '../keyv-space.js';
import { redactUrl, splitStoreUrl } from '../store-url.js';
import { redisClaims } from './redis-claims.js';
import { redisOrdered } from './redis-ordered.js';
import { redisQueue } from './redis-queue.js';

/**
 * Redis: keyv documents through @keyv/redis (one adapter per namespace over one client),
 * claims with `SET NX PX`, ordered spaces as a hash plus a sorted set kept in step by Lua.
 * The offline queue is off, so while Redis is unreachable every call fails at once with a
 * StoreError instead of waiting in memory; the client keeps reconnecting in the background.
 */
export async function openRedisBackend(
  storeUrl: string,
  _clock: Clock,
): Promise<StoreBackend & { client: RedisClientType }> {
  const { url, value: prefix = 'banwatch' } = splitStoreUrl(storeUrl, 'prefix');
  let connected = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5_000,
      // Once connected, keep reconnecting in the background (calls fail at once meanwhile);
      // a store that is not there at start-up is an error now, not an endless wait.
      reconnectStrategy: (retries, cause) => (connected ? Math.min(200 * 2 ** retries, 5_000) : cause),
    },
  }) as RedisClientType;
  client.on('ready', () => {
    connected = true;
  });
  let lastError: string | undefined;
  client.on('error', (error: Error) => {
    lastError = error.message;
  });
  try {
    await client.connect();
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw new StoreError(`Redis store ${redactUrl(url)} is unreachable: ${lastError ?? (error as Error).message}`, {
      cause: error,
    });
  }
  const guard = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw new StoreError(`Redis store: ${what} failed: ${(error as Error).message}`, { cause: error });
    }
  };
  const spaces = new Map<string, KeyValueSpace>();
  return {
    kind: 'redis',
    client,
    keyValue(namespace) {
      let space = spaces.get(namespace);
      if (!space) {
        const keyPrefix = `${prefix}:kv:${namespace}`;
        const adapter = new KeyvRedis(client, {
          namespace: keyPrefix,
          throwOnConnectError: true,
          throwOnErrors: true,
        });
        space = keyvSpace(adapter, namespace, 'Redis', { keyPrefix, adapterPrefixes: true });
        spaces.set(namespace, space);
      }
      return space;
    },
    claims(namespace): ClaimSpace {
      return redisClaims(client, `${prefix}:claim:${namespace}:`, guard);
    },
    ordered<T>(namespace: string): OrderedSpace<T> {
      return redisOrdered<T>(client, `${prefix}:ordered:${namespace}`, guard);
    },
    queue<T>(namespace: string): QueueSpace<T> {
      return redisQueue<T>(client, `${prefix}:queue:${namespace}`, guard);
    },
    ping: () => guard('ping', async () => void (await client.ping())),
    // A command has been applied by the server when it resolves; nothing waits on this side.
    flush: async () => undefined,
    async sweep() {
      // Redis expires claims and documents itself.
    },
    async close() {
      if (!client.isOpen) return;
      // A graceful close waits for Redis; when it is away, give up after a moment.
      const closed = client.close().then(
        () => true,
        () => false,
      );
      const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000).unref());
      if (!(await Promise.race([closed, timedOut])) && client.isOpen) client.destroy();
    },
  };
}
