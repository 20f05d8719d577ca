import { maskUrl } from '../shared/mask-url.js';

/**
 * Options carried in a store URL's query, so one Redis or PostgreSQL can hold several
 * installations (and tests can isolate themselves): `redis://host:6379/0?prefix=team-a`,
 * `postgres://user@host/db?schema=banwatch`. Returns the URL without them.
 */
export function splitStoreUrl(url: string, option: 'prefix' | 'schema'): { url: string; value?: string } {
  const parsed = new URL(url);
  const value = parsed.searchParams.get(option) ?? undefined;
  parsed.searchParams.delete(option);
  if (value !== undefined && !/^[a-z][a-z0-9_-]{0,40}$/i.test(value)) {
    throw new Error(`store URL: ${option} must be letters, digits, - and _ (at most 41), starting with a letter`);
  }
  return { url: parsed.toString(), value };
}

/** The URL with its password and secret parameters masked, for messages (shared/mask-url.ts does it everywhere). */
export function redactUrl(url: string): string {
  return maskUrl(url);
}
