import type { StoreBackend } from './backend.js';

/**
 * Records kept in the order first stored, one per key; storing a key again replaces it in place.
 * Members are function properties: the registries hand them on unbound (`{ list: records.list }`).
 */
export interface KeyedList<T> {
  list: () => Promise<T[]>;
  get: (key: string) => Promise<T | undefined>;
  put: (value: T) => Promise<void>;
  /** Stores only when the key is new; false when it existed. */
  add: (value: T) => Promise<boolean>;
  remove: (key: string) => Promise<boolean>;
}

/** The shape shared by the registries (channels, runtime feeds, tracked bills, instruments). */
export function keyedList<T>(backend: StoreBackend, namespace: string, keyOf: (value: T) => string): KeyedList<T> {
  const space = backend.ordered<T>(namespace);
  return {
    list: async () => (await space.list()).map((entry) => entry.value),
    get: (key) => space.get(key),
    async put(value) {
      if (!(await space.append(keyOf(value), value))) await space.update(keyOf(value), value);
    },
    add: (value) => space.append(keyOf(value), value),
    remove: (key) => space.remove(key),
  };
}
