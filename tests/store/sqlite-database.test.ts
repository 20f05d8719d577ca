import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/shared/errors.js';
import {
  GROUP_WINDOW_MS,
  LOCK_WAIT_MS,
  openSqliteDatabase,
  type SqliteDatabase,
} from '../../src/store/sqlite/sqlite-database.js';

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

const rows = (other: Database.Database) =>
  other
    .prepare('SELECT k FROM t ORDER BY k')
    .all()
    .map((row) => (row as { k: string }).k);

describe('sqlite grouped writes', () => {
  it("keeps the savepoints' undo copies in memory, in WAL mode with normal sync", () => {
    const { db } = open('pragmas.sqlite');
    expect(db.all('PRAGMA temp_store')).toEqual([{ temp_store: 2 }]);
    expect(db.all('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(db.all('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
  });

  it('applies a write at once for this connection and shows it to others at the commit, which flush hurries', async () => {
    const { db, other } = open('commit.sqlite');
    const first = db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['a', '1']));
    const second = db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['b', '2']));
    expect(db.all('SELECT k FROM t')).toHaveLength(2);
    await expect(first).resolves.toEqual({ changes: 1 });
    await expect(second).resolves.toEqual({ changes: 1 });
    // Applied, not yet committed: another process does not see it.
    expect(rows(other)).toEqual([]);
    await db.flush();
    expect(rows(other)).toEqual(['a', 'b']);
    // Nothing left to commit: a flush resolves at once.
    await db.flush();
    other.close();
  });

  it('commits a group by itself within the window when nobody flushes', async () => {
    const { db, other } = open('window.sqlite');
    await db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['a', '1']));
    expect(rows(other)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, GROUP_WINDOW_MS * 4));
    expect(rows(other)).toEqual(['a']);
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
    await db.flush();
    expect(rows(other)).toEqual(['a', 'c']);
    other.close();
  });

  it('applies a single statement without a savepoint: a failing one undoes itself alone, the group lands', async () => {
    const { db, other } = open('one.sqlite');
    const good = db.writeOne('INSERT INTO t VALUES (?, ?)', ['a', '1']);
    // Many rows in one statement, the last a duplicate: SQLite undoes the whole statement.
    const bad = db.writeOne('INSERT INTO t VALUES (?, ?), (?, ?)', ['b', '2', 'a', 'duplicate']);
    const after = db.writeOne('INSERT INTO t VALUES (?, ?)', ['c', '3']);
    await expect(bad).rejects.toThrow(/UNIQUE constraint failed/);
    await expect(good).resolves.toEqual({ changes: 1 });
    await expect(after).resolves.toEqual({ changes: 1 });
    expect(rows(other)).toEqual([]);
    await db.flush();
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

  describe('a commit that fails', () => {
    // A deferred foreign key is only checked at COMMIT: a way to make a commit itself fail.
    function withDeferredKey(name: string): {
      db: SqliteDatabase;
      other: Database.Database;
      orphan: () => Promise<unknown>;
    } {
      const { db, other } = open(name);
      db.exec('PRAGMA foreign_keys = ON');
      db.exec(
        'CREATE TABLE parent (id TEXT PRIMARY KEY); CREATE TABLE child (pid TEXT REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)',
      );
      return { db, other, orphan: () => db.write((run) => run('INSERT INTO child VALUES (?)', ['missing'])) };
    }

    it('rejects the flush waiting for it, loses its whole group, and leaves the next group unharmed', async () => {
      const { db, other, orphan } = withDeferredKey('failed-flush.sqlite');
      await db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['lost', '1']));
      await orphan();
      await expect(db.flush()).rejects.toThrow(/FOREIGN KEY constraint failed/);
      expect(rows(other)).toEqual([]);
      await db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['kept', '2']));
      await db.flush();
      expect(rows(other)).toEqual(['kept']);
      other.close();
    });

    it('is reported by the next write when nobody waited for it', async () => {
      const { db, other, orphan } = withDeferredKey('failed-alone.sqlite');
      await orphan();
      await new Promise((resolve) => setTimeout(resolve, GROUP_WINDOW_MS * 4));
      await expect(db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['a', '1']))).rejects.toThrow(
        /FOREIGN KEY constraint failed/,
      );
      await db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['b', '2']));
      await db.flush();
      expect(rows(other)).toEqual(['b']);
      other.close();
    });
  });

  it('rejects a write when another process holds the write lock past the wait, and keeps working after', async () => {
    const { db, other } = open('busy.sqlite');
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    // The wait is on timers: the event loop goes on turning (slash commands are answered).
    let ticks = 0;
    let longestBlockMs = 0;
    let last = Date.now();
    const ticker = setInterval(() => {
      ticks++;
      longestBlockMs = Math.max(longestBlockMs, Date.now() - last);
      last = Date.now();
    }, 10);
    await expect(db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['a', '1']))).rejects.toThrow(
      /database is locked/,
    );
    clearInterval(ticker);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LOCK_WAIT_MS);
    expect(ticks).toBeGreaterThan(100);
    expect(longestBlockMs).toBeLessThan(1_000);
    other.exec('ROLLBACK');
    await db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['b', '2']));
    await db.flush();
    expect(rows(other)).toEqual(['b']);
    other.close();
  }, 15_000);
});

describe('sqlite writes waiting for the write lock', () => {
  it('applies writes queued while another process held the lock, in their order, once it is released', async () => {
    const { db, other } = open('wait.sqlite');
    other.exec('BEGIN IMMEDIATE');
    const first = db.write((run) => run('INSERT INTO t VALUES (?, ?)', ['a', '1']));
    const second = db.write((run) => run('INSERT OR REPLACE INTO t VALUES (?, ?)', ['a', '2']));
    const third = db.writeOne('INSERT OR REPLACE INTO t VALUES (?, ?)', ['a', '3']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    other.exec('ROLLBACK');
    await Promise.all([first, second, third]);
    await db.flush();
    expect(db.get<{ v: string }>('SELECT v FROM t WHERE k = ?', ['a'])?.v).toBe('3');
    other.close();
  });
});

describe('sqlite grouped writes when SQLite ends the transaction itself (disk full)', () => {
  it('gives up the whole group with the real error, holds writes, and is not ready until space returns', async () => {
    const file = join(dir, 'full.sqlite');
    const db = openSqliteDatabase(file, { holdWritesMs: 50 });
    opened.push(db);
    db.exec('CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v TEXT)');
    // As the backend creates it: the probe's one-row table.
    db.exec('CREATE TABLE IF NOT EXISTS store_probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL)');
    const other = new Database(file);
    const pages = (db.get<{ page_count: number }>('PRAGMA page_count')?.page_count ?? 0) + 8;
    // A disk that fills up: SQLite answers SQLITE_FULL and rolls the whole transaction back.
    db.exec(`PRAGMA max_page_count = ${pages}`);
    const big = 'x'.repeat(2_000);
    const accepted: string[] = [];
    let refusal: Error | undefined;
    for (let i = 0; i < 200 && !refusal; i++) {
      await db
        .write((run) => run('INSERT INTO t (k, v) VALUES (?, ?)', [`k${i}`, big]))
        .then(
          () => accepted.push(`k${i}`),
          (error: Error) => (refusal = error),
        );
    }
    expect(accepted.length).toBeGreaterThan(0);
    expect(refusal?.message).toMatch(/full/i);
    expect(refusal?.message).not.toMatch(/savepoint/i);
    expect(db.health()).toMatchObject({ problem: expect.stringMatching(/full/i) as string });
    // The group went as a whole, in order, as in a crash: nothing of it is committed...
    await expect(db.flush()).resolves.toBeUndefined();
    expect(rows(other)).toEqual([]);
    // ...and nothing written after the loss may land before writing is tried again.
    await expect(db.write((run) => run('INSERT INTO t (k, v) VALUES (?, ?)', ['late', 'v']))).rejects.toThrow(
      /held after a failed write/,
    );
    await expect(db.probe()).rejects.toThrow(/full/i);
    // Space returns: after the hold, the probe commits and writes go on.
    db.exec('PRAGMA max_page_count = 1000000');
    await new Promise((resolve) => setTimeout(resolve, 60));
    await db.probe();
    expect(db.health().problem).toBeUndefined();
    await db.write((run) => run('INSERT INTO t (k, v) VALUES (?, ?)', ['after', 'v']));
    await db.flush();
    expect(rows(other)).toEqual(['after']);
    other.close();
  });
});
