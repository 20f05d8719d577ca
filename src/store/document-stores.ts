import type { Alert, MessageRef } from '../domain/alert.js';
import type { FeedState } from '../domain/feed-state.js';
import type { AlertLog, FeedStateStore, ThreadStore, WatchTermStore } from '../domain/ports.js';
import type { WatchTerm } from '../domain/watch-term.js';
import type { StoreBackend } from './backend.js';

const THREAD_TTL = 2 * 365 * 86_400_000;
const ALERT_LOG_SIZE = 2_000;

export function createFeedStateStore(backend: StoreBackend): FeedStateStore {
  const space = backend.keyValue('feeds');
  return {
    get: (sourceId) => space.get<FeedState>(sourceId),
    async getMany(sourceIds) {
      const values = await space.getMany<FeedState>(sourceIds);
      const found = new Map<string, FeedState>();
      values.forEach((value, index) => {
        const id = sourceIds[index];
        if (value && id !== undefined) found.set(id, value);
      });
      return found;
    },
    put: (state) => space.set(state.sourceId, state),
  };
}

export function createWatchTermStore(backend: StoreBackend): WatchTermStore {
  const space = backend.keyValue('watch');
  return {
    list: async (channelId) => (await space.get<WatchTerm[]>(channelId)) ?? [],
    async listMany(channelIds) {
      const values = await space.getMany<WatchTerm[]>(channelIds);
      return new Map(channelIds.map((id, index) => [id, values[index] ?? []]));
    },
    replace: (channelId, terms) => space.set(channelId, [...terms]),
  };
}

export function createThreadStore(backend: StoreBackend): ThreadStore {
  const space = backend.keyValue('threads');
  return {
    get: (channelId, threadKey) => space.get<MessageRef>(`${channelId}|${threadKey}`),
    set: (channelId, threadKey, ref) => space.set(`${channelId}|${threadKey}`, ref, THREAD_TTL),
  };
}

export function createAlertLog(backend: StoreBackend): AlertLog {
  const space = backend.ordered<Alert>('alerts');
  let writes = 0;
  return {
    async record(alert) {
      if ((await space.append(alert.id, alert)) && ++writes % 100 === 0) await space.trim(ALERT_LOG_SIZE);
    },
    async recent(limit) {
      return (await space.list({ limit, newestFirst: true })).map((entry) => entry.value);
    },
  };
}
