import { randomBytes } from 'node:crypto';
import type { Leases } from '../domain/lease.js';

/** Short enough that a dead instance's work is taken over quickly; renewed while work runs. */
export const LEASE_MS = 15_000;

/**
 * Runs `work` while holding a lease, renewing it every third of its life so long work keeps
 * it; returns undefined without running when someone else holds it. Each call holds the lease
 * under its own token, so two jobs of the same instance exclude each other too. `held()` turns
 * false when a renewal fails (the store was away, or the lease lapsed and was taken): the work
 * must then stop before its next side effect. A process killed mid-work stops renewing, and its
 * lease lapses within LEASE_MS.
 */
export async function withLease<T>(
  leases: Leases,
  name: string,
  owner: string,
  work: (held: () => boolean) => Promise<T>,
  leaseMs: number = LEASE_MS,
): Promise<T | undefined> {
  const token = `${owner}:${randomBytes(6).toString('hex')}`;
  if (!(await leases.acquire(name, token, leaseMs))) return undefined;
  let held = true;
  const renewal = setInterval(() => {
    leases.renew(name, token, leaseMs).then(
      (kept) => {
        if (!kept) held = false;
      },
      () => {
        held = false;
      },
    );
  }, leaseMs / 3);
  renewal.unref();
  try {
    return await work(() => held);
  } finally {
    clearInterval(renewal);
    await leases.release(name, token).catch(() => undefined);
  }
}
