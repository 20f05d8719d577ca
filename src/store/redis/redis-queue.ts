import type { RedisClientType } from '@keyv/redis';
import type { QueuedEntry, QueueSpace } from '../backend.js';

type Guard = <T>(what: string, run: () => Promise<T>) => Promise<T>;

/*
 * Keys: 1 values (hash), 2 due times (hash), 3 the group's order (sorted set by sequence),
 * 4 the heads (sorted set: each group scored by its oldest entry's due time), 5 the sequence,
 * 6 the order of all entries (sorted set by sequence). Lua keeps them in step, so each call is
 * atomic across instances, and "which groups are due" is one ZRANGEBYSCORE on the heads.
 */
const APPEND = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
local seq = redis.call('INCR', KEYS[5])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[3], seq, ARGV[1])
redis.call('ZADD', KEYS[6], seq, ARGV[1])
if redis.call('ZCARD', KEYS[3]) == 1 then redis.call('ZADD', KEYS[4], ARGV[3], ARGV[4]) end
return 1`;
const UPDATE = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
if redis.call('ZRANGE', KEYS[3], 0, 0)[1] == ARGV[1] then redis.call('ZADD', KEYS[4], ARGV[3], ARGV[4]) end
return 1`;
const REMOVE = `
local removed = redis.call('HDEL', KEYS[1], ARGV[1])
if removed == 0 then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[6], ARGV[1])
local head = redis.call('ZRANGE', KEYS[3], 0, 0)[1]
if head then redis.call('ZADD', KEYS[4], redis.call('HGET', KEYS[2], head), ARGV[2])
else redis.call('ZREM', KEYS[4], ARGV[2]) end
return 1`;

const MAX_MS = Number.MAX_SAFE_INTEGER;
const bound = (ms: number) => (Number.isFinite(ms) ? Math.trunc(ms) : ms > 0 ? MAX_MS : -MAX_MS);

export function redisQueue<T>(client: RedisClientType, base: string, guard: Guard): QueueSpace<T> {
  const values = `${base}:values`;
  const dues = `${base}:due`;
  const heads = `${base}:heads`;
  const all = `${base}:order`;
  // Each group's order is a key of its own (named after the group), so reading one never touches another.
  const groupKey = (group: string) => `${base}:g:${group}`;
  const keysFor = (group: string) => [values, dues, groupKey(group), heads, `${base}:seq`, all];
  const run = (script: string, group: string, args: string[]) =>
    client.eval(script, { keys: keysFor(group), arguments: args });
  const write = (entry: QueuedEntry<T>) => [
    entry.key,
    JSON.stringify(entry.value),
    String(bound(entry.dueAt)),
    entry.group,
  ];
  return {
    append: (entry) => guard('append', async () => Number(await run(APPEND, entry.group, write(entry))) === 1),
    update: (entry) => guard('update', async () => Number(await run(UPDATE, entry.group, write(entry))) === 1),
    remove: (group, key) => guard('remove', async () => Number(await run(REMOVE, group, [key, group])) === 1),
    get: (key) =>
      guard('get', async () => {
        const raw = await client.hGet(values, key);
        return raw == null ? undefined : (JSON.parse(raw) as T);
      }),
    inGroup: (group, limit) =>
      guard('read group', async () => {
        if (limit === 0) return [];
        const keys = await client.zRange(groupKey(group), 0, limit === undefined ? -1 : limit - 1);
        if (!keys.length) return [];
        const [raws, due] = await Promise.all([client.hmGet(values, keys), client.hmGet(dues, keys)]);
        const entries: Array<QueuedEntry<T>> = [];
        keys.forEach((key, index) => {
          const raw = raws[index];
          if (raw != null) entries.push({ key, group, dueAt: Number(due[index]), value: JSON.parse(raw) as T });
        });
        return entries;
      }),
    dueGroups: (beforeMs, limit) =>
      guard('due groups', async () => {
        const found = await client.zRangeWithScores(heads, '-inf', bound(beforeMs), {
          BY: 'SCORE',
          ...(limit === undefined ? {} : { LIMIT: { offset: 0, count: limit } }),
        });
        return found.map((head) => ({ group: head.value, dueAt: head.score }));
      }),
    list: (limit) =>
      guard('list', async () => {
        if (limit === 0) return [];
        const keys = await client.zRange(all, 0, limit === undefined ? -1 : limit - 1);
        if (!keys.length) return [];
        return (await client.hmGet(values, keys)).flatMap((raw) => (raw == null ? [] : [JSON.parse(raw) as T]));
      }),
    count: () => guard('count', async () => Number(await client.hLen(values))),
  };
}
