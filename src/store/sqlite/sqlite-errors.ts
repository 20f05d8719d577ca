import { StoreError } from '../../shared/errors.js';

/**
 * What a person does with a corrupt store. Found at start-up the file is left exactly as it
 * was found (`untouched`); found while working, banwatch stops using it.
 */
export function recoveryAdvice(file: string, untouched = true): string {
  return (
    `${untouched ? 'banwatch has not changed the file. ' : ''}To recover: stop banwatch, copy ${file} (and any -wal and -shm ` +
    `files beside it) somewhere safe, then either restore a backup or rebuild it with the sqlite3 tool ` +
    `(sqlite3 ${file} .recover | sqlite3 recovered.sqlite) and point store.url at the rebuilt file. ` +
    `Starting with a new file also works: feeds are first-polled again and post nothing old.`
  );
}

export function corrupt(file: string, problem: string, cause?: unknown, untouched = true): StoreError {
  return new StoreError(`SQLite store ${file} is corrupt (${problem}). ${recoveryAdvice(file, untouched)}`, {
    code: 'STORE_CORRUPT',
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Errors after which SQLite may have rolled back the whole transaction, not just the statement. */
export const TRANSACTION_ERRORS = /^SQLITE_(FULL|IOERR|NOMEM|CORRUPT|CANTOPEN|READONLY)/;

export function sqliteCode(error: unknown): string {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  }
  return '';
}

/** What a rejection carries: the error itself, or a StoreError for anything thrown that is not one. */
export function asError(file: string, error: unknown): Error {
  return error instanceof Error ? error : new StoreError(`SQLite store ${file}: ${String(error)}`);
}

export function attempt<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    // Damage met while working (the whole-file check runs daily, not at every open): told as at start-up.
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(sqliteCode(error))) throw corrupt(file, (error as Error).message, error, false);
    throw new StoreError(`SQLite store ${file}: ${(error as Error).message}`, { cause: error });
  }
}
