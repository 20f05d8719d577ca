import type { ItemLedger, StoryLedger } from '../domain/ports.js';
import type { StoreBackend } from './backend.js';

const DAY = 86_400_000;
/** Items fall out of feeds long before this; the age filter covers anything older that returns. */
const ITEM_TTL = 180 * DAY;
/** Same link: the same story for a month. Same title: only within 72 h (titles repeat). */
const STORY_LINK_TTL = 30 * DAY;
const STORY_TITLE_TTL = 3 * DAY;

const PENDING = 'pending';
const DONE = 'done';
/** A settled item's value: `done`, or `done:` and the reference of the trace that explains it. */
const DONE_WITH = `${DONE}:`;
const isDone = (value: string | undefined) => value === DONE || (value?.startsWith(DONE_WITH) ?? false);

export function createItemLedger(backend: StoreBackend): ItemLedger {
  const claims = backend.claims('items');
  const key = (sourceId: string, itemKey: string) => `${sourceId}/${itemKey}`;
  return {
    async claim(sourceId, keys) {
      const owners = await claims.claim(
        keys.map((k) => key(sourceId, k)),
        PENDING,
        ITEM_TTL,
      );
      // Pending ones were claimed by this call or by a run that died before settling them:
      // both are processed, and queueing their alerts again is idempotent.
      return new Set(keys.filter((k) => !isDone(owners.get(key(sourceId, k)))));
    },
    async settle(sourceId, keys, traceRef) {
      await claims.put(
        keys.map((k) => key(sourceId, k)),
        traceRef ? DONE_WITH + traceRef : DONE,
        ITEM_TTL,
      );
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

export function createStoryLedger(backend: StoreBackend): StoryLedger {
  const claims = backend.claims('stories');
  return {
    async claim(channelId, keys, alertId) {
      const link = keys.link ? `${channelId}/${keys.link}` : undefined;
      const title = keys.title ? `${channelId}/${keys.title}` : undefined;
      const wanted = [link, title].filter((key): key is string => Boolean(key)).sort();
      if (!wanted.length) return true;
      // Both keys in one claim: two feeds carrying the same story at the same moment must not
      // each win one key and both lose (nobody posting it). The shorter life is used here...
      const owners = await claims.claim(wanted, alertId, STORY_TITLE_TTL);
      const owned = wanted.every((key) => owners.get(key) === alertId);
      // ...and the link, which identifies a story for longer, is kept a month by its owner.
      if (owned && link) await claims.put([link], alertId, STORY_LINK_TTL);
      return owned;
    },
  };
}
