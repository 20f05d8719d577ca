import type { OrderedEntry, OrderedSpace } from '../backend.js';
import type { SqliteConnection } from './sqlite-connection.js';

export function sqliteOrdered<T>(db: SqliteConnection, ns: string): OrderedSpace<T> {
  const decode = (rows: Array<{ key: string; value: string }>): Array<OrderedEntry<T>> =>
    rows.map((row) => ({ key: row.key, value: JSON.parse(row.value) as T }));
  return {
    async append(key, value) {
      const result = await db.run('INSERT INTO entries (ns, key, value) VALUES (?, ?, ?) ON CONFLICT (ns, key) DO NOTHING', [ns, key, JSON.stringify(value)]);
      return result.changes > 0;
    },
    async update(key, value) {
      const result = await db.run('UPDATE entries SET value = ? WHERE ns = ? AND key = ?', [JSON.stringify(value), ns, key]);
      return result.changes > 0;
    },
    async remove(key) {
      const result = await db.run('DELETE FROM entries WHERE ns = ? AND key = ?', [ns, key]);
      return result.changes > 0;
    },
    async get(key) {
      const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM entries WHERE ns = ? AND key = ?', [ns, key]);
      return decode(rows)[0]?.value;
    },
    async list(options = {}) {
      const order = options.newestFirst ? 'DESC' : 'ASC';
      const limit = options.limit ?? -1;
      const rows = await db.all<{ key: string; value: string }>(`SELECT key, value FROM entries WHERE ns = ? ORDER BY seq ${order} LIMIT ?`, [ns, limit]);
      return decode(rows);
    },
    async count() {
      const rows = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM entries WHERE ns = ?', [ns]);
      return rows[0]?.n ?? 0;
    },
    async trim(max) {
      await db.run(
        'DELETE FROM entries WHERE ns = ? AND seq <= (SELECT seq FROM entries WHERE ns = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)',
        [ns, ns, max],
      );
    },
  };
}
