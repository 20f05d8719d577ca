import type { OrderedSpace } from '../backend.js';
import type { Query } from './postgres-claims.js';

export function postgresOrdered<T>(query: Query, table: string, ns: string): OrderedSpace<T> {
  const changed = (result: { rowCount: number | null }) => (result.rowCount ?? 0) > 0;
  return {
    append: async (key, value) =>
      changed(
        await query(
          'append',
          `INSERT INTO ${table} (ns, key, value) VALUES ($1, $2, $3) ON CONFLICT (ns, key) DO NOTHING`,
          [ns, key, JSON.stringify(value)],
        ),
      ),
    update: async (key, value) =>
      changed(
        await query('update', `UPDATE ${table} SET value = $3 WHERE ns = $1 AND key = $2`, [
          ns,
          key,
          JSON.stringify(value),
        ]),
      ),
    remove: async (key) => changed(await query('remove', `DELETE FROM ${table} WHERE ns = $1 AND key = $2`, [ns, key])),
    async get(key) {
      const result = await query<{ value: string }>('get', `SELECT value FROM ${table} WHERE ns = $1 AND key = $2`, [
        ns,
        key,
      ]);
      const raw = result.rows[0]?.value;
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    async list(options = {}) {
      const result = await query<{ key: string; value: string }>(
        'list',
        `SELECT key, value FROM ${table} WHERE ns = $1 ORDER BY seq ${options.newestFirst ? 'DESC' : 'ASC'} LIMIT $2`,
        [ns, options.limit ?? null],
      );
      return result.rows.map((row) => ({ key: row.key, value: JSON.parse(row.value) as T }));
    },
    async count() {
      const result = await query<{ n: string }>('count', `SELECT COUNT(*) AS n FROM ${table} WHERE ns = $1`, [ns]);
      return Number(result.rows[0]?.n ?? 0);
    },
    trim: async (max) =>
      void (await query(
        'trim',
        `DELETE FROM ${table} WHERE ns = $1 AND seq <= (SELECT seq FROM ${table} WHERE ns = $1 ORDER BY seq DESC LIMIT 1 OFFSET $2)`,
        [ns, max],
      )),
  };
}
