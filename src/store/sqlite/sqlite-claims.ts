import type { Clock } from '../../domain/clock.js';
import type { ClaimSpace } from '../backend.js';
import type { SqliteDatabase } from './sqlite-database.js';

const READ = 'SELECT value FROM claims WHERE ns = ? AND key = ? AND expires > ?';
const READ_MANY = 'SELECT key, value FROM claims WHERE ns = ? AND expires > ? AND key IN ';
// An expired claim is taken over as if it were absent.
const CLAIM = `INSERT INTO claims (ns, key, value, expires) VALUES (?, ?, ?, ?)
  ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, expires = excluded.expires WHERE claims.expires <= ?`;
const PUT = `INSERT INTO claims (ns, key, value, expires) VALUES (?, ?, ?, ?)
  ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, expires = excluded.expires`;

export function sqliteClaims(db: SqliteDatabase, ns: string, clock: Clock): ClaimSpace {
  const read = (key: string, now: number): string | undefined => db.get<{ value: string }>(READ, [ns, key, now])?.value;
  const readMany = (keys: readonly string[], now: number): Map<string, string> =>
    new Map(db.allIn<{ key: string; value: string }>(READ_MANY, [ns, now], keys).map((row) => [row.key, row.value]));
  return {
    async claim(keys, value, ttlMs) {
      const unique = [...new Set(keys)];
      const now = clock.now().getTime();
      // Most keys of a poll are held already (items seen before): those are only read, and a
      // poll with nothing new writes nothing. The keys found free are claimed in one transaction
      // by a statement that still only takes a key if free (a change means it did); a key some
      // racing process took meanwhile is read back, so it cannot be overrun.
      const held = readMany(unique, now);
      const free = unique.filter((key) => !held.has(key));
      if (!free.length) return held;
      return db.write((run) => {
        for (const key of free) {
          const current = run(CLAIM, [ns, key, value, now + ttlMs, now]).changes > 0 ? value : read(key, now);
          if (current !== undefined) held.set(key, current);
        }
        return held;
      });
    },
    async put(keys, value, ttlMs) {
      const unique = [...new Set(keys)];
      const expires = clock.now().getTime() + ttlMs;
      if (unique.length === 1) await db.writeOne(PUT, [ns, unique[0], value, expires]);
      else
        await db.write((run) => {
          for (const key of unique) run(PUT, [ns, key, value, expires]);
        });
    },
    async get(key) {
      return read(key, clock.now().getTime());
    },
    async release(key, value) {
      return (
        (await db.writeOne('DELETE FROM claims WHERE ns = ? AND key = ? AND value = ?', [ns, key, value])).changes > 0
      );
    },
    async extend(key, value, ttlMs) {
      const now = clock.now().getTime();
      const { changes } = await db.writeOne(
        'UPDATE claims SET expires = ? WHERE ns = ? AND key = ? AND value = ? AND expires > ?',
        [now + ttlMs, ns, key, value, now],
      );
      return changes > 0;
    },
  };
}
