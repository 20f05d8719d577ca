import type { ItemLedger, StoryLedger } from '../domain/ports.js';
import type { StoreBackend } from './backend.js';

const DAY = 86_400_000;
/**
 * How long an item is remembered when the age filter cannot stand in for its claim: undated
 * items, items exempt from the age limit (a bill's stage), items dated ahead. Such items are few
 * (feeds without dates, delta sources whose cursors also keep them from returning).
 */
export const LONG_ITEM_TTL = 180 * DAY;
/** Unset `items.rememberDays`: the default maxAgeDays (14) and its margin (2). */
const DEFAULT_ITEM_TTL = 16 * DAY;
/** Same link: the same story for `retention.stories` (a month). Same title: only within 72 h (titles repeat). */
export const DEFAULT_STORY_TTL = 30 * DAY;
const STORY_TITLE_TTL = 3 * DAY;

const PENDING = 'pending';
const DONE = 'done';
/** A settled item's value: `done`, or `done:` and the reference of the trace that explains it. */
const DONE_WITH = `${DONE}:`;
const isDone = (value: string | undefined) => value === DONE || (value?.startsWith(DONE_WITH) ?? false);

/**
 * An item's claim lives `rememberMs` (items.rememberDays), which is never less than maxAgeDays:
 * once it expires the item is older than maxAgeDays, so if it is seen again it is claimed anew
 * but never alerted. Items the age limit does not cover are settled with `keepLonger`.
 */
export function createItemLedger(backend: StoreBackend, rememberMs = DEFAULT_ITEM_TTL): ItemLedger {
  const claims = backend.claims('items');
  const key = (sourceId: string, itemKey: string) => `${sourceId}/${itemKey}`;
  return {
    rememberMs,
    async claim(sourceId, keys) {
      // Pending claims (before settling) live as long as any: a crash leaves them to the next poll.
      const owners = await claims.claim(
        keys.map((k) => key(sourceId, k)),
        PENDING,
        rememberMs,
      );
      // Pending ones were claimed by this call or by a run that died before settling them:
      // both are processed, and queueing their alerts again is idempotent.
      return new Set(keys.filter((k) => !isDone(owners.get(key(sourceId, k)))));
    },
    async settle(sourceId, keys, traceRef, keepLonger = []) {
      const value = traceRef ? DONE_WITH + traceRef : DONE;
      const longer = new Set(keepLonger);
      const short = keys.filter((k) => !longer.has(k));
      const long = keys.filter((k) => longer.has(k));
      await Promise.all([
        short.length
          ? claims.put(
              short.map((k) => key(sourceId, k)),
              value,
              rememberMs,
            )
          : undefined,
        long.length
          ? claims.put(
              long.map((k) => key(sourceId, k)),
              value,
              Math.max(rememberMs, LONG_ITEM_TTL),
            )
          : undefined,
      ]);
    },
    async status(sourceId, itemKey) {
      const value = await claims.get(key(sourceId, itemKey));
      return isDone(value) ? 'done' : value === PENDING ? 'pending' : 'unknown';
    },
    async traceOf(sourceId, itemKey) {
      const value = await claims.get(key(sourceId, itemKey));
      return value?.startsWith(DONE_WITH) ? value.slice(DONE_WITH.length) : undefined;
    },
  };
}

export function createStoryLedger(backend: StoreBackend, storyMs = DEFAULT_STORY_TTL): StoryLedger {
  const claims = backend.claims('stories');
  return {
    async claim(channelId, keys, alertId) {
      const link = keys.link ? `${channelId}/${keys.link}` : undefined;
      const title = keys.title ? `${channelId}/${keys.title}` : undefined;
      const wanted = [link, title].filter((key): key is string => Boolean(key)).sort();
      if (!wanted.length) return true;
      // Both keys in one claim: two feeds carrying the same story at the same moment must not
      // each win one key and both lose (nobody posting it). The shorter life is used here...
      const owners = await claims.claim(wanted, alertId, Math.min(STORY_TITLE_TTL, storyMs));
      const owned = wanted.every((key) => owners.get(key) === alertId);
      // ...and the link, which identifies a story for longer, is kept a month by its owner.
      if (owned && link) await claims.put([link], alertId, storyMs);
      return owned;
    },
  };
}
