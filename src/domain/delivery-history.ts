import type { Action } from './classification.js';
import type { ChannelType } from './channel.js';

/** One alert delivered to one channel, live or in a digest: the audit trail `banwatch history` exports. */
export interface HistoryRecord {
  /** When the platform accepted it (ISO). */
  at: string;
  channelId: string;
  platform: ChannelType;
  /** The platform channel id (Slack, Discord); webhook URLs are secrets and never kept. */
  target?: string;
  /** The platform's message id and link, when it gave them. */
  messageId?: string;
  messageUrl?: string;
  via: 'live' | 'digest';
  /** The digest that carried it (`digest:daily:2026-03-29`). */
  digestId?: string;
  alertId: string;
  sourceId: string;
  title: string;
  link?: string;
  vendors: string[];
  action: Action;
  stage: string;
  score: number;
  publishedAt?: string;
}

export interface HistoryFilter {
  /** Canonical vendor name (case-insensitive). */
  vendor?: string;
  /** Only deliveries at or after this instant. */
  since?: Date;
  channelId?: string;
}

/** Every delivery, kept for the configured retention. */
export interface DeliveryHistory {
  /** Idempotent per channel, alert and digest: a delivery recorded twice is kept once. */
  record(records: readonly HistoryRecord[]): Promise<void>;
  /** Matching records, oldest first. */
  list(filter?: HistoryFilter): Promise<HistoryRecord[]>;
  /** Removes records delivered before `cutoff`; returns how many. */
  prune(cutoff: Date): Promise<number>;
}

export function historyMatches(record: HistoryRecord, filter: HistoryFilter): boolean {
  if (filter.channelId && record.channelId !== filter.channelId) return false;
  if (filter.since && Date.parse(record.at) < filter.since.getTime()) return false;
  if (filter.vendor) {
    const wanted = filter.vendor.toLowerCase();
    if (!record.vendors.some((vendor) => vendor.toLowerCase() === wanted)) return false;
  }
  return true;
}
