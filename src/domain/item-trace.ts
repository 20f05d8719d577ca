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
  /**
   * Every channel not in `channels` was skipped for this reason. With thousands of channels most
   * skip an item for one reason (not relevant, another source), and a trace listing each was
   * most of the store's memory per item (issue 24); a channel added after the item was seen
   * reads this reason too.
   */
  othersSkipped?: string;
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

/** Channels skipped for one reason are kept as one line once there are more of them than this. */
export const SKIPPED_GROUP_MIN = 50;

/** The trace as stored: the largest group of channels skipped for one reason folded into `othersSkipped`. */
export function compactTrace(item: ItemTrace): ItemTrace {
  // Already folded (the channels whose source filter left the feed out): the rest stay listed.
  if (item.othersSkipped || !item.channels || item.channels.length < SKIPPED_GROUP_MIN) return item;
  const counts = new Map<string, number>();
  for (const channel of item.channels)
    if (channel.outcome === 'skipped') counts.set(channel.reason, (counts.get(channel.reason) ?? 0) + 1);
  let reason: string | undefined;
  let most = 0;
  for (const [candidate, count] of counts) if (count > most) [reason, most] = [candidate, count];
  if (reason === undefined || most < SKIPPED_GROUP_MIN) return item;
  return {
    ...item,
    channels: item.channels.filter((channel) => channel.outcome !== 'skipped' || channel.reason !== reason),
    othersSkipped: reason,
  };
}
