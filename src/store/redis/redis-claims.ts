import type { RedisClientType } from '@keyv/redis';
import type { ClaimSpace } from '../backend.js';

type Guard = <T>(what: string, run: () => Promise<T>) => Promise<T>;

const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export function redisClaims(client: RedisClientType, prefix: string, guard: Guard): ClaimSpace {
  return {
    claim: (keys, value, ttlMs) =>
      guard('claim', async () => {
        const unique = [...new Set(keys)];
        if (!unique.length) return new Map();
        // SET NX is atomic per key; the GET in the same transaction reads who holds it now.
        const multi = client.multi();
        for (const key of unique) {
          multi.set(prefix + key, value, {
            condition: 'NX',
            expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) },
          });
          multi.get(prefix + key);
        }
        const replies = (await multi.exec()) as unknown[];
        return new Map(unique.map((key, index) => [key, String(replies[index * 2 + 1])]));
      }),
    put: (keys, value, ttlMs) =>
      guard('put', async () => {
        const unique = [...new Set(keys)];
        if (!unique.length) return;
        const multi = client.multi();
        for (const key of unique)
          multi.set(prefix + key, value, { expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) } });
        await multi.exec();
      }),
    get: (key) => guard('get', async () => (await client.get(prefix + key)) ?? undefined),
    release: (key, value) =>
      guard(
        'release',
        async () => Number(await client.eval(RELEASE, { keys: [prefix + key], arguments: [value] })) > 0,
      ),
    extend: (key, value, ttlMs) =>
      guard(
        'extend',
        async () =>
          Number(
            await client.eval(EXTEND, {
              keys: [prefix + key],
              arguments: [value, String(Math.max(1, Math.round(ttlMs)))],
            }),
          ) > 0,
      ),
  };
}
