import type { InstrumentRecord, TrackedBill } from '../domain/instrument.js';
import type { InstrumentIndex, TrackedBillStore } from '../domain/ports.js';
import type { StoreBackend } from './backend.js';

export function createTrackedBillStore(backend: StoreBackend): TrackedBillStore {
  const space = backend.ordered<TrackedBill>('tracked-bills');
  return {
    list: async () => (await space.list()).map((entry) => entry.value),
    add: (bill) => space.append(bill.id, bill),
    remove: (billId) => space.remove(billId),
  };
}

/** One entry per thread key, kept in place and overwritten by each later stage. */
export function createInstrumentIndex(backend: StoreBackend): InstrumentIndex {
  const space = backend.ordered<InstrumentRecord>('instruments');
  return {
    async record(entry) {
      if (!(await space.append(entry.key, entry))) await space.update(entry.key, entry);
    },
    get: (key) => space.get(key),
    async list() {
      const entries = (await space.list()).map((entry) => entry.value);
      return entries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.key.localeCompare(b.key));
    },
  };
}
