import type Database from 'better-sqlite3';
import { StoreError } from '../../shared/errors.js';

/** Problems quoted in the message; quick_check lists up to 100. */
const QUOTED = 3;

/** What a person does with a corrupt store: the file is left exactly as it was found. */
export function recoveryAdvice(file: string): string {
  return (
    `banwatch has not changed the file. To recover: stop banwatch, copy ${file} (and any -wal and -shm ` +
    `files beside it) somewhere safe, then either restore a backup or rebuild it with the sqlite3 tool ` +
    `(sqlite3 ${file} .recover | sqlite3 recovered.sqlite) and point store.url at the rebuilt file. ` +
    `Starting with a new file also works: feeds are first-polled again and post nothing old.`
  );
}

function corrupt(file: string, problem: string, cause?: unknown): StoreError {
  return new StoreError(`SQLite store ${file} is corrupt (${problem}). ${recoveryAdvice(file)}`, {
    code: 'STORE_CORRUPT',
    ...(cause === undefined ? {} : { cause }),
  });
}

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Checks a file before anything writes to it: `PRAGMA quick_check` reads every page and checks
 * the b-trees, records and free list (everything integrity_check does but comparing each index
 * with its table, which costs a sort per index for no protection against the damage a crash or a
 * bad disk does). A file that fails, or is not a database at all, is reported with how to
 * recover and is never written to: no schema, no journal mode, nothing.
 */
export function checkIntegrity(db: Database.Database, file: string): void {
  let rows: Array<{ quick_check: string }>;
  try {
    rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB') {
      throw new StoreError(
        `SQLite store ${file}: file is not a database, or its header is damaged. ${recoveryAdvice(file)}`,
        {
          code: 'STORE_CORRUPT',
          cause: error,
        },
      );
    }
    if (code === 'SQLITE_CORRUPT') throw corrupt(file, (error as Error).message, error);
    throw new StoreError(`SQLite store ${file}: ${(error as Error).message}`, { cause: error });
  }
  const problems = rows.map((row) => row.quick_check).filter((result) => result !== 'ok');
  if (problems.length) {
    const more = problems.length > QUOTED ? `, and ${problems.length - QUOTED} more` : '';
    throw corrupt(file, `${problems.slice(0, QUOTED).join('; ')}${more}`);
  }
}
