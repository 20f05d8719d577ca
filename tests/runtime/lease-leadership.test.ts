import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.js';
import type { Leases } from '../../src/domain/lease.js';
import type { LeadershipTerm } from '../../src/domain/leadership.js';
import { leaseLeadership } from '../../src/runtime/lease-leadership.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Stores } from '../../src/store/open-stores.js';
import { tempStores } from '../support/temp-stores.js';

/**
 * GIVEN two instances sharing a store's leases THEN one holds a role at a time: the other stands
 * by, takes over when the holder stops or its lease lapses, and a holder that cannot renew (the
 * lease taken, the store away) disconnects. Real leases of a real (SQLite) store, short lease time.
 */
const LEASE_MS = 600;
const ROLE = 'chat-gateway:test';
let stores: Stores;
const terms: LeadershipTerm[] = [];

beforeEach(async () => {
  stores = await tempStores(systemClock);
});
afterEach(async () => {
  for (const term of terms.splice(0)) await term.release();
  await stores.close();
});

/** An instance: its leadership, and what it was told to do, in order. */
function instance(name: string, leases: Leases = stores.leases) {
  const log: string[] = [];
  const leadership = leaseLeadership({
    leases,
    owner: name,
    clock: systemClock,
    logger: silentLogger(),
    leaseMs: LEASE_MS,
  });
  return {
    log,
    async join() {
      const term = await leadership.hold(ROLE, {
        lead: async () => void log.push('connect'),
        lose: async () => void log.push('disconnect'),
      });
      terms.push(term);
      return term;
    },
  };
}

async function until(check: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

describe('lease leadership', () => {
  it('lets one instance hold the role while the other stands by, then hands it over on release', async () => {
    const a = instance('a');
    const b = instance('b');
    const termA = await a.join();
    const termB = await b.join();
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 3));
    expect([a.log, b.log]).toEqual([['connect'], []]);
    expect([termA.held(), termB.held()]).toEqual([true, false]);
    await termA.release();
    await until(() => termB.held(), LEASE_MS * 10);
    expect([a.log, b.log]).toEqual([['connect', 'disconnect'], ['connect']]);
  });

  it('gives the role up when a renewal finds the lease taken', async () => {
    const a = instance('a', { ...stores.leases, renew: async () => false });
    const termA = await a.join();
    await until(() => !termA.held(), LEASE_MS * 10);
    expect(a.log).toEqual(['connect', 'disconnect']);
  });

  it('disconnects when the store is away for two thirds of the lease, and the standby takes over once it lapses', async () => {
    let away = false;
    const a = instance('a', {
      ...stores.leases,
      renew: (...args) => (away ? Promise.reject(new Error('store away')) : stores.leases.renew(...args)),
    });
    const b = instance('b');
    const termA = await a.join();
    const termB = await b.join();
    away = true;
    await until(() => !termA.held(), LEASE_MS * 10);
    await until(() => termB.held(), LEASE_MS * 10);
    expect(a.log).toEqual(['connect', 'disconnect']);
    expect(b.log).toEqual(['connect']);
  });

  it('fails the first hold when connecting fails, and gives the lease back for the others', async () => {
    const leadership = leaseLeadership({
      leases: stores.leases,
      owner: 'a',
      clock: systemClock,
      logger: silentLogger(),
      leaseMs: LEASE_MS,
    });
    await expect(
      leadership.hold(ROLE, {
        lead: () => Promise.reject(new Error('bad token')),
        lose: async () => undefined,
      }),
    ).rejects.toThrow('bad token');
    const b = instance('b');
    expect((await b.join()).held()).toBe(true);
  });
});
