import type Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { StoreError } from '../../shared/errors.js';
import { corrupt, recoveryAdvice, sqliteCode } from './sqlite-errors.js';

/** Problems quoted in the message; quick_check lists up to 100. */
const QUOTED = 3;

/** Beside the store, written when banwatch closes it: what the file looked like then. */
export const closedMarkFile = (file: string): string => `${file}-closed`;
/** The whole file is read at least this often, whatever the mark says (a disk can rot unseen). */
export const FULL_CHECK_EVERY_MS = 86_400_000;

interface ClosedMark {
  size: string;
  mtimeNs: string;
  ino: string;
  /** When the whole file last passed quick_check. */
  checkedAt: number;
}

function fileIdentity(file: string): Omit<ClosedMark, 'checkedAt'> {
  const stat = statSync(file, { bigint: true });
  return { size: String(stat.size), mtimeNs: String(stat.mtimeNs), ino: String(stat.ino) };
}

function readMark(file: string): ClosedMark | undefined {
  try {
    return JSON.parse(readFileSync(closedMarkFile(file), 'utf8')) as ClosedMark;
  } catch {
    return undefined;
  }
}

/**
 * When the whole file passed its last check, if it is exactly as banwatch closed it since: the
 * same inode, size and modification time as the mark banwatch wrote after closing it, no WAL
 * left over (a crash, or another process still writing), and checked within a day. Otherwise
 * undefined, and the file is read whole again.
 */
export function lastCheckStillHolds(file: string, now: number): number | undefined {
  const mark = readMark(file);
  if (!mark || now - mark.checkedAt >= FULL_CHECK_EVERY_MS || now < mark.checkedAt) return undefined;
  if (existsSync(`${file}-wal`)) return undefined;
  try {
    const seen = fileIdentity(file);
    return seen.size === mark.size && seen.mtimeNs === mark.mtimeNs && seen.ino === mark.ino
      ? mark.checkedAt
      : undefined;
  } catch {
    return undefined;
  }
}

/** Before the first write: a process that dies leaves no mark, so the next open checks the whole file. */
export function clearClosedMark(file: string): void {
  rmSync(closedMarkFile(file), { force: true });
}

/** After the last connection closed: the file as banwatch leaves it, and when it was last checked whole. */
export function writeClosedMark(file: string, checkedAt: number): void {
  try {
    // File times tick coarsely (a few ms): a change made just after this could keep the time
    // banwatch left. Set a second back, any later change is seen, however soon it comes.
    const stat = statSync(file);
    utimesSync(file, stat.atime, new Date(Date.now() - 1_000));
    writeFileSync(closedMarkFile(file), `${JSON.stringify({ ...fileIdentity(file), checkedAt })}\n`);
  } catch {
    // Without a mark the next open checks the whole file: slower, never less safe.
  }
}

/**
 * Checks a file before anything writes to it: `PRAGMA quick_check` reads every page and checks
 * the b-trees, records and free list (everything integrity_check does but comparing each index
 * with its table, which costs a sort per index for no protection against the damage a crash or a
 * bad disk does). A file that fails, or is not a database at all, is reported with how to
 * recover and is never written to: no schema, no journal mode, nothing.
 */
export function checkIntegrity(db: Database.Database, file: string, whole = true): void {
  let rows: Array<{ quick_check: string }>;
  try {
    // Not whole: the file is as banwatch closed it after a recent whole check, and only its
    // header is read (a file that is not a database fails here too).
    rows = whole ? (db.pragma('quick_check') as Array<{ quick_check: string }>) : (db.pragma('schema_version'), []);
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
