import type { SourceFailure } from '../domain/source.js';

const MAX_DELAY_MS = 4 * 3_600_000;

/**
 * How long to wait after the n-th consecutive failure: the interval doubled per failure,
 * capped at 4 h (ten failures in a row take about a day), and never less than what the
 * upstream asked for with Retry-After.
 */
export function backoffDelay(failures: number, intervalMs: number, failure?: SourceFailure): number {
  const exponent = Math.max(0, Math.min(failures - 1, 20));
  const cap = Math.max(MAX_DELAY_MS, intervalMs);
  const delay = Math.min(intervalMs * 2 ** exponent, cap);
  // A server's Retry-After is honoured up to the same cap: a value in milliseconds, or a hostile
  // one, must not silence a feed for weeks (or overflow a date).
  return Math.max(delay, Math.min(failure?.retryAfterMs ?? 0, cap));
}

/** Delivery retries: 5 s doubling to 10 min, or the platform's Retry-After. */
export function deliveryRetryDelay(attempts: number, retryAfterMs?: number): number {
  const delay = Math.min(5_000 * 2 ** Math.max(0, Math.min(attempts, 20)), 600_000);
  return retryAfterMs !== undefined ? Math.min(Math.max(retryAfterMs, 250), MAX_DELAY_MS) : delay;
}
