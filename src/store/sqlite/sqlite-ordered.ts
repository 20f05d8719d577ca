import type { OrderedEntry, OrderedSpace } from '../backend.js';
import type { SqliteDatabase } from './sqlite-database.js';

export function sqliteOrdered<T>(db: SqliteDatabase, ns: string): OrderedSpace<T> {
  const decode = (rows: Array<{ key: string; value: string }>): Array<OrderedEntry<T>> =>
    rows.map((row) => ({ key: row.key, value: JSON.parse(row.value) as T }));
  return {
    async append(key, value) {
      const { changes } = await db.writeOne(
        'INSERT INTO entries (ns, key, value) VALUES (?, ?, ?) ON CONFLICT (ns, key) DO NOTHING',
        [ns, key, JSON.stringify(value)],
      );
      return changes > 0;
    },
    async update(key, value) {
      const { changes } = await db.writeOne('UPDATE entries SET value = ? WHERE ns = ? AND key = ?', [
        JSON.stringify(value),
        ns,
        key,
      ]);
      return changes > 0;
    },
    async remove(key) {
      return (await db.writeOne('DELETE FROM entries WHERE ns = ? AND key = ?', [ns, key])).changes > 0;
    },
    async get(key) {
      const row = db.get<{ value: string }>('SELECT value FROM entries WHERE ns = ? AND key = ?', [ns, key]);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async list(options = {}) {
      const order = options.newestFirst ? 'DESC' : 'ASC';
      return decode(
        db.all(`SELECT key, value FROM entries WHERE ns = ? ORDER BY seq ${order} LIMIT ?`, [ns, options.limit ?? -1]),
      );
    },
    async count() {
      return db.get<{ n: number }>('SELECT COUNT(*) AS n FROM entries WHERE ns = ?', [ns])?.n ?? 0;
    },
    async trim(max) {
      await db.write((run) =>
        run(
          'DELETE FROM entries WHERE ns = ? AND seq <= (SELECT seq FROM entries WHERE ns = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)',
          [ns, ns, max],
        ),
      );
    },
  };
}
