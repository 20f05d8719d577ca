import type { Classification } from './classification.js';
import type { ItemThread } from './item.js';

/**
 * A classified item on its way to a channel: everything a notifier needs to render it,
 * and nothing platform specific.
 */
export interface Alert {
  /** Deterministic: the same item always gives the same id, so re-queueing is idempotent. */
  id: string;
  sourceId: string;
  /** Human name of the source, e.g. `therecord.media` or `Congress.gov`. */
  sourceName: string;
  itemKey: string;
  title: string;
  link?: string;
  summary?: string;
  publishedAt?: string;
  classification: Classification;
  thread?: ItemThread;
  /** When banwatch created the alert (ISO). */
  createdAt: string;
  /** Why this channel got it: `relevant`, `watch term "unitree"`, ... */
  matchedBy: string;
}

/** Where a delivered message lives on its platform, so a later stage can reply to it. */
export interface MessageRef {
  platform: string;
  /** Platform message id: Slack `ts`, Discord message id, webhook-specific or empty. */
  id: string;
  /** The channel that holds it when the platform needs it to reply (Slack channel id). */
  channel?: string;
  /** A link a person can open, when the platform gives one. */
  url?: string;
}
