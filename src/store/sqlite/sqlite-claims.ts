import type { Clock } from '../../domain/clock.js';
import type { ClaimSpace } from '../backend.js';
import type { SqliteConnection } from './sqlite-connection.js';

/** SQLite keeps at most 32766 variables per statement; 4 per row leaves room. */
const CHUNK = 500;

export function sqliteClaims(db: SqliteConnection, ns: string, clock: Clock): ClaimSpace {
  const read = async (keys: readonly string[]): Promise<Map<string, string>> => {
    const found = new Map<string, string>();
    for (let at = 0; at < keys.length; at += CHUNK) {
      const chunk = keys.slice(at, at + CHUNK);
      const rows = await db.all<{ key: string; value: string }>(
        `SELECT key, value FROM claims WHERE ns = ? AND expires > ? AND key IN (${chunk.map(() => '?').join(',')})`,
        [ns, clock.now().getTime(), ...chunk],
      );
      for (const row of rows) found.set(row.key, row.value);
    }
    return found;
  };
  const write = async (keys: readonly string[], value: string, ttlMs: number, onlyIfFree: boolean) => {
    const now = clock.now().getTime();
    const expires = now + ttlMs;
    for (let at = 0; at < keys.length; at += CHUNK) {
      const chunk = keys.slice(at, at + CHUNK);
      // One statement per chunk: each row's insert-or-keep is atomic, and an expired claim
      // is taken over as if it were absent.
      const conflict = onlyIfFree
        ? 'DO UPDATE SET value = excluded.value, expires = excluded.expires WHERE claims.expires <= ?'
        : 'DO UPDATE SET value = excluded.value, expires = excluded.expires';
      await db.run(
        `INSERT INTO claims (ns, key, value, expires) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(',')} ON CONFLICT (ns, key) ${conflict}`,
        [...chunk.flatMap((key) => [ns, key, value, expires]), ...(onlyIfFree ? [now] : [])],
      );
    }
  };
  return {
    async claim(keys, value, ttlMs) {
      const unique = [...new Set(keys)];
      if (!unique.length) return new Map();
      await write(unique, value, ttlMs, true);
      return read(unique);
    },
    async put(keys, value, ttlMs) {
      const unique = [...new Set(keys)];
      if (unique.length) await write(unique, value, ttlMs, false);
    },
    async get(key) {
      return (await read([key])).get(key);
    },
    async release(key, value) {
      const result = await db.run('DELETE FROM claims WHERE ns = ? AND key = ? AND value = ?', [ns, key, value]);
      return result.changes > 0;
    },
    async extend(key, value, ttlMs) {
      const now = clock.now().getTime();
      const result = await db.run('UPDATE claims SET expires = ? WHERE ns = ? AND key = ? AND value = ? AND expires > ?', [now + ttlMs, ns, key, value, now]);
      return result.changes > 0;
    },
  };
}
