import type { Alert, MessageRef } from './alert.js';
import type { Channel } from './channel.js';
import type { Digest } from './digest.js';

/**
 * The result of one delivery attempt, sorted so that the outbox knows what to do next:
 * `delivered` leaves the outbox, `retry` waits (honouring `retryAfterMs` when the platform
 * said so), `rejected` moves the alert to the dead-letter list with `reason`.
 */
export type DeliveryOutcome =
  /**
   * `newThread`: this message opened a new thread for its story because the one remembered was
   * gone (a deleted or locked Discord forum post), so later stages follow `ref` instead.
   */
  | { status: 'delivered'; ref?: MessageRef; newThread?: boolean }
  | { status: 'retry'; reason: string; retryAfterMs?: number }
  | { status: 'rejected'; reason: string }
  /**
   * The platform refused banwatch's credentials (Slack invalid_auth, Discord 401) or the webhook
   * is gone (deleted, revoked, its channel archived): pause the channel, keep the alert.
   */
  | { status: 'unauthorized'; reason: string };

/** A platform-neutral notice (a paused feed, a subscription confirmation) sent to a channel. */
export interface Notice {
  id: string;
  title: string;
  text: string;
  createdAt: string;
}

/** Renders neutral alerts for one platform and posts them. Lives under src/chat/<platform>/. */
export interface Notifier {
  /** Post `alert`; `replyTo` is the first alert of the same bill or rule in this channel. */
  send(alert: Alert, channel: Channel, replyTo?: MessageRef): Promise<DeliveryOutcome>;
  /** Post an operational notice (not an alert). */
  notify(notice: Notice, channel: Channel): Promise<DeliveryOutcome>;
  /** Post a digest: one message, its alerts grouped by vendor and stage. */
  digest(digest: Digest, channel: Channel): Promise<DeliveryOutcome>;
}
