import Database from 'better-sqlite3';
import { StoreError } from '../../shared/errors.js';

/**
 * One better-sqlite3 connection for the whole store, with its prepared statements cached by
 * SQL text. Reads are synchronous and take microseconds. Writes are grouped: every write made
 * in one turn of the event loop goes into one transaction, committed at the end of the turn,
 * and each writer's promise settles only once that commit is done. A commit (a WAL append)
 * costs far more than the statements in it, and sixteen polls finishing in the same turn then
 * share one; a caller still never goes on before its write is on disk.
 */
export interface SqliteDatabase {
  all<T>(sql: string, params?: readonly unknown[]): T[];
  get<T>(sql: string, params?: readonly unknown[]): T | undefined;
  /**
   * Rows for many keys: `sql` ends in `IN `, and the list after it is filled with `keys` in
   * slices of 100 (one cached statement per list length), after the `params` before it.
   */
  allIn<T>(sql: string, params: readonly unknown[], keys: readonly string[]): T[];
  /** Runs `work` (its `run` calls) atomically inside the current group; resolves after the commit. */
  write<T>(work: (run: Run) => T): Promise<T>;
  exec(sql: string): void;
  close(): void;
}

export type Run = (sql: string, params?: readonly unknown[]) => { changes: number };

/**
 * How long a statement waits for another process's write lock (a CLI command next to `run`).
 * The wait blocks this thread, so it stays short; writers here hold the lock for one turn.
 */
const BUSY_TIMEOUT_MS = 5_000;
/** Keys per `IN (...)` list: far below SQLite's 32,766 parameters. */
const IN_SLICE = 100;

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

export function openSqliteDatabase(file: string): SqliteDatabase {
  const db = attempt(file, () => new Database(file, { timeout: BUSY_TIMEOUT_MS }));
  // WAL lets readers go on while one writes; NORMAL sync is durable across process crashes
  // (only an OS crash can lose the last transactions).
  try {
    attempt(file, () => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    });
  } catch (error) {
    // Not a database, or unreadable: the handle is closed rather than left open.
    db.close();
    throw error;
  }
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const run: Run = (sql, params = []) => ({ changes: prepared(sql).run(...params).changes });
  const control = (sql: string) => void prepared(sql).run();
  /** A savepoint inside the group's transaction: a work that throws undoes only its own writes. */
  const atomically = <T>(work: (run: Run) => T): T => {
    control('SAVEPOINT work');
    try {
      const result = work(run);
      control('RELEASE work');
      return result;
    } catch (error) {
      control('ROLLBACK TO work');
      control('RELEASE work');
      throw error;
    }
  };

  let group: Waiter[] | undefined;
  const commit = () => {
    const waiters = group;
    if (!waiters) return;
    group = undefined;
    try {
      attempt(file, () => control('COMMIT'));
      for (const waiter of waiters) waiter.resolve();
    } catch (error) {
      if (db.open && db.inTransaction) control('ROLLBACK');
      for (const waiter of waiters) waiter.reject(error);
    }
  };

  return {
    all: <T>(sql: string, params: readonly unknown[] = []) => attempt(file, () => prepared(sql).all(...params) as T[]),
    get: <T>(sql: string, params: readonly unknown[] = []) => attempt(file, () => prepared(sql).get(...params) as T | undefined),
    allIn<T>(sql: string, params: readonly unknown[], keys: readonly string[]): T[] {
      const rows: T[] = [];
      for (let at = 0; at < keys.length; at += IN_SLICE) {
        const slice = keys.slice(at, at + IN_SLICE);
        rows.push(...this.all<T>(`${sql}(${slice.map(() => '?').join(',')})`, [...params, ...slice]));
      }
      return rows;
    },
    write<T>(work: (run: Run) => T): Promise<T> {
      try {
        if (!group) {
          // IMMEDIATE: the write lock is taken now, so the commit cannot meet a busy database.
          attempt(file, () => control('BEGIN IMMEDIATE'));
          group = [];
          setImmediate(commit);
        }
        const result = attempt(file, () => atomically(work));
        const waiters = group;
        return new Promise<T>((resolve, reject) => waiters.push({ resolve: () => resolve(result), reject }));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    exec: (sql) => attempt(file, () => void db.exec(sql)),
    close: () => {
      if (group) commit();
      statements.clear();
      if (db.open) attempt(file, () => db.close());
    },
  };
}

function attempt<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(`SQLite store ${file}: ${(error as Error).message}`, { cause: error });
  }
}
