import sqlite3 from 'sqlite3';
import { StoreError } from '../../shared/errors.js';

/** A promise face for one sqlite3 connection. */
export interface SqliteConnection {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number; lastID: number }>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function openSqliteConnection(file: string): Promise<SqliteConnection> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const handle = new sqlite3.Database(file, (error) => (error ? reject(wrap(error, file)) : resolve(handle)));
  });
  db.configure('busyTimeout', 10_000);
  const connection: SqliteConnection = {
    all: (sql, params = []) =>
      new Promise((resolve, reject) => db.all(sql, params as unknown[], (error, rows) => (error ? reject(wrap(error, file)) : resolve(rows as never)))),
    run: (sql, params = []) =>
      new Promise((resolve, reject) =>
        db.run(sql, params as unknown[], function (this: sqlite3.RunResult, error: Error | null) {
          if (error) reject(wrap(error, file));
          else resolve({ changes: this.changes, lastID: this.lastID });
        }),
      ),
    exec: (sql) => new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(wrap(error, file)) : resolve()))),
    close: () => new Promise((resolve, reject) => db.close((error) => (error ? reject(wrap(error, file)) : resolve()))),
  };
  // WAL lets the keyv connections and this one read while another writes; NORMAL sync is
  // durable across process crashes (only an OS crash can lose the last transactions).
  await connection.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  return connection;
}

function wrap(error: Error, file: string): StoreError {
  return new StoreError(`SQLite store ${file}: ${error.message}`, { cause: error });
}
