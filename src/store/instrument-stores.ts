import type { InstrumentRecord, TrackedBill } from '../domain/instrument.js';
import type { InstrumentIndex, TrackedBillStore } from '../domain/ports.js';
import type { StoreBackend } from './backend.js';
import { keyedList } from './keyed-list.js';

export function createTrackedBillStore(backend: StoreBackend): TrackedBillStore {
  const bills = keyedList<TrackedBill>(backend, 'tracked-bills', (bill) => bill.id);
  return { list: bills.list, add: bills.add, remove: bills.remove };
}

/** One entry per thread key, kept in place and overwritten by each later stage. */
export function createInstrumentIndex(backend: StoreBackend): InstrumentIndex {
  const records = keyedList<InstrumentRecord>(backend, 'instruments', (entry) => entry.key);
  return {
    record: records.put,
    get: records.get,
    async list() {
      const entries = await records.list();
      return entries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.key.localeCompare(b.key));
    },
  };
}
