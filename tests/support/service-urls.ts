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

/** A store URL isolated from other runs: its own Redis key prefix or PostgreSQL schema. */
export function isolatedStoreUrl(name: 'REDIS_URL' | 'DATABASE_URL', base: string): string {
  const tag = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set(name === 'REDIS_URL' ? 'prefix' : 'schema', tag);
  return url.toString();
}
