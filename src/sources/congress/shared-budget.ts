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
  /** Keeps another API's allowance for the same key apart (GovInfo and Congress.gov keys are both api.data.gov keys). */
  scope?: string;
}): RequestBudget {
  const limit = options.limit ?? CONGRESS_REQUESTS_PER_HOUR;
  const id = createHash('sha256')
    .update(options.scope ? `${options.scope}:${options.apiKey}` : options.apiKey)
    .digest('hex')
    .slice(0, 16);
  const me = randomUUID();
  let requests = 0;
  // The lowest slot not known to be taken, per hour: skips what this instance already saw used.
  let hint = { hour: -1, next: 0 };
  const hourOf = () => Math.floor(options.clock.now().getTime() / HOUR_MS);
  return {
    async take() {
      const hour = hourOf();
      if (hint.hour !== hour) hint = { hour, next: 0 };
      // Each request claims with a value of its own: two requests of this instance under way at
      // once must not both count one slot as theirs. The slot is reserved before the wait too.
      const mine = `${me}:${requests++}`;
      while (hint.hour === hour && hint.next < limit) {
        const key = `${id}:${hour}:${hint.next++}`;
        const held = await options.slots.claim([key], mine, 2 * HOUR_MS);
        if (held.get(key) === mine) return true;
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
