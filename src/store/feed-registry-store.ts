import { randomUUID } from 'node:crypto';
import type { FeedRegistry, RuntimeFeed } from '../domain/runtime-feed.js';
import type { StoreBackend } from './backend.js';
import { keyedList } from './keyed-list.js';

/**
 * The feeds added at run time, and a version that every add, change and removal replaces (written
 * after the change, so whoever reads the version before listing never keeps a list older than it).
 */
export function createFeedRegistry(backend: StoreBackend): FeedRegistry {
  const feeds = keyedList<RuntimeFeed>(backend, 'runtime-feeds', (feed) => feed.id);
  const meta = backend.keyValue('runtime-feeds-meta');
  const changed = () => meta.set('version', randomUUID());
  return {
    list: feeds.list,
    async put(feed) {
      await feeds.put(feed);
      await changed();
    },
    async remove(id) {
      const removed = await feeds.remove(id);
      if (removed) await changed();
      return removed;
    },
    version: () => meta.get<string>('version'),
  };
}
