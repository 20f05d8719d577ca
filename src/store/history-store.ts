import { historyMatches, type DeliveryHistory, type HistoryRecord } from '../domain/delivery-history.js';
import type { StoreBackend } from './backend.js';

const PRUNE_PAGE = 500;

function recordKey(record: HistoryRecord): string {
  return [record.channelId, record.digestId ?? 'live', record.alertId].join('|');
}

/**
 * The audit trail of deliveries, in the order they were recorded (which is delivery order on one
 * instance, and within a few seconds of it across instances). Pruning walks from the oldest and
 * stops at the first record inside the retention.
 */
export function createDeliveryHistory(backend: StoreBackend): DeliveryHistory {
  const space = backend.ordered<HistoryRecord>('history');
  return {
    async record(records) {
      for (const record of records) await space.append(recordKey(record), record);
    },
    async list(filter = {}) {
      return (await space.list()).map((entry) => entry.value).filter((record) => historyMatches(record, filter));
    },
    async prune(cutoff) {
      let removed = 0;
      for (;;) {
        const page = await space.list({ limit: PRUNE_PAGE });
        const old = page.filter((entry) => Date.parse(entry.value.at) < cutoff.getTime());
        for (const entry of old) if (await space.remove(entry.key)) removed++;
        // A record inside the retention ends the walk: what follows was recorded later.
        if (old.length < page.length || page.length < PRUNE_PAGE) return removed;
      }
    },
  };
}
