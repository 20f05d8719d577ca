import type { Leases } from '../domain/lease.js';

/** Short enough that a dead instance's work is taken over quickly; renewed while work runs. */
export const LEASE_MS = 15_000;

/**
 * Runs `work` while holding a lease, renewing it every third of its life so long work keeps
 * it; returns undefined without running when another instance holds it. A process killed
 * mid-work stops renewing, and its lease lapses within LEASE_MS.
 */
export async function withLease<T>(leases: Leases, name: string, owner: string, work: () => Promise<T>): Promise<T | undefined> {
  if (!(await leases.acquire(name, owner, LEASE_MS))) return undefined;
  const renewal = setInterval(() => void leases.renew(name, owner, LEASE_MS).catch(() => undefined), LEASE_MS / 3);
  renewal.unref();
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await leases.release(name, owner).catch(() => undefined);
  }
}
