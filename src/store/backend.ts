/**
 * The storage port every backend (SQLite, Redis, PostgreSQL) implements. The domain stores
 * (outbox, watch terms, feed state, ...) are written once against it, so the same contract
 * tests cover all backends.
 *
 * Three shapes of data cover everything banwatch keeps:
 * - key-value documents with optional expiry (keyv);
 * - claims: atomic set-if-absent, which keyv cannot express, on the backend's own operation;
 * - ordered spaces: entries kept in insertion order under unique keys (dead letters, registries);
 * - queues: ordered entries in groups with a due time, indexed so that "which groups are due"
 *   and "a group's entries, oldest first" cost O(log n) in the entries, not a scan (the outbox).
 */
export interface StoreBackend {
  /** Short name for status and logs: `sqlite`, `redis`, `postgres`. */
  readonly kind: string;
  /** Key-value documents in their own namespace (one keyv adapter each, never shared). */
  keyValue(namespace: string): KeyValueSpace;
  claims(namespace: string): ClaimSpace;
  ordered<T>(namespace: string): OrderedSpace<T>;
  queue<T>(namespace: string): QueueSpace<T>;
  /** Resolves when the store answers; rejects with a StoreError otherwise. */
  ping(): Promise<void>;
  /**
   * Resolves once every write made so far is durable. SQLite commits writes in groups a few
   * milliseconds apart; Redis and PostgreSQL writes are durable when they resolve.
   */
  flush(): Promise<void>;
  /**
   * Writes that failed since the store was opened (SQLite: a full disk); `poll --once` exits 1
   * when any did. Backends whose writes reject the caller directly need not count.
   */
  failedWrites?(): number;
  /** Removes expired claims and documents (SQL backends only keep what a sweep removes). */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

export interface KeyValueSpace {
  get<T>(key: string): Promise<T | undefined>;
  getMany<T>(keys: readonly string[]): Promise<Array<T | undefined>>;
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ClaimSpace {
  /**
   * Stores `value` under every key that is absent (or expired), atomically per key, and
   * returns the value each key holds afterwards. A caller learns it won a key when the
   * returned value is its own.
   */
  claim(keys: readonly string[], value: string, ttlMs: number): Promise<Map<string, string>>;
  /** Overwrites the keys unconditionally (e.g. to settle a claim as done). */
  put(keys: readonly string[], value: string, ttlMs: number): Promise<void>;
  get(key: string): Promise<string | undefined>;
  /** Drops a key, so it can be claimed again (e.g. a lock released). */
  release(key: string, value: string): Promise<boolean>;
  /** Pushes the expiry of a key out, only while it still holds `value` (a lease renewed by its holder). */
  extend(key: string, value: string, ttlMs: number): Promise<boolean>;
}

export interface OrderedEntry<T> {
  key: string;
  value: T;
}

export interface OrderedSpace<T> {
  /** Appends unless the key exists; false when it did (appending is idempotent). */
  append(key: string, value: T): Promise<boolean>;
  /** Replaces the value of an existing entry, keeping its place; false when it is gone. */
  update(key: string, value: T): Promise<boolean>;
  remove(key: string): Promise<boolean>;
  get(key: string): Promise<T | undefined>;
  /** Entries in insertion order (oldest first), or newest first. */
  list(options?: { limit?: number; newestFirst?: boolean }): Promise<Array<OrderedEntry<T>>>;
  count(): Promise<number>;
  /** Keeps only the newest `max` entries. */
  trim(max: number): Promise<void>;
}

export interface QueuedEntry<T> {
  key: string;
  /** Entries of a group keep their insertion order (the outbox: a channel). */
  group: string;
  /** Epoch ms at which the entry may be worked. */
  dueAt: number;
  value: T;
}

export interface QueueSpace<T> {
  /** Appends at the end of its group unless the key exists; false when it did. */
  append(entry: QueuedEntry<T>): Promise<boolean>;
  /** Replaces the value and due time of an existing entry, keeping its place; false when it is gone. */
  update(entry: QueuedEntry<T>): Promise<boolean>;
  remove(group: string, key: string): Promise<boolean>;
  get(key: string): Promise<T | undefined>;
  /** One group's entries, oldest first. */
  inGroup(group: string, limit?: number): Promise<Array<QueuedEntry<T>>>;
  /**
   * Groups whose oldest entry is due at or before `beforeMs`, with that entry's due time,
   * earliest first. Only a group's oldest entry counts: the ones behind it wait for it.
   */
  dueGroups(beforeMs: number, limit?: number): Promise<Array<{ group: string; dueAt: number }>>;
  /** Every entry, oldest first (status and the dashboard; not the delivery path). */
  list(limit?: number): Promise<T[]>;
  count(): Promise<number>;
}
