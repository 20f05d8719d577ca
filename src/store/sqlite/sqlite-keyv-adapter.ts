import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter } from 'keyv';
import type { SqliteDatabase } from './sqlite-database.js';

/**
 * A keyv storage adapter on the store's one connection: one table per namespace with the same
 * layout @keyv/sqlite used (`key VARCHAR(255) PRIMARY KEY, value TEXT`), so files written by
 * earlier versions read as they are. keyv hands in its own serialized text, expiry included.
 */
export class SqliteKeyvAdapter extends EventEmitter implements KeyvStoreAdapter {
  readonly opts: { table: string; dialect: 'sqlite' };
  namespace?: string;

  constructor(
    private readonly db: SqliteDatabase,
    table: string,
  ) {
    super();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new TypeError(`invalid SQLite table name: ${table}`);
    this.opts = { table, dialect: 'sqlite' };
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (key VARCHAR(255) PRIMARY KEY, value TEXT)`);
  }

  async get<Value>(key: string): Promise<Value | undefined> {
    return this.db.get<{ value: string }>(`SELECT value FROM ${this.opts.table} WHERE key = ?`, [key])?.value as
      Value | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<Array<Value | undefined>> {
    const rows = this.db.allIn<{ key: string; value: string }>(
      `SELECT key, value FROM ${this.opts.table} WHERE key IN `,
      [],
      keys,
    );
    const found = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => found.get(key) as Value | undefined);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db.writeOne(
      `INSERT INTO ${this.opts.table} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [key, value],
    );
  }

  async delete(key: string): Promise<boolean> {
    return (await this.db.writeOne(`DELETE FROM ${this.opts.table} WHERE key = ?`, [key])).changes > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    return this.db.write((run) =>
      keys.reduce(
        (deleted, key) => run(`DELETE FROM ${this.opts.table} WHERE key = ?`, [key]).changes > 0 || deleted,
        false,
      ),
    );
  }

  async has(key: string): Promise<boolean> {
    return this.db.get(`SELECT 1 FROM ${this.opts.table} WHERE key = ?`, [key]) !== undefined;
  }

  async clear(): Promise<void> {
    // Only this adapter's namespace: `LIKE` would treat `_` and `%` in a namespace as wildcards.
    const namespace = this.namespace;
    await this.db.write((run) =>
      namespace
        ? run(`DELETE FROM ${this.opts.table} WHERE substr(key, 1, ?) = ?`, [namespace.length + 1, `${namespace}:`])
        : run(`DELETE FROM ${this.opts.table}`),
    );
  }

  async disconnect(): Promise<void> {
    // The connection belongs to the backend, which closes it once for every space.
  }
}
