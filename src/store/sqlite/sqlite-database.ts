import Database from 'better-sqlite3';
import { StoreError } from '../../shared/errors.js';
import { asError, attempt, sqliteCode, TRANSACTION_ERRORS } from './sqlite-errors.js';
import { checkIntegrity, clearClosedMark, lastCheckStillHolds, writeClosedMark } from './sqlite-integrity.js';

/**
 * One better-sqlite3 connection for the whole store, with its prepared statements cached by
 * SQL text. Reads are synchronous and take microseconds. Writes are applied at once, inside an
 * open transaction that later reads on this connection see, and committed in groups: a commit
 * (a WAL append of every page the group touched) costs far more than the statements in it, and
 * a busy poll cycle makes thousands of small writes. A group is committed `GROUP_WINDOW_MS`
 * after its first write, or at the end of the event-loop turn once someone calls `flush()`.
 *
 * So a write is durable within the window, not when its promise settles. A process killed
 * meanwhile loses the last writes together and in order (never a later one without an earlier
 * one), which the pipeline is built to survive: an unsettled item is simply processed again.
 * What must not be lost once the outside world has seen it (a post to a chat, a command's
 * answer) calls `flush()` first.
 */
export interface SqliteDatabase {
  all<T>(sql: string, params?: readonly unknown[]): T[];
  get<T>(sql: string, params?: readonly unknown[]): T | undefined;
  /**
   * Rows for many keys: `sql` ends in `IN `, and the list after it is filled with `keys` in
   * slices of 100 (one cached statement per list length), after the `params` before it.
   */
  allIn<T>(sql: string, params: readonly unknown[], keys: readonly string[]): T[];
  /** Runs `work` (its `run` calls) atomically inside the open group; resolves once applied. */
  write<T>(work: (run: Run) => T): Promise<T>;
  /**
   * One statement inside the open group, as `write` with one `run` but without a savepoint: a
   * single statement is atomic by itself (SQLite undoes a failed one), and the savepoint and its
   * release were a quarter of the main thread's SQLite time in a changed poll.
   */
  writeOne(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
  /** Resolves once every write made so far is committed; rejects with the commit's error. */
  flush(): Promise<void>;
  exec(sql: string): void;
  /**
   * Writes lost since the database was opened (a failed commit, or a write refused while writes
   * are held after one), and the last such failure while it is not yet followed by a commit.
   */
  health(): { failedWrites: number; problem?: string };
  /** Rejects while writes fail; once they may be tried again, proves it with a tiny commit. */
  probe(): Promise<void>;
  close(): void;
}

export interface SqliteDatabaseOptions {
  /**
   * After a lost group of writes, how long every write is refused before writing is tried
   * again. A poll whose earlier writes were lost must not save its later ones (a cursor that
   * says items were handed over when their claims are gone), so the hold outlasts any poll's
   * remaining writes (which follow each other within a poll's ingest, seconds at most).
   */
  holdWritesMs?: number;
}

export type Run = (sql: string, params?: readonly unknown[]) => { changes: number };

/**
 * How long a statement may block this thread waiting for another connection (a reader in WAL
 * mode only meets one during recovery). Kept tiny: the event loop answers slash commands.
 */
const BUSY_TIMEOUT_MS = 20;
/**
 * How long a write waits for another process's write lock (a CLI command next to `run`): in
 * steps of `LOCK_RETRY_MS`, on timers, so the event loop goes on meanwhile. This process holds
 * the lock for a group's window (`GROUP_WINDOW_MS`) at a time.
 */
export const LOCK_WAIT_MS = 5_000;
const LOCK_RETRY_MS = 25;
/** Keys per `IN (...)` list: far below SQLite's 32,766 parameters. */
const IN_SLICE = 100;
/**
 * How long a group of writes stays open when nobody waits for it. Measured on 2,000 changed
 * feeds: 25 ms groups make about a tenth of the commits that one group per turn does, and take
 * more than half of the commit time off the main thread.
 */
export const GROUP_WINDOW_MS = 25;

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/** A write waiting for the write lock, applied in its turn once the lock is had. */
interface Queued {
  work: (run: Run) => unknown;
  savepoint: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Group {
  waiters: Waiter[];
  timer: NodeJS.Timeout;
  /** A commit at the end of this turn is already scheduled (someone flushes). */
  hurried: boolean;
}

const HOLD_WRITES_MS = 30_000;

export function openSqliteDatabase(file: string, options: SqliteDatabaseOptions = {}): SqliteDatabase {
  const db = attempt(file, () => new Database(file, { timeout: BUSY_TIMEOUT_MS }));
  let lastWholeCheck = 0;
  // WAL lets readers go on while one writes; NORMAL sync is durable across process crashes
  // (only an OS crash can lose the last transactions).
  try {
    // Before anything writes to the file (the journal mode is written into its header). Read
    // whole unless it is exactly as banwatch closed it after a whole check within a day: the
    // check reads every page, a cost that grows with the store and that `poll --once` from cron
    // paid on every run (a tenth of a second at 70 MB).
    if (file !== ':memory:') {
      const now = Date.now();
      const checkedAt = lastCheckStillHolds(file, now);
      checkIntegrity(db, file, checkedAt === undefined);
      lastWholeCheck = checkedAt ?? now;
      clearClosedMark(file);
    }
    attempt(file, () => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Each write runs in a savepoint, whose undo copies go to a temporary file by default:
      // in memory they cost a copy, not a write call (a group's pages, a few MB at most).
      // Profiled on 2,000 changed feeds: the main thread's pwrite share fell from 8 to 4%.
      db.pragma('temp_store = MEMORY');
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
      // On some errors (SQLITE_FULL, I/O) SQLite has already rolled the whole transaction back:
      // there is no savepoint left, and the error to report is the one the work met.
      if (db.inTransaction) {
        try {
          control('ROLLBACK TO work');
          control('RELEASE work');
        } catch {
          // The transaction is beyond saving; `write` gives the group up on the original error.
        }
      }
      throw error;
    }
  };

  let group: Group | undefined;
  const holdMs = options.holdWritesMs ?? HOLD_WRITES_MS;
  let failedWrites = 0;
  /** The last lost write, until a commit succeeds after it. */
  let problem: Error | undefined;
  let heldUntil = 0;
  /**
   * A group was lost. Counted always; when the cause is the disk or the file (not a constraint, a
   * bug), writes are also held for a while and the failure told until a commit works again.
   */
  const lost = (error: unknown) => {
    failedWrites++;
    if (!TRANSACTION_ERRORS.test(sqliteCode(error))) return;
    problem = asError(file, error);
    heldUntil = Date.now() + holdMs;
  };
  /** A commit failed, losing its group's writes, and nobody waited for it: the next write or flush reports it. */
  let failure: Error | undefined;
  const takeFailure = () => {
    const error = failure;
    failure = undefined;
    return error;
  };
  const commit = () => {
    const current = group;
    if (!current) return;
    group = undefined;
    clearTimeout(current.timer);
    try {
      attempt(file, () => control('COMMIT'));
      problem = undefined;
      for (const waiter of current.waiters) waiter.resolve();
    } catch (error) {
      lost(error);
      // The commit may run from a timer: nothing here may throw, or the process would go down.
      try {
        if (db.open && db.inTransaction) control('ROLLBACK');
      } catch {
        // A failed rollback leaves SQLite to undo the transaction itself; the error is reported.
      }
      // Told once: to whoever waits for this commit, else to the next write or flush.
      if (current.waiters.length) for (const waiter of current.waiters) waiter.reject(error);
      else failure = asError(file, error);
    }
  };
  /**
   * A statement failed in a way that may have taken the whole transaction with it (disk full,
   * I/O): the group is given up as a failed commit would be, rolled back if SQLite has not, and
   * its waiters told. Its writes are lost together and in order, as in a crash.
   */
  const loseGroup = (error: unknown) => {
    const current = group;
    group = undefined;
    if (current) clearTimeout(current.timer);
    try {
      if (db.open && db.inTransaction) control('ROLLBACK');
    } catch {
      // SQLite rolls back a transaction it cannot finish itself.
    }
    lost(error);
    for (const waiter of current?.waiters ?? []) waiter.reject(asError(file, error));
  };
  const open = (): Group => {
    if (group) return group;
    // IMMEDIATE: the write lock is taken now, so the commit cannot meet a busy database.
    attempt(file, () => control('BEGIN IMMEDIATE'));
    group = { waiters: [], timer: setTimeout(commit, GROUP_WINDOW_MS), hurried: false };
    return group;
  };

  /** Runs a write inside the open group; a failure that ended the transaction loses the group. */
  const apply = <T>(work: (run: Run) => T, savepoint: boolean): T => {
    try {
      return attempt(file, () => {
        open();
        return savepoint ? atomically(work) : work(run);
      });
    } catch (error) {
      // A group whose transaction SQLite ended is lost whatever the code said: the next write
      // must open a new group, never run outside one.
      if (TRANSACTION_ERRORS.test(sqliteCode(error)) || (group && !db.inTransaction)) loseGroup(error);
      throw error;
    }
  };
  /** Opens the group; false when another connection holds the write lock (SQLITE_BUSY). */
  const tryOpen = (): boolean => {
    try {
      open();
      return true;
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_BUSY') return false;
      throw error;
    }
  };
  let lockWait: { since: number; queue: Queued[]; timer?: NodeJS.Timeout } | undefined;
  const queueForLock = <T>(work: (run: Run) => T, savepoint: boolean) =>
    new Promise<T>((resolve, reject) => lockWait?.queue.push({ work, savepoint, resolve, reject }));
  const retryLock = () => {
    const waiting = lockWait;
    if (!waiting) return;
    let opened: boolean;
    try {
      opened = db.open && tryOpen();
    } catch (error) {
      opened = false;
      waiting.since = -Infinity;
      waiting.queue.forEach((queued) => queued.reject(asError(file, error)));
      waiting.queue = [];
    }
    if (!opened && Date.now() - waiting.since < LOCK_WAIT_MS) {
      waiting.timer = setTimeout(retryLock, LOCK_RETRY_MS);
      return;
    }
    lockWait = undefined;
    for (const queued of waiting.queue) {
      if (!opened) {
        queued.reject(
          new StoreError(
            `SQLite store ${file}: database is locked (another process held the write lock for ${LOCK_WAIT_MS / 1000} s)`,
          ),
        );
        continue;
      }
      try {
        queued.resolve(apply(queued.work, queued.savepoint));
      } catch (error) {
        queued.reject(asError(file, error));
      }
    }
  };

  /** A write applied now in the open group, or queued behind the writes waiting for the lock. */
  const submit = <T>(work: (run: Run) => T, savepoint: boolean): Promise<T> => {
    try {
      const failed = takeFailure();
      if (failed !== undefined) throw failed;
      if (problem && Date.now() < heldUntil) {
        failedWrites++;
        throw new StoreError(`SQLite store ${file}: writes are held after a failed write (${problem.message})`);
      }
      // Behind writes waiting for the lock: in their order, never before them.
      if (lockWait) return queueForLock(work, savepoint);
      if (!tryOpen()) {
        lockWait = { since: Date.now(), queue: [] };
        lockWait.timer = setTimeout(retryLock, LOCK_RETRY_MS);
        return queueForLock(work, savepoint);
      }
      return Promise.resolve(apply(work, savepoint));
    } catch (error) {
      return Promise.reject(asError(file, error));
    }
  };

  return {
    all: <T>(sql: string, params: readonly unknown[] = []) => attempt(file, () => prepared(sql).all(...params) as T[]),
    get: <T>(sql: string, params: readonly unknown[] = []) =>
      attempt(file, () => prepared(sql).get(...params) as T | undefined),
    allIn<T>(sql: string, params: readonly unknown[], keys: readonly string[]): T[] {
      const rows: T[] = [];
      for (let at = 0; at < keys.length; at += IN_SLICE) {
        const slice = keys.slice(at, at + IN_SLICE);
        rows.push(...this.all<T>(`${sql}(${slice.map(() => '?').join(',')})`, [...params, ...slice]));
      }
      return rows;
    },
    write: <T>(work: (run: Run) => T) => submit(work, true),
    writeOne: (sql: string, params: readonly unknown[] = []) => submit((apply) => apply(sql, params), false),
    health: () => ({ failedWrites, ...(problem ? { problem: problem.message } : {}) }),
    async probe() {
      if (problem && Date.now() < heldUntil) throw problem;
      if (!problem) return;
      // A write that needs new space in the WAL: it commits only once the disk has room again.
      await this.writeOne('INSERT OR REPLACE INTO store_probe (id, at) VALUES (1, ?)', [Date.now()]);
      await this.flush();
    },
    flush(): Promise<void> {
      const failed = takeFailure();
      if (failed !== undefined) return Promise.reject(failed);
      const current = group;
      if (!current) return Promise.resolve();
      if (!current.hurried) {
        current.hurried = true;
        setImmediate(commit);
      }
      return new Promise<void>((resolve, reject) => current.waiters.push({ resolve, reject }));
    },
    exec: (sql) => attempt(file, () => void db.exec(sql)),
    close: () => {
      if (lockWait?.timer) clearTimeout(lockWait.timer);
      for (const queued of lockWait?.queue ?? []) queued.reject(new StoreError(`SQLite store ${file}: closed`));
      lockWait = undefined;
      if (group) commit();
      statements.clear();
      if (db.open) attempt(file, () => db.close());
      const error = takeFailure();
      if (error !== undefined) throw error;
      // Closed cleanly (the checkpointer's connection closes before this one, the last).
      if (file !== ':memory:') writeClosedMark(file, lastWholeCheck);
    },
  };
}
