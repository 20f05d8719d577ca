/**
 * Short exclusive leases shared by every instance on the same store: the holder of a
 * source's lease is the only one polling it. A lease expires by itself, so the work of an
 * instance that died is taken over within the lease time.
 */
export interface Leases {
  acquire(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Keeps a held lease alive; false when it was lost (expired and taken). */
  renew(name: string, owner: string, ttlMs: number): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
}
