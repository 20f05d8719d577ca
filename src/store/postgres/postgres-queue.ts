import type { QueuedEntry, QueueSpace } from '../backend.js';
import type { Query } from './postgres-claims.js';

/** Table and index for `table` (schema-qualified), created with the rest of the schema. */
export function postgresQueueSchema(table: string, indexName: string): string {
  return `
    CREATE TABLE IF NOT EXISTS ${table} (
      seq BIGSERIAL PRIMARY KEY, ns TEXT NOT NULL, key TEXT NOT NULL, grp TEXT NOT NULL,
      due BIGINT NOT NULL, value TEXT NOT NULL, UNIQUE (ns, key));
    CREATE INDEX IF NOT EXISTS ${indexName} ON ${table} (ns, grp, seq) INCLUDE (due);`;
}

/**
 * PostgreSQL has no loose index scan: the recursive query jumps along the (ns, grp, seq)
 * index from one group to the next and reads each group's first entry, O(groups x log n)
 * however long the groups are.
 */
const dueGroupsSql = (table: string) => `
  WITH RECURSIVE g(grp) AS (
    SELECT (SELECT grp FROM ${table} WHERE ns = $1 ORDER BY grp LIMIT 1)
    UNION ALL
    SELECT (SELECT grp FROM ${table} WHERE ns = $1 AND grp > g.grp ORDER BY grp LIMIT 1) FROM g WHERE g.grp IS NOT NULL
  )
  SELECT grp, due FROM (
    SELECT g.grp AS grp, (SELECT due FROM ${table} WHERE ns = $1 AND grp = g.grp ORDER BY seq LIMIT 1) AS due
    FROM g WHERE g.grp IS NOT NULL
  ) heads WHERE due <= $2 ORDER BY due, grp LIMIT $3`;

interface Row {
  key: string;
  grp: string;
  due: string;
  value: string;
}

const MAX_MS = Number.MAX_SAFE_INTEGER;
const bound = (ms: number) => (Number.isFinite(ms) ? Math.trunc(ms) : ms > 0 ? MAX_MS : -MAX_MS);

export function postgresQueue<T>(query: Query, table: string, ns: string): QueueSpace<T> {
  const changed = (result: { rowCount: number | null }) => (result.rowCount ?? 0) > 0;
  const decode = (row: Row): QueuedEntry<T> => ({
    key: row.key,
    group: row.grp,
    dueAt: Number(row.due),
    value: JSON.parse(row.value) as T,
  });
  const dueGroups = dueGroupsSql(table);
  return {
    append: async (entry) =>
      changed(
        await query(
          'append',
          `INSERT INTO ${table} (ns, key, grp, due, value) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (ns, key) DO NOTHING`,
          [ns, entry.key, entry.group, bound(entry.dueAt), JSON.stringify(entry.value)],
        ),
      ),
    update: async (entry) =>
      changed(
        await query('update', `UPDATE ${table} SET due = $3, value = $4 WHERE ns = $1 AND key = $2`, [
          ns,
          entry.key,
          bound(entry.dueAt),
          JSON.stringify(entry.value),
        ]),
      ),
    remove: async (group, key) =>
      changed(await query('remove', `DELETE FROM ${table} WHERE ns = $1 AND grp = $2 AND key = $3`, [ns, group, key])),
    async get(key) {
      const result = await query<{ value: string }>('get', `SELECT value FROM ${table} WHERE ns = $1 AND key = $2`, [
        ns,
        key,
      ]);
      const raw = result.rows[0]?.value;
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    async inGroup(group, limit) {
      const result = await query<Row>(
        'read group',
        `SELECT key, grp, due, value FROM ${table} WHERE ns = $1 AND grp = $2 ORDER BY seq LIMIT $3`,
        [ns, group, limit ?? null],
      );
      return result.rows.map(decode);
    },
    async dueGroups(beforeMs, limit) {
      const result = await query<{ grp: string; due: string }>('due groups', dueGroups, [
        ns,
        bound(beforeMs),
        limit ?? null,
      ]);
      return result.rows.map((row) => ({ group: row.grp, dueAt: Number(row.due) }));
    },
    async list(limit) {
      const result = await query<{ value: string }>(
        'list',
        `SELECT value FROM ${table} WHERE ns = $1 ORDER BY seq LIMIT $2`,
        [ns, limit ?? null],
      );
      return result.rows.map((row) => JSON.parse(row.value) as T);
    },
    async count() {
      const result = await query<{ n: string }>('count', `SELECT COUNT(*) AS n FROM ${table} WHERE ns = $1`, [ns]);
      return Number(result.rows[0]?.n ?? 0);
    },
  };
}
