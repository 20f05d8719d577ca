import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import type { Clock } from '../../domain/clock.js';
import type { ClaimSpace, KeyValueSpace, OrderedSpace, StoreBackend } from '../backend.js';
import { keyvSpace } from '../keyv-space.js';
import { openSqliteConnection, type SqliteConnection } from './sqlite-connection.js';
import { sqliteClaims } from './sqlite-claims.js';
import { sqliteOrdered } from './sqlite-ordered.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS claims (
  ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, expires INTEGER NOT NULL,
  PRIMARY KEY (ns, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claims_expires ON claims (expires);
CREATE TABLE IF NOT EXISTS entries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
  UNIQUE (ns, key)
);
CREATE INDEX IF NOT EXISTS entries_ns_seq ON entries (ns, seq);
`;

/** `sqlite://data/banwatch.sqlite` -> an absolute file path (relative to the working directory). */
export function sqlitePathFromUrl(url: string): string {
  const path = url.replace(/^sqlite:\/\//, '');
  return path === ':memory:' ? path : resolve(path);
}

/**
 * The embedded default: keyv documents through @keyv/sqlite (one table per namespace), and
 * claims and ordered spaces in two tables on a connection of our own, because they need
 * `INSERT ... ON CONFLICT` and ordering that keyv does not offer. One file, WAL mode.
 */
export async function openSqliteBackend(url: string, clock: Clock): Promise<StoreBackend> {
  const file = sqlitePathFromUrl(url);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const connection: SqliteConnection = await openSqliteConnection(file);
  await connection.exec(SCHEMA);
  const spaces = new Map<string, KeyValueSpace & { close(): Promise<void> }>();
  const claims = new Map<string, ClaimSpace>();
  const ordered = new Map<string, OrderedSpace<unknown>>();

  return {
    kind: 'sqlite',
    keyValue(namespace) {
      let space = spaces.get(namespace);
      if (!space) {
        const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, table: `kv_${namespace}`, busyTimeout: 10_000 });
        const wrapped = keyvSpace(adapter, namespace, 'SQLite');
        space = { ...wrapped, close: () => adapter.close() };
        spaces.set(namespace, space);
      }
      return space;
    },
    claims(namespace) {
      let space = claims.get(namespace);
      if (!space) claims.set(namespace, (space = sqliteClaims(connection, namespace, clock)));
      return space;
    },
    ordered<T>(namespace: string) {
      let space = ordered.get(namespace);
      if (!space) ordered.set(namespace, (space = sqliteOrdered<unknown>(connection, namespace)));
      return space as OrderedSpace<T>;
    },
    async ping() {
      await connection.all('SELECT 1');
    },
    async sweep() {
      const now = clock.now().getTime();
      await connection.run('DELETE FROM claims WHERE expires <= ?', [now]);
      // keyv keeps a document's expiry inside its JSON and only drops it when it is read again.
      for (const namespace of spaces.keys()) {
        const table = `kv_${namespace}`.replace(/[^a-zA-Z0-9_]/g, '');
        await connection.run(`DELETE FROM ${table} WHERE json_extract(value, '$.expires') IS NOT NULL AND json_extract(value, '$.expires') <= ?`, [now]);
      }
    },
    async close() {
      for (const space of spaces.values()) await space.close();
      await connection.close();
    },
  };
}
