import type { Clock } from '../../domain/clock.js';

/** Congress.gov allows 5,000 requests an hour per API key. */
export const CONGRESS_REQUESTS_PER_HOUR = 5_000;

/** A sliding-window request allowance, shared by every source that uses the same API key. */
export interface RequestBudget {
  /** Uses one request; false when the window is full (nothing is used then). Shared budgets ask the store. */
  take(): boolean | Promise<boolean>;
  /** Milliseconds until the next request is allowed (0 when one is). */
  waitMs(): number;
}

export function createRequestBudget(options: { limit?: number; windowMs?: number; clock: Clock }): RequestBudget {
  const limit = options.limit ?? CONGRESS_REQUESTS_PER_HOUR;
  const windowMs = options.windowMs ?? 3_600_000;
  // Timestamps of the requests in the window, oldest first; at most `limit` of them.
  const used: number[] = [];
  const prune = (now: number) => {
    while (used.length && (used[0] as number) <= now - windowMs) used.shift();
  };
  return {
    take() {
      const now = options.clock.now().getTime();
      prune(now);
      if (used.length >= limit) return false;
      used.push(now);
      return true;
    },
    waitMs() {
      const now = options.clock.now().getTime();
      prune(now);
      return used.length < limit ? 0 : (used[0] as number) + windowMs - now;
    },
  };
}
