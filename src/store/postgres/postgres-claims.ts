import type pg from 'pg';
import type { Clock } from '../../domain/clock.js';
import type { ClaimSpace } from '../backend.js';

export type Query = <R extends pg.QueryResultRow>(
  what: string,
  sql: string,
  params?: unknown[],
) => Promise<pg.QueryResult<R>>;

export function postgresClaims(query: Query, table: string, ns: string, clock: Clock): ClaimSpace {
  const write = async (keys: readonly string[], value: string, ttlMs: number, onlyIfFree: boolean) => {
    const now = clock.now().getTime();
    // An expired claim is taken over as if absent; a live one is kept (or overwritten by put).
    const conflict = onlyIfFree
      ? `DO UPDATE SET value = EXCLUDED.value, expires = EXCLUDED.expires WHERE ${table}.expires <= $5`
      : 'DO UPDATE SET value = EXCLUDED.value, expires = EXCLUDED.expires';
    await query(
      'claim',
      `INSERT INTO ${table} (ns, key, value, expires) SELECT $1, k, $3, $4 FROM UNNEST($2::text[]) AS k ON CONFLICT (ns, key) ${conflict}`,
      onlyIfFree ? [ns, keys, value, now + ttlMs, now] : [ns, keys, value, now + ttlMs],
    );
  };
  const read = async (keys: readonly string[]) => {
    const result = await query<{ key: string; value: string }>(
      'read claims',
      `SELECT key, value FROM ${table} WHERE ns = $1 AND key = ANY($2::text[]) AND expires > $3`,
      [ns, keys, clock.now().getTime()],
    );
    return new Map(result.rows.map((row) => [row.key, row.value]));
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
    get: async (key) => (await read([key])).get(key),
    release: async (key, value) =>
      ((await query('release', `DELETE FROM ${table} WHERE ns = $1 AND key = $2 AND value = $3`, [ns, key, value]))
        .rowCount ?? 0) > 0,
    async extend(key, value, ttlMs) {
      const now = clock.now().getTime();
      const result = await query(
        'extend',
        `UPDATE ${table} SET expires = $1 WHERE ns = $2 AND key = $3 AND value = $4 AND expires > $5`,
        [now + ttlMs, ns, key, value, now],
      );
      return (result.rowCount ?? 0) > 0;
    },
  };
}
