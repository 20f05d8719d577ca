import type { Leases } from '../domain/lease.js';
import type { StoreBackend } from './backend.js';

export function createLeases(backend: StoreBackend): Leases {
  const claims = backend.claims('leases');
  return {
    acquire: async (name, owner, ttlMs) => (await claims.claim([name], owner, ttlMs)).get(name) === owner,
    renew: (name, owner, ttlMs) => claims.extend(name, owner, ttlMs),
    release: async (name, owner) => void (await claims.release(name, owner)),
  };
}
