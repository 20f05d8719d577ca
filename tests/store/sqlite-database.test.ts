import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/shared/errors.js';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/store/sqlite/sqlite-database.js';

const dir = mkdtempSync(join(tmpdir(), 'banwatch-sqlite-db-'));
let opened: SqliteDatabase[] = [];
afterEach(() => {
  for (const db of opened) db.close();
  opened = [];
});

function open(name: string): { db: SqliteDatabase; other: Database.Database } {
  const file = join(dir, name);
  const db = openSqliteDatabase(file);
  opened.push(db);
  db.exec('CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v TEXT)');
  // A second connection, as another process would have: it sees only what is committed.
  return { db, other: new Database(file) };
}

const rows = (other: Database.Database) => other.prepare('SELECT k FROM t ORDER BY k').all().map((row) => (row as { k: string }).k);

describe('sqlite grouped writes', () => {
  it('settles a write only once it is committed, and commits the writes of one turn together', async () => {
    const { db, other } = open('commit.sqlite');
    const first = db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['a', '1']));
    const second = db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['b', '2']));
    // Visible to this connection at once, to others only after the commit.
    expect(db.all('SELECT k FROM t')).toHaveLength(2);
    expect(rows(other)).toEqual([]);
    await expect(first).resolves.toEqual({ changes: 1 });
    expect(rows(other)).toEqual(['a', 'b']);
    await expect(second).resolves.toEqual({ changes: 1 });
    other.close();
  });

  it('undoes only the writes of a work that throws; the rest of its group lands', async () => {
    const { db, other } = open('partial.sqlite');
    const good = db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['a', '1']));
    const bad = db.write((run) => {
      run('INSERT INTO t VALUES (?, ?)', ['b', '2']);
      run('INSERT INTO t VALUES (?, ?)', ['a', 'duplicate']);
    });
    const after = db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['c', '3']));
    await expect(bad).rejects.toBeInstanceOf(StoreError);
    await expect(bad).rejects.toThrow(/UNIQUE constraint failed/);
    await Promise.all([good, after]);
    expect(rows(other)).toEqual(['a', 'c']);
    other.close();
  });

  it('commits what is pending when closed, so nothing written is lost at shutdown', async () => {
    const file = join(dir, 'close.sqlite');
    const db = openSqliteDatabase(file);
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)');
    const pending = db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['a', '1']));
    db.close();
    await expect(pending).resolves.toEqual({ changes: 1 });
    const other = new Database(file);
    expect(rows(other)).toEqual(['a']);
    other.close();
  });

  it('rejects a write when another process holds the write lock past the wait, and keeps working after', async () => {
    const { db, other } = open('busy.sqlite');
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    await expect(db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['a', '1']))).rejects.toThrow(/database is locked/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
    other.exec('ROLLBACK');
    await db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['b', '2']));
    expect(rows(other)).toEqual(['b']);
    other.close();
  }, 15_000);
});
