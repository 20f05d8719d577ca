import type { FeedRegistry, RuntimeFeed } from '../domain/runtime-feed.js';
import type { StoreBackend } from './backend.js';
import { keyedList } from './keyed-list.js';

export function createFeedRegistry(backend: StoreBackend): FeedRegistry {
  const feeds = keyedList<RuntimeFeed>(backend, 'runtime-feeds', (feed) => feed.id);
  return { list: feeds.list, put: feeds.put, remove: feeds.remove };
}
