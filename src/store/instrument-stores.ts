import type { InstrumentRecord, TrackedBill } from '../domain/instrument.js';
import type { InstrumentIndex, TrackedBillStore } from '../domain/ports.js';
import type { StoreBackend } from './backend.js';
import { keyedList } from './keyed-list.js';

interface Follower {
  billId: string;
  tenant: string;
}

/**
 * Tracked bills, and apart from them the other tenants that follow one: a follow is its own
 * entry, added or removed atomically, so two workspaces following the same bill at once from two
 * instances cannot overwrite each other.
 */
export function createTrackedBillStore(backend: StoreBackend): TrackedBillStore {
  const bills = keyedList<TrackedBill>(backend, 'tracked-bills', (bill) => bill.id);
  const followers = keyedList<Follower>(backend, 'tracked-bill-followers', followKey);
  const followersOf = async (billId: string) => (await followers.list()).filter((f) => f.billId === billId);
  return {
    async list() {
      const byBill = new Map<string, string[]>();
      for (const follower of await followers.list()) {
        const tenants = byBill.get(follower.billId) ?? [];
        tenants.push(follower.tenant);
        byBill.set(follower.billId, tenants);
      }
      return (await bills.list()).map((bill) => {
        const tenants = byBill.get(bill.id);
        return tenants ? { ...withoutFollowers(bill), followers: tenants } : withoutFollowers(bill);
      });
    },
    add: (bill) => bills.add(withoutFollowers(bill)),
    put: (bill) => bills.put(withoutFollowers(bill)),
    async remove(billId) {
      const removed = await bills.remove(billId);
      for (const follower of await followersOf(billId)) await followers.remove(followKey(follower));
      return removed;
    },
    follow: (billId, tenant) => followers.add({ billId, tenant }),
    unfollow: (billId, tenant) => followers.remove(followKey({ billId, tenant })),
  };
}

function followKey(follower: Follower): string {
  return `${follower.billId} ${follower.tenant}`;
}

function withoutFollowers(bill: TrackedBill): TrackedBill {
  const { followers: _followers, ...entry } = bill;
  return entry;
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
