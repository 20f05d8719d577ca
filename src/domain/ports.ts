import type { Alert, MessageRef } from './alert.js';
import type { Channel } from './channel.js';
import type { FeedState } from './feed-state.js';
import type { InstrumentRecord, TrackedBill } from './instrument.js';
import type { DeadLetter, DeliveryRecord, OutboxEntry } from './outbox.js';
import type { WatchTerm } from './watch-term.js';

/**
 * The store ports the pipeline and the command handlers depend on. Implementations live in
 * src/store/ and are written once over the StoreBackend port, for every backend.
 */

/** Which items of a source have been seen. Claims are atomic, so two pollers never both win. */
export interface ItemLedger {
  /** How long a settled item is remembered (items.rememberDays); never less than the age limit. */
  readonly rememberMs: number;
  /** Claims the keys; returns those still to process (new, or left unfinished by a crash). */
  claim(sourceId: string, keys: readonly string[]): Promise<Set<string>>;
  /**
   * Marks keys done: they are never processed again. `traceRef` (from TraceStore.record) names
   * the poll trace that explains them, so `why` finds an item's trace through the ledger.
   * `keepLonger`: keys the age limit does not cover (undated, exempt, dated ahead), kept longer.
   */
  settle(sourceId: string, keys: readonly string[], traceRef?: string, keepLonger?: readonly string[]): Promise<void>;
  status(sourceId: string, key: string): Promise<'unknown' | 'pending' | 'done'>;
  /** The trace reference the item was settled with, if it was. */
  traceOf(sourceId: string, key: string): Promise<string | undefined>;
}

/** The same story from two feeds reaches a channel once. */
export interface StoryLedger {
  /** True when `alertId` owns the story keys in this channel (first to claim, or its own earlier claim). */
  claim(channelId: string, keys: { link?: string; title?: string }, alertId: string): Promise<boolean>;
}

export interface FeedStateStore {
  get(sourceId: string): Promise<FeedState | undefined>;
  getMany(sourceIds: readonly string[]): Promise<Map<string, FeedState>>;
  put(state: FeedState): Promise<void>;
}

export interface WatchTermStore {
  list(channelId: string): Promise<WatchTerm[]>;
  listMany(channelIds: readonly string[]): Promise<Map<string, WatchTerm[]>>;
  replace(channelId: string, terms: readonly WatchTerm[]): Promise<void>;
}

export interface Outbox {
  /** Queues entries not queued or delivered before; returns how many were new. */
  enqueue(entries: readonly OutboxEntry[]): Promise<number>;
  /** Entries waiting, oldest first. */
  pending(limit?: number): Promise<OutboxEntry[]>;
  /** One channel's entries, oldest first, read through the store's index (not a scan of all). */
  pendingFor(channelId: string, limit?: number): Promise<OutboxEntry[]>;
  /**
   * Channels whose oldest entry is due at or before `beforeMs` (epoch ms; Infinity: all with
   * entries), with that due time. Entries behind a channel's oldest wait for it.
   */
  dueChannels(beforeMs: number): Promise<Map<string, number>>;
  /** Records the delivery, then removes the entry (a crash between the two repeats nothing). */
  markDelivered(entry: OutboxEntry, record: DeliveryRecord): Promise<void>;
  reschedule(entry: OutboxEntry, nextAttemptAt: string, error: string, rateLimited?: boolean): Promise<void>;
  deadLetter(entry: OutboxEntry, reason: string, at: string): Promise<void>;
  delivery(key: string): Promise<DeliveryRecord | undefined>;
  /** The delivery records of many keys in one read, in the keys' order (the dashboard's channel column). */
  deliveries(keys: readonly string[]): Promise<Array<DeliveryRecord | undefined>>;
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  /**
   * An operator's retry: the dead letter (named by deadLetterKey) goes back to the queue, due
   * at `at`, with its attempts reset. False when it is gone (dropped or retried already).
   */
  retryDead(deadKey: string, at: string): Promise<boolean>;
  /** An operator's drop: the dead letter is removed for good. False when it was gone. */
  dropDead(deadKey: string): Promise<boolean>;
  counts(): Promise<{ pending: number; dead: number }>;
}

/** Recent alerts, for the vendor lookup and status. */
export interface AlertLog {
  record(alert: Alert): Promise<void>;
  recent(limit: number): Promise<Alert[]>;
}

/** Per channel, the first message of each bill or rule thread. */
export interface ThreadStore {
  get(channelId: string, threadKey: string): Promise<MessageRef | undefined>;
  set(channelId: string, threadKey: string, ref: MessageRef): Promise<void>;
}

/** Channels subscribed at run time from chat, next to those in the config file. */
export interface ChannelRegistry {
  list(): Promise<Channel[]>;
  get(channelId: string): Promise<Channel | undefined>;
  /** The channels subscribed from one workspace or server (`Channel.tenant`), read through an index. */
  forTenant(tenant: string): Promise<Channel[]>;
  put(channel: Channel): Promise<void>;
  remove(channelId: string): Promise<boolean>;
}

/** Bills tracked at run time (`track`, discovery); those in the config file are not stored here. */
export interface TrackedBillStore {
  /** Every tracked bill, with the tenants that follow it (`followers`). */
  list(): Promise<TrackedBill[]>;
  /** False when the bill was already tracked (nothing changes). */
  add(bill: TrackedBill): Promise<boolean>;
  /** Replaces a tracked bill's entry (a new owner, or made global); its followers are kept apart. */
  put(bill: TrackedBill): Promise<void>;
  /** False when the bill was not tracked; its followers go with it. */
  remove(billId: string): Promise<boolean>;
  /** Another tenant follows a tracked bill; false when it already did. */
  follow(billId: string, tenant: string): Promise<boolean>;
  /** False when the tenant did not follow the bill. */
  unfollow(billId: string, tenant: string): Promise<boolean>;
}

/** Where each tracked bill and rule stands, updated as their stages are ingested. */
export interface InstrumentIndex {
  record(entry: InstrumentRecord): Promise<void>;
  get(key: string): Promise<InstrumentRecord | undefined>;
  /** Every instrument, most recently updated first. */
  list(): Promise<InstrumentRecord[]>;
}
