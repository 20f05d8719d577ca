import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import { CONGRESS_REQUESTS_PER_HOUR, type RequestBudget } from './request-budget.js';

/**
 * The store's atomic claims (StoreBackend.claims), as the shared budget needs them: each key is
 * won by one caller only, across every instance on the store.
 */
export interface BudgetSlots {
  claim(keys: readonly string[], value: string, ttlMs: number): Promise<Map<string, string>>;
}

const HOUR_MS = 3_600_000;

/**
 * A request allowance shared by every instance using the same API key: each request claims one
 * numbered slot of the current clock hour in the store (`<key id>:<hour>:<n>`, n < limit), so
 * two instances together never send more than the limit in an hour. The key itself is never
 * stored, only a hash of it. Fixed hourly windows, where the in-process budget slides: the
 * store keeps one small entry per request, dropped after two hours.
 */
export function createSharedBudget(options: {
  slots: BudgetSlots;
  apiKey: string;
  clock: Clock;
  limit?: number;
}): RequestBudget {
  const limit = options.limit ?? CONGRESS_REQUESTS_PER_HOUR;
  const id = createHash('sha256').update(options.apiKey).digest('hex').slice(0, 16);
  const me = randomUUID();
  // The lowest slot not known to be taken, per hour: skips what this instance already saw used.
  let hint = { hour: -1, next: 0 };
  const hourOf = () => Math.floor(options.clock.now().getTime() / HOUR_MS);
  return {
    async take() {
      const hour = hourOf();
      if (hint.hour !== hour) hint = { hour, next: 0 };
      while (hint.next < limit) {
        const key = `${id}:${hour}:${hint.next}`;
        const held = await options.slots.claim([key], me, 2 * HOUR_MS);
        hint.next++;
        if (held.get(key) === me) return true;
      }
      return false;
    },
    waitMs() {
      const hour = hourOf();
      if (hint.hour !== hour || hint.next < limit) return 0;
      return (hour + 1) * HOUR_MS - options.clock.now().getTime();
    },
  };
}
