import type { RedisClientType } from '@keyv/redis';
import type { OrderedEntry, OrderedSpace } from '../backend.js';

type Guard = <T>(what: string, run: () => Promise<T>) => Promise<T>;

// The hash holds the values, the sorted set the order (score from a counter). Lua keeps the
// two in step, so an append is atomic and idempotent across instances.
const APPEND = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
  return 1
end
return 0`;
const UPDATE = `if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return 1 end return 0`;
const REMOVE = `redis.call('ZREM', KEYS[2], ARGV[1]) return redis.call('HDEL', KEYS[1], ARGV[1])`;
const TRIM = `
local old = redis.call('ZRANGE', KEYS[2], 0, -(tonumber(ARGV[1]) + 1))
for _, key in ipairs(old) do redis.call('HDEL', KEYS[1], key) end
if #old > 0 then redis.call('ZREM', KEYS[2], unpack(old)) end
return #old`;

export function redisOrdered<T>(client: RedisClientType, base: string, guard: Guard): OrderedSpace<T> {
  const keys = [`${base}:data`, `${base}:order`, `${base}:seq`];
  const run = (script: string, args: string[]) => client.eval(script, { keys, arguments: args });
  return {
    append: (key, value) => guard('append', async () => Number(await run(APPEND, [key, JSON.stringify(value)])) === 1),
    update: (key, value) => guard('update', async () => Number(await run(UPDATE, [key, JSON.stringify(value)])) === 1),
    remove: (key) => guard('remove', async () => Number(await run(REMOVE, [key])) > 0),
    get: (key) =>
      guard('get', async () => {
        const raw = await client.hGet(keys[0] as string, key);
        return raw == null ? undefined : (JSON.parse(raw) as T);
      }),
    list: (options = {}) =>
      guard('list', async () => {
        const stop = options.limit === undefined ? -1 : options.limit - 1;
        if (stop === -1 && options.limit !== undefined) return [];
        const order = await client.zRange(keys[1] as string, 0, stop, options.newestFirst ? { REV: true } : undefined);
        if (!order.length) return [];
        const values = await client.hmGet(keys[0] as string, order);
        const entries: Array<OrderedEntry<T>> = [];
        order.forEach((key, index) => {
          const raw = values[index];
          if (raw != null) entries.push({ key, value: JSON.parse(raw) as T });
        });
        return entries;
      }),
    count: () => guard('count', async () => Number(await client.zCard(keys[1] as string))),
    trim: (max) => guard('trim', async () => void (await run(TRIM, [String(max)]))),
  };
}
