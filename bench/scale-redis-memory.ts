/**
 * What a Redis installation holds for the scale run: every key under the run's prefix, grouped
 * by kind (`claim:items`, `kv:feeds`, ...), with MEMORY USAGE read for a sample of each group and
 * scaled to the group. Per feed and per remembered item follow from the groups.
 */
import { Redis } from 'ioredis';
import { round } from './measure.js';
import { REDIS_URL } from './redis-keys.js';

const SAMPLE = 400;

export interface RedisMemory {
  groups: Record<string, { keys: number; mb: number }>;
  totalMb: number;
  /** Item claims: one per remembered item. */
  rememberedItems: number;
  /** Feed state and whatever else is kept per feed (`kv:feeds`), per feed. */
  bytesPerFeed: number;
  /** The item claim alone, per remembered item. */
  claimBytesPerItem: number;
  /** Claims plus traces (documents and link index), per remembered item. */
  bytesPerItem: number;
}

/** The group a key belongs to: its first two parts after the prefix, without ids. */
const groupOf = (key: string, prefix: string) =>
  key
    .slice(prefix.length + 1)
    .split(':')
    .slice(0, 2)
    .join(':')
    .replace(/\d+/g, '#');

export async function redisMemory(prefix: string, counts: { feeds: number }): Promise<RedisMemory> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const keys = new Map<string, string[]>();
    const totals = new Map<string, number>();
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5_000);
      cursor = next;
      for (const key of found) {
        const group = groupOf(key, prefix);
        totals.set(group, (totals.get(group) ?? 0) + 1);
        const sample = keys.get(group) ?? [];
        if (sample.length < SAMPLE) keys.set(group, [...sample, key]);
      }
    } while (cursor !== '0');
    const groups: RedisMemory['groups'] = {};
    for (const [group, sample] of keys) {
      let bytes = 0;
      for (const key of sample) bytes += Number(await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) || 0;
      const total = totals.get(group) ?? 0;
      groups[group] = { keys: total, mb: round(((bytes / sample.length) * total) / 1_048_576, 2) };
    }
    const mb = (group: string) => groups[group]?.mb ?? 0;
    const items = groups['claim:items']?.keys ?? 0;
    const traceMb = Object.entries(groups)
      .filter(([group]) => group.includes('trace'))
      .reduce((sum, [, g]) => sum + g.mb, 0);
    const perItem = (value: number) => (items ? Math.round((value * 1_048_576) / items) : 0);
    return {
      groups,
      totalMb: round(
        Object.values(groups).reduce((sum, g) => sum + g.mb, 0),
        1,
      ),
      rememberedItems: items,
      bytesPerFeed: Math.round((mb('kv:feeds') * 1_048_576) / counts.feeds),
      claimBytesPerItem: perItem(mb('claim:items')),
      bytesPerItem: perItem(mb('claim:items') + traceMb),
    };
  } finally {
    redis.disconnect();
  }
}
