import type { Clock } from '../../domain/clock.js';
import type { ClaimSpace } from '../backend.js';
import type { Run, SqliteDatabase } from './sqlite-database.js';

const READ = 'SELECT value FROM claims WHERE ns = ? AND key = ? AND expires > ?';
const READ_MANY = 'SELECT key, value FROM claims WHERE ns = ? AND expires > ? AND key IN ';
/** Rows per multi-row INSERT: 400 parameters, far below SQLite's 32,766. */
const ROWS = 100;

/** One SQL text per row count, built once: the statement cache is keyed by it, and building it per call showed in profiles. */
function bySize(build: (values: string) => string): (count: number) => string {
  const texts: string[] = [];
  return (count) => (texts[count] ??= build(Array.from({ length: count }, () => '(?, ?, ?, ?)').join(', ')));
}
/** Every key of a slice in one statement: a poll's five new items cost one, not five and a savepoint pair. */
const claimSql = bySize(
  // An expired claim is taken over as if it were absent.
  (values) => `INSERT INTO claims (ns, key, value, expires) VALUES ${values}
  ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, expires = excluded.expires WHERE claims.expires <= ?`,
);
const putSql = bySize(
  (values) => `INSERT INTO claims (ns, key, value, expires) VALUES ${values}
  ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, expires = excluded.expires`,
);

function rowParams(ns: string, keys: readonly string[], value: string, expires: number): unknown[] {
  const params: unknown[] = [];
  for (const key of keys) params.push(ns, key, value, expires);
  return params;
}

function slices(keys: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let at = 0; at < keys.length; at += ROWS) out.push(keys.slice(at, at + ROWS));
  return out;
}

/**
 * Writes `keys` a slice per statement: one statement alone (atomic by itself), more inside one
 * savepoint, so a failure leaves none of them written. Resolves to the rows changed.
 */
async function writeSlices(
  db: SqliteDatabase,
  keys: readonly string[],
  statement: (slice: readonly string[]) => [string, unknown[]],
): Promise<number> {
  const all = slices(keys);
  if (all.length === 1) return (await db.writeOne(...statement(all[0] as string[]))).changes;
  return db.write((run: Run) => all.reduce((changed, slice) => changed + run(...statement(slice)).changes, 0));
}

export function sqliteClaims(db: SqliteDatabase, ns: string, clock: Clock): ClaimSpace {
  const read = (key: string, now: number): string | undefined => db.get<{ value: string }>(READ, [ns, key, now])?.value;
  const readMany = (keys: readonly string[], now: number): Map<string, string> =>
    new Map(db.allIn<{ key: string; value: string }>(READ_MANY, [ns, now], keys).map((row) => [row.key, row.value]));
  return {
    async claim(keys, value, ttlMs) {
      const unique = [...new Set(keys)];
      const now = clock.now().getTime();
      // Most keys of a poll are held already (items seen before): those are only read, and a
      // poll with nothing new writes nothing. The keys found free are claimed by a statement that
      // still only takes a key if free; when it took fewer than all, some racing claimer got
      // there first, and the keys are read back so that claimer's hold is never overrun.
      const held = readMany(unique, now);
      const free = unique.filter((key) => !held.has(key));
      if (!free.length) return held;
      const expires = now + ttlMs;
      const taken = await writeSlices(db, free, (slice) => {
        const params = rowParams(ns, slice, value, expires);
        params.push(now);
        return [claimSql(slice.length), params];
      });
      if (taken === free.length) for (const key of free) held.set(key, value);
      else for (const [key, current] of readMany(free, clock.now().getTime())) held.set(key, current);
      return held;
    },
    async put(keys, value, ttlMs) {
      const unique = [...new Set(keys)];
      if (!unique.length) return;
      const expires = clock.now().getTime() + ttlMs;
      await writeSlices(db, unique, (slice) => [putSql(slice.length), rowParams(ns, slice, value, expires)]);
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
