import { appendFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * Tests that need Redis or PostgreSQL read REDIS_URL / DATABASE_URL (set by .ci/run). Without
 * them those tests are skipped with a printed notice, so `npm test` passes on a fresh machine.
 */
export function serviceUrl(name: 'REDIS_URL' | 'DATABASE_URL'): string | undefined {
  const value = process.env[name];
  if (!value) process.stdout.write(`[banwatch tests] ${name} is not set: skipping the tests that need it\n`);
  return value || undefined;
}

/** Where this run lists the tags it used (set by service-cleanup.ts, the run's global set-up). */
export const TAGS_FILE_ENV = 'BANWATCH_TEST_TAGS_FILE';

/**
 * A name no other run uses, for a Redis key prefix or a PostgreSQL schema: recorded so the
 * run's teardown removes what the tests left under it (a test that fails midway closes nothing).
 */
export function testTag(): string {
  const tag = `bwtest${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const file = process.env[TAGS_FILE_ENV];
  if (file) appendFileSync(file, `${tag}\n`);
  return tag;
}

/** A store URL isolated from other runs: its own Redis key prefix or PostgreSQL schema. */
export function isolatedStoreUrl(name: 'REDIS_URL' | 'DATABASE_URL', base: string): string {
  const url = new URL(base);
  url.searchParams.set(name === 'REDIS_URL' ? 'prefix' : 'schema', testTag());
  return url.toString();
}
