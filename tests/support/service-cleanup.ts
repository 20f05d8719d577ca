import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { TAGS_FILE_ENV } from './service-urls.js';

/**
 * Vitest's global set-up: each run removes the Redis keys and PostgreSQL schemas its tests
 * made (their tags, listed by testTag), so a developer's Redis and database do not fill with
 * test leftovers run after run. Only this run's tags are touched, never anyone else's data.
 */
export function setup(): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-test-tags-'));
  const file = join(dir, 'tags');
  process.env[TAGS_FILE_ENV] = file;
  return async () => {
    let tags: string[] = [];
    try {
      tags = [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))];
    } catch {
      // No test made one.
    }
    try {
      if (tags.length) await Promise.all([dropRedisKeys(tags), dropSchemas(tags)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

async function dropRedisKeys(tags: readonly string[]): Promise<void> {
  const url = process.env.REDIS_URL;
  if (!url) return;
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    for (const tag of tags) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${tag}:*`, 'COUNT', 1_000);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== '0');
    }
  } catch (error) {
    process.stdout.write(`[banwatch tests] could not remove this run's Redis keys: ${String(error)}\n`);
  } finally {
    redis.disconnect();
  }
}

async function dropSchemas(tags: readonly string[]): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    // Tags are [a-z0-9] only (testTag), so quoting them is enough.
    for (const tag of tags) await client.query(`DROP SCHEMA IF EXISTS "${tag}" CASCADE`);
  } catch (error) {
    process.stdout.write(`[banwatch tests] could not drop this run's schemas: ${String(error)}\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
