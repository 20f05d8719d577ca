import { deadLetterKey, type DeadLetter, type DeliveryRecord, type OutboxEntry } from '../domain/outbox.js';
import type { Outbox } from '../domain/ports.js';
import type { QueuedEntry, QueueSpace, StoreBackend } from './backend.js';

const DAY = 86_400_000;
/** Delivery records outlive any retry, so a re-queued alert is recognised as already sent. */
export const DEFAULT_DELIVERY_RETENTION_MS = 90 * DAY;
const DEAD_LETTERS_KEPT = 1_000;
/** Entries moved per step from the ordered space earlier versions kept the outbox in. */
const MOVE_BATCH = 500;

export interface OutboxOptions {
  /** How long a delivery record is kept (`retention.deliveries`). */
  deliveryRetentionMs?: number;
}

const queued = (entry: OutboxEntry): QueuedEntry<OutboxEntry> => ({
  key: entry.key,
  group: entry.channelId,
  // An unreadable time is due at once rather than never (it is then retried on its own schedule).
  dueAt: Number.isFinite(Date.parse(entry.nextAttemptAt)) ? Date.parse(entry.nextAttemptAt) : 0,
  value: entry,
});

/**
 * Earlier versions kept the outbox in an ordered space, which delivery read whole each tick.
 * Its entries are moved into the indexed queue, in their order, once per process before the
 * outbox is first used. Queued before removed: a crash between the two leaves an entry in
 * both, and appending it again is a no-op.
 */
async function moveEarlierEntries(backend: StoreBackend, queue: QueueSpace<OutboxEntry>): Promise<void> {
  const earlier = backend.ordered<OutboxEntry>('outbox');
  for (;;) {
    const batch = await earlier.list({ limit: MOVE_BATCH });
    if (!batch.length) return;
    for (const { key, value } of batch) {
      await queue.append(queued(value));
      await earlier.remove(key);
    }
  }
}

export function createOutbox(backend: StoreBackend, options: OutboxOptions = {}): Outbox {
  const queue = backend.queue<OutboxEntry>('outbox');
  const dead = backend.ordered<DeadLetter>('dead');
  const deliveries = backend.keyValue('deliveries');
  const deliveryTtl = options.deliveryRetentionMs ?? DEFAULT_DELIVERY_RETENTION_MS;
  let moved: Promise<void> | undefined;
  // A failed move is tried again on the next call rather than remembered as done.
  const ready = () =>
    (moved ??= moveEarlierEntries(backend, queue).catch((error: unknown) => {
      moved = undefined;
      throw error;
    }));
  return {
    async enqueue(entries) {
      await ready();
      let added = 0;
      const records = await deliveries.getMany<DeliveryRecord>(entries.map((entry) => entry.key));
      for (const [index, entry] of entries.entries()) {
        if (records[index]) continue;
        if (await queue.append(queued(entry))) added++;
      }
      return added;
    },
    async pending(limit) {
      await ready();
      return queue.list(limit);
    },
    async pendingFor(channelId, limit) {
      await ready();
      return (await queue.inGroup(channelId, limit)).map((entry) => entry.value);
    },
    async dueChannels(beforeMs) {
      await ready();
      return new Map((await queue.dueGroups(beforeMs)).map((head) => [head.group, head.dueAt]));
    },
    async markDelivered(entry, record) {
      await deliveries.set(entry.key, record, deliveryTtl);
      await queue.remove(entry.channelId, entry.key);
    },
    async reschedule(entry, nextAttemptAt, error, rateLimited = false) {
      await queue.update(
        queued({
          ...entry,
          attempts: entry.attempts + 1,
          nextAttemptAt,
          lastError: error,
          rateLimited,
        }),
      );
    },
    async deadLetter(entry, reason, at) {
      await dead.append(deadLetterKey({ key: entry.key, deadAt: at }), {
        ...entry,
        attempts: entry.attempts + 1,
        reason,
        deadAt: at,
      });
      await queue.remove(entry.channelId, entry.key);
      await dead.trim(DEAD_LETTERS_KEPT);
    },
    delivery: (key) => deliveries.get<DeliveryRecord>(key),
    deliveries: (keys) => deliveries.getMany<DeliveryRecord>(keys),
    async deadLetters(limit) {
      return (await dead.list({ limit, newestFirst: true })).map((entry) => entry.value);
    },
    async retryDead(deadKey, at) {
      const letter = await dead.get(deadKey);
      if (!letter) return false;
      const { reason: _reason, deadAt: _deadAt, ...entry } = letter;
      // Queued before it leaves the dead list: a crash between the two leaves it in both, never in neither.
      await ready();
      await queue.append(queued({ ...entry, attempts: 0, nextAttemptAt: at, rateLimited: false }));
      return dead.remove(deadKey);
    },
    dropDead: (deadKey) => dead.remove(deadKey),
    async counts() {
      await ready();
      return { pending: await queue.count(), dead: await dead.count() };
    },
  };
}
