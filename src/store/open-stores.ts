import type { Clock } from '../domain/clock.js';
import type {
  AlertLog,
  ChannelRegistry,
  FeedStateStore,
  InstrumentIndex,
  ItemLedger,
  Outbox,
  StoryLedger,
  ThreadStore,
  TrackedBillStore,
  WatchTermStore,
} from '../domain/ports.js';
import { StoreError } from '../shared/errors.js';
import type { StoreBackend } from './backend.js';
import { createAlertLog, createFeedStateStore, createThreadStore, createWatchTermStore } from './document-stores.js';
import type { TraceStore } from '../domain/item-trace.js';
import type { Leases } from '../domain/lease.js';
import type { FeedRegistry } from '../domain/runtime-feed.js';
import { createChannelRegistry } from './channel-registry-store.js';
import { createFeedRegistry } from './feed-registry-store.js';
import { createInstrumentIndex, createTrackedBillStore } from './instrument-stores.js';
import { createLeases } from './lease-store.js';
import { createTraceStore } from './trace-store.js';
import { createItemLedger, createStoryLedger } from './ledger-stores.js';
import { createOutbox } from './outbox-store.js';
import { createDeliveryPauses } from './delivery-pause-store.js';
import type { DeliveryPauses } from '../domain/delivery-pause.js';
import { openSqliteBackend } from './sqlite/sqlite-backend.js';
import type { DigestInbox } from '../domain/digest.js';
import type { DeliveryHistory } from '../domain/delivery-history.js';
import { createDigestInbox } from './digest-store.js';
import { createDeliveryHistory } from './history-store.js';
import { createMentionRuleStore, createTriageStore } from './triage-stores.js';
import type { MentionRuleStore, TriageStore } from '../domain/triage.js';

/** Every store banwatch uses, over one backend. */
export interface Stores {
  backend: StoreBackend;
  items: ItemLedger;
  stories: StoryLedger;
  feeds: FeedStateStore;
  watch: WatchTermStore;
  outbox: Outbox;
  alerts: AlertLog;
  threads: ThreadStore;
  channels: ChannelRegistry;
  /** Bills tracked with `track` or found by discovery. */
  trackedBills: TrackedBillStore;
  /** Where each tracked bill and rule stands. */
  instruments: InstrumentIndex;
  /** Feeds added at run time (chat, CLI, OPML import). */
  runtimeFeeds: FeedRegistry;
  /** What happened to each item, for `why`. */
  traces: TraceStore;
  /** Who polls a source or works a channel right now, across instances. */
  leases: Leases;
  /** Channels whose delivery is paused because their platform refused banwatch's credentials. */
  pauses: DeliveryPauses;
  /** Alerts digest channels collected for their next digest, and which periods went out. */
  digests: DigestInbox;
  /** Every delivered alert, with where and when it went (`banwatch history`). */
  history: DeliveryHistory;
  /** Triage verdicts pressed on alerts (acknowledge, not relevant, mute). */
  triage: TriageStore;
  /** Mention rules set from chat (`mentions add`). */
  mentionRules: MentionRuleStore;
  /** Resolves once every write so far is durable (see StoreBackend.flush). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** How long what grows with history is kept (config: items.rememberDays, retention.*). */
export interface StoreRetention {
  itemsMs?: number;
  storiesMs?: number;
  tracesMs?: number;
  deliveriesMs?: number;
}

export function storesOver(backend: StoreBackend, retention: StoreRetention = {}): Stores {
  const items = createItemLedger(backend, retention.itemsMs);
  return {
    backend,
    items,
    stories: createStoryLedger(backend, retention.storiesMs),
    feeds: createFeedStateStore(backend),
    watch: createWatchTermStore(backend),
    outbox: createOutbox(backend, { deliveryRetentionMs: retention.deliveriesMs }),
    alerts: createAlertLog(backend),
    threads: createThreadStore(backend),
    channels: createChannelRegistry(backend),
    trackedBills: createTrackedBillStore(backend),
    instruments: createInstrumentIndex(backend),
    runtimeFeeds: createFeedRegistry(backend),
    traces: createTraceStore(backend, items, retention.tracesMs),
    leases: createLeases(backend),
    pauses: createDeliveryPauses(backend),
    digests: createDigestInbox(backend),
    history: createDeliveryHistory(backend),
    triage: createTriageStore(backend),
    mentionRules: createMentionRuleStore(backend),
    flush: () => backend.flush(),
    close: () => backend.close(),
  };
}

/** Opens the backend named by the store URL (`sqlite://`, `redis://`, `postgres://`). */
export async function openBackend(url: string, clock: Clock): Promise<StoreBackend> {
  const scheme = url.slice(0, url.indexOf('://'));
  switch (scheme) {
    case 'sqlite':
      return openSqliteBackend(url, clock);
    // Loaded only when used: the embedded default does not pay for the Redis and PostgreSQL clients.
    case 'redis':
    case 'rediss':
      return (await import('./redis/redis-backend.js')).openRedisBackend(url, clock);
    case 'postgres':
    case 'postgresql':
      return (await import('./postgres/postgres-backend.js')).openPostgresBackend(url, clock);
    default:
      throw new StoreError(
        `store ${scheme}:// is not supported (use sqlite://PATH, redis://HOST:PORT or postgres://...)`,
      );
  }
}

export async function openStores(url: string, clock: Clock, retention: StoreRetention = {}): Promise<Stores> {
  return storesOver(await openBackend(url, clock), retention);
}
