/**
 * YAML files (the config file, config/vendors.yaml, config/lexicon/*.yaml) parsed once per
 * content rather than once per process: the yaml parser, cold in a fresh process, took a third of
 * a cron user's `banwatch poll --once` over 2,000 unchanged feeds (issue 24). The parsed value is kept as
 * JSON under dist/.yaml-cache, named by the SHA-256 of the text, so an edited file is parsed
 * again and a stale entry is never read. The caller still validates the value as before.
 *
 * The cache is an optimisation only: a directory that cannot be written (a read-only install)
 * or an unreadable entry means the text is parsed as before. A config file may hold secrets, so
 * the directory and its entries are readable by the user who wrote them only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

/** Bumped when the cached form or the parser changes, so older entries are not read. */
const FORMAT = 'v2';
const CACHE_DIR = join(packageRoot(import.meta.url), 'dist', '.yaml-cache');
/** A smaller text parses in milliseconds: caching it would only fill the directory (tests write many small configs). */
const MIN_BYTES = 4_096;

/** Only plain JSON values survive the round trip unchanged; anything else is not cached. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.values(value).every(isPlainJson);
  return false;
}

/** `parse(text)`, or the value an earlier process got from the same text. `parse` may throw. */
export function cachedYamlParse(text: string, parse: (text: string) => unknown, dir = CACHE_DIR): unknown {
  if (text.length < MIN_BYTES) return parse(text);
  const key = createHash('sha256').update(FORMAT).update('\0').update(text).digest('hex');
  const file = join(dir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    // Not cached yet (or unreadable): parse below.
  }
  const value = parse(text);
  if (!isPlainJson(value)) return value;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Written aside and renamed: a process reading at the same moment sees all of it or none.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(value), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // A read-only install parses each time, as before.
  }
  return value;
}
