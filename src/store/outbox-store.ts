import { deadLetterKey, type DeadLetter, type DeliveryRecord, type OutboxEntry } from '../domain/outbox.js';
import type { Outbox } from '../domain/ports.js';
import type { StoreBackend } from './backend.js';

/** Delivery records outlive any retry, so a re-queued alert is recognised as already sent. */
const DELIVERY_TTL = 90 * 86_400_000;
const DEAD_LETTERS_KEPT = 1_000;

export function createOutbox(backend: StoreBackend): Outbox {
  const queue = backend.ordered<OutboxEntry>('outbox');
  const dead = backend.ordered<DeadLetter>('dead');
  const deliveries = backend.keyValue('deliveries');
  return {
    async enqueue(entries) {
      let added = 0;
      const records = await deliveries.getMany<DeliveryRecord>(entries.map((entry) => entry.key));
      for (const [index, entry] of entries.entries()) {
        if (records[index]) continue;
        if (await queue.append(entry.key, entry)) added++;
      }
      return added;
    },
    async pending(limit) {
      return (await queue.list({ limit })).map((entry) => entry.value);
    },
    async markDelivered(entry, record) {
      await deliveries.set(entry.key, record, DELIVERY_TTL);
      await queue.remove(entry.key);
    },
    async reschedule(entry, nextAttemptAt, error, rateLimited = false) {
      await queue.update(entry.key, {
        ...entry,
        attempts: entry.attempts + 1,
        nextAttemptAt,
        lastError: error,
        rateLimited,
      });
    },
    async deadLetter(entry, reason, at) {
      await dead.append(deadLetterKey({ key: entry.key, deadAt: at }), {
        ...entry,
        attempts: entry.attempts + 1,
        reason,
        deadAt: at,
      });
      await queue.remove(entry.key);
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
      await queue.append(entry.key, { ...entry, attempts: 0, nextAttemptAt: at, rateLimited: false });
      return dead.remove(deadKey);
    },
    dropDead: (deadKey) => dead.remove(deadKey),
    async counts() {
      return { pending: await queue.count(), dead: await dead.count() };
    },
  };
}
