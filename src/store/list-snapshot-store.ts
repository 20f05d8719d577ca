import type { ListSnapshot, ListSnapshotStore, ListSourceMeta } from '../domain/list-entry.js';
import type { StoreBackend } from './backend.js';

/**
 * List snapshots as documents in the `list-snapshots` namespace: one per source and content
 * hash (the accepted one, plus at most the newer one a poll has not settled or a held suspect),
 * a per-source index of those hashes, the per-source facts for `lists`, and the ids of every list
 * source seen, so lookups can read them all.
 */
export function createListSnapshotStore(backend: StoreBackend): ListSnapshotStore {
  const space = backend.keyValue('list-snapshots');
  const snapshotKey = (sourceId: string, hash: string) => `snap:${sourceId}:${hash}`;
  const hashesKey = (sourceId: string) => `hashes:${sourceId}`;
  const metaKey = (sourceId: string) => `meta:${sourceId}`;
  const SOURCES = 'sources';

  async function sourceIds(): Promise<string[]> {
    return (await space.get<string[]>(SOURCES)) ?? [];
  }

  const store: ListSnapshotStore = {
    get: (sourceId, hash) => space.get<ListSnapshot>(snapshotKey(sourceId, hash)),
    async put(snapshot) {
      await space.set(snapshotKey(snapshot.sourceId, snapshot.hash), snapshot);
      const hashes = (await space.get<string[]>(hashesKey(snapshot.sourceId))) ?? [];
      if (!hashes.includes(snapshot.hash)) await space.set(hashesKey(snapshot.sourceId), [...hashes, snapshot.hash]);
    },
    async keepOnly(sourceId, keep) {
      const hashes = (await space.get<string[]>(hashesKey(sourceId))) ?? [];
      for (const hash of hashes) if (!keep.includes(hash)) await space.delete(snapshotKey(sourceId, hash));
      await space.set(
        hashesKey(sourceId),
        hashes.filter((hash) => keep.includes(hash)),
      );
    },
    meta: (sourceId) => space.get<ListSourceMeta>(metaKey(sourceId)),
    async putMeta(meta) {
      await space.set(metaKey(meta.sourceId), meta);
      const ids = await sourceIds();
      if (!ids.includes(meta.sourceId)) await space.set(SOURCES, [...ids, meta.sourceId]);
    },
    async allMeta() {
      const ids = await sourceIds();
      const metas = await space.getMany<ListSourceMeta>(ids.map(metaKey));
      return metas.filter((meta): meta is ListSourceMeta => Boolean(meta));
    },
    async latest() {
      const metas = await store.allMeta();
      const snapshots = await Promise.all(
        metas.flatMap((meta) => (meta.hash ? [store.get(meta.sourceId, meta.hash)] : [])),
      );
      return snapshots.filter((snapshot): snapshot is ListSnapshot => Boolean(snapshot));
    },
  };
  return store;
}
