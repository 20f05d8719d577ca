import type { Classification } from './classification.js';

/** What happened to one item in one channel when it was ingested. */
export interface ChannelTrace {
  channelId: string;
  outcome: 'queued' | 'duplicate-story' | 'skipped';
  reason: string;
}

/** What happened to one item when it was ingested, kept for "why was this not posted". */
export interface ItemTrace {
  itemKey: string;
  title?: string;
  link?: string;
  /** `recorded`: seen on a feed's first poll (existing items are not alerted). */
  outcome: 'recorded' | 'too-old' | 'classified';
  classification?: Pick<Classification, 'relevant' | 'score' | 'vendors' | 'action' | 'reasons'>;
  channels?: ChannelTrace[];
  /** The alert id, when one was made (outbox keys are channel + alert id). */
  alertId?: string;
}

/** The traces of one poll of one source, stored together (one write per poll). */
export interface PollTrace {
  sourceId: string;
  at: string;
  items: ItemTrace[];
}

/** Where traces are kept and found again, by item key or by link. */
export interface TraceStore {
  /** Keeps the trace; returns the reference the item ledger settles its items with (none without items). */
  record(trace: PollTrace): Promise<string | undefined>;
  /** Finds an item by source and key, or by any source's link (normalized). */
  find(
    query: { sourceId: string; itemKey: string } | { link: string },
  ): Promise<{ sourceId: string; at: string; item: ItemTrace } | undefined>;
}
