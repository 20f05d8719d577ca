import type { FeedRegistry, RuntimeFeed } from '../domain/runtime-feed.js';
import type { StoreBackend } from './backend.js';

export function createFeedRegistry(backend: StoreBackend): FeedRegistry {
  const space = backend.ordered<RuntimeFeed>('runtime-feeds');
  return {
    list: async () => (await space.list()).map((entry) => entry.value),
    async put(feed) {
      if (!(await space.append(feed.id, feed))) await space.update(feed.id, feed);
    },
    remove: (id) => space.remove(id),
  };
}
