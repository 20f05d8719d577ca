import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Clock } from '../../domain/clock.js';
import type { ClaimSpace, KeyValueSpace, OrderedSpace, QueueSpace, StoreBackend } from '../backend.js';
import { keyvSpace } from '../keyv-space.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { sqliteClaims } from './sqlite-claims.js';
import { openSqliteDatabase, type SqliteDatabaseOptions } from './sqlite-database.js';
import { SqliteKeyvAdapter } from './sqlite-keyv-adapter.js';
import { sqliteOrdered } from './sqlite-ordered.js';
import { QUEUE_SCHEMA, sqliteQueue } from './sqlite-queue.js';

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
CREATE TABLE IF NOT EXISTS store_probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL);
`;

const SWEEP_SLICE = 2_000;
/** Slices per table per sweep (1 M rows): what a run leaves, the next (an hour later) takes. */
const SWEEP_MAX_SLICES = 500;
/** SQLite's default: checkpoint on commit once the WAL holds this many pages. */
const AUTO_CHECKPOINT_PAGES = 1_000;
const SWEEP_CLAIMS = 'DELETE FROM claims WHERE (ns, key) IN (SELECT ns, key FROM claims WHERE expires <= ? LIMIT ?)';

/** `sqlite://data/banwatch.sqlite` -> an absolute file path (relative to the working directory). */
export function sqlitePathFromUrl(url: string): string {
  const path = url.replace(/^sqlite:\/\//, '');
  return path === ':memory:' ? path : resolve(path);
}

/** keyv documents live in one table per namespace, named as @keyv/sqlite named them. */
const tableFor = (namespace: string) => `kv_${namespace}`.replace(/[^a-zA-Z0-9_]/g, '');

/**
 * The embedded default: one SQLite file in WAL mode on one better-sqlite3 connection. keyv
 * documents go through a small adapter of ours; claims and ordered spaces use two tables of
 * their own, because they need `INSERT ... ON CONFLICT` and ordering that keyv does not offer.
 */
export async function openSqliteBackend(
  url: string,
  clock: Clock,
  options: SqliteDatabaseOptions = {},
): Promise<StoreBackend> {
  const file = sqlitePathFromUrl(url);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = openSqliteDatabase(file, options);
  db.exec(SCHEMA);
  db.exec(QUEUE_SCHEMA);
  // Checkpoints run in a thread of their own; if it stops, SQLite's own come back.
  const checkpointer =
    file === ':memory:'
      ? undefined
      : startCheckpointer(file, () => db.exec(`PRAGMA wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`));
  if (checkpointer) db.exec('PRAGMA wal_autocheckpoint = 0');
  const spaces = new Map<string, KeyValueSpace>();
  const claims = new Map<string, ClaimSpace>();
  const ordered = new Map<string, OrderedSpace<unknown>>();
  const queues = new Map<string, QueueSpace<unknown>>();

  return {
    kind: 'sqlite',
    keyValue(namespace) {
      let space = spaces.get(namespace);
      if (!space)
        spaces.set(namespace, (space = keyvSpace(new SqliteKeyvAdapter(db, tableFor(namespace)), namespace, 'SQLite')));
      return space;
    },
    claims(namespace) {
      let space = claims.get(namespace);
      if (!space) claims.set(namespace, (space = sqliteClaims(db, namespace, clock)));
      return space;
    },
    ordered<T>(namespace: string) {
      let space = ordered.get(namespace);
      if (!space) ordered.set(namespace, (space = sqliteOrdered<unknown>(db, namespace)));
      return space as OrderedSpace<T>;
    },
    queue<T>(namespace: string) {
      let space = queues.get(namespace);
      if (!space) queues.set(namespace, (space = sqliteQueue<unknown>(db, namespace)));
      return space as QueueSpace<T>;
    },
    async ping() {
      db.get('SELECT 1');
      // A store that cannot write (disk full) is not ready, though it still answers reads.
      await db.probe();
    },
    failedWrites: () => db.health().failedWrites,
    flush: () => db.flush(),
    async sweep() {
      const now = clock.now().getTime();
      // In slices, each committed before the next (which also yields the event loop): the
      // connection is synchronous, so one DELETE over a large table would hold the event loop
      // (and slash commands) for as long as it ran.
      for (let slice = 0; slice < SWEEP_MAX_SLICES; slice++) {
        const { changes: removed } = await db.writeOne(SWEEP_CLAIMS, [now, SWEEP_SLICE]);
        await db.flush();
        if (removed < SWEEP_SLICE) break;
      }
      // keyv keeps a document's expiry inside its JSON and only drops it when it is read again.
      for (const namespace of spaces.keys()) {
        const table = tableFor(namespace);
        const last = db.get<{ last: number | null }>(`SELECT max(rowid) AS last FROM ${table}`)?.last ?? 0;
        for (let from = 0; from < last; from += SWEEP_SLICE) {
          await db.write((run) =>
            run(
              `DELETE FROM ${table} WHERE rowid > ? AND rowid <= ? AND json_extract(value, '$.expires') IS NOT NULL AND json_extract(value, '$.expires') <= ?`,
              [from, from + SWEEP_SLICE, now],
            ),
          );
          await db.flush();
        }
      }
    },
    async close() {
      await checkpointer?.close();
      db.close();
    },
  };
}
