import type { QueuedEntry, QueueSpace } from '../backend.js';
import type { SqliteDatabase } from './sqlite-database.js';

/** Table and index, created with the rest of the schema. */
export const QUEUE_SCHEMA = `
CREATE TABLE IF NOT EXISTS queue_entries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, ns TEXT NOT NULL, key TEXT NOT NULL, grp TEXT NOT NULL,
  due INTEGER NOT NULL, value TEXT NOT NULL, UNIQUE (ns, key)
);
CREATE INDEX IF NOT EXISTS queue_entries_group ON queue_entries (ns, grp, seq, due);
`;

/**
 * The groups' heads without reading their other entries: a skip-scan along the (ns, grp, seq)
 * index that jumps from one group to the next (SQLite does not skip by itself), then each
 * group's first entry. O(groups x log n), however long the groups are.
 */
const DUE_GROUPS = `
WITH RECURSIVE g(grp) AS (
  SELECT (SELECT grp FROM queue_entries WHERE ns = ? ORDER BY grp LIMIT 1)
  UNION ALL
  SELECT (SELECT grp FROM queue_entries WHERE ns = ? AND grp > g.grp ORDER BY grp LIMIT 1) FROM g WHERE g.grp IS NOT NULL
)
SELECT grp, due FROM (
  SELECT g.grp AS grp, (SELECT due FROM queue_entries WHERE ns = ? AND grp = g.grp ORDER BY seq LIMIT 1) AS due
  FROM g WHERE g.grp IS NOT NULL
) WHERE due <= ? ORDER BY due, grp LIMIT ?`;

interface Row {
  key: string;
  grp: string;
  due: number;
  value: string;
}

const MAX_MS = Number.MAX_SAFE_INTEGER;
const bound = (ms: number) => (Number.isFinite(ms) ? Math.trunc(ms) : ms > 0 ? MAX_MS : -MAX_MS);

export function sqliteQueue<T>(db: SqliteDatabase, ns: string): QueueSpace<T> {
  const decode = (row: Row): QueuedEntry<T> => ({
    key: row.key,
    group: row.grp,
    dueAt: row.due,
    value: JSON.parse(row.value) as T,
  });
  return {
    append: (entry) =>
      db
        .writeOne(
          'INSERT INTO queue_entries (ns, key, grp, due, value) VALUES (?, ?, ?, ?, ?) ON CONFLICT (ns, key) DO NOTHING',
          [ns, entry.key, entry.group, bound(entry.dueAt), JSON.stringify(entry.value)],
        )
        .then(({ changes }) => changes > 0),
    update: (entry) =>
      db
        .writeOne('UPDATE queue_entries SET due = ?, value = ? WHERE ns = ? AND key = ?', [
          bound(entry.dueAt),
          JSON.stringify(entry.value),
          ns,
          entry.key,
        ])
        .then(({ changes }) => changes > 0),
    remove: (group, key) =>
      db
        .writeOne('DELETE FROM queue_entries WHERE ns = ? AND grp = ? AND key = ?', [ns, group, key])
        .then(({ changes }) => changes > 0),
    async get(key) {
      const row = db.get<{ value: string }>('SELECT value FROM queue_entries WHERE ns = ? AND key = ?', [ns, key]);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async inGroup(group, limit) {
      return db
        .all<Row>('SELECT key, grp, due, value FROM queue_entries WHERE ns = ? AND grp = ? ORDER BY seq LIMIT ?', [
          ns,
          group,
          limit ?? -1,
        ])
        .map(decode);
    },
    async dueGroups(beforeMs, limit) {
      return db
        .all<{ grp: string; due: number }>(DUE_GROUPS, [ns, ns, ns, bound(beforeMs), limit ?? -1])
        .map((row) => ({ group: row.grp, dueAt: row.due }));
    },
    async list(limit) {
      return db
        .all<{ value: string }>('SELECT value FROM queue_entries WHERE ns = ? ORDER BY seq LIMIT ?', [ns, limit ?? -1])
        .map((row) => JSON.parse(row.value) as T);
    },
    async count() {
      return db.get<{ n: number }>('SELECT COUNT(*) AS n FROM queue_entries WHERE ns = ?', [ns])?.n ?? 0;
    },
  };
}
