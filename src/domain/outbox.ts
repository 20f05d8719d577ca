import type { Alert, MessageRef } from './alert.js';
import type { Digest } from './digest.js';
import type { Notice } from './notifier.js';

export type OutboxPayload =
  { type: 'alert'; alert: Alert } | { type: 'notice'; notice: Notice } | { type: 'digest'; digest: Digest };

/** One message waiting for one channel. Leaves the outbox only when the platform accepted it. */
export interface OutboxEntry {
  /** `${channelId}|${payload id}`: queueing the same alert for a channel twice is a no-op. */
  key: string;
  channelId: string;
  payload: OutboxPayload;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  lastError?: string;
  /** The last attempt was answered with Retry-After: the wait is the platform's, not a failure. */
  rateLimited?: boolean;
}

export interface DeadLetter extends OutboxEntry {
  reason: string;
  deadAt: string;
}

export interface DeliveryRecord {
  at: string;
  ref?: MessageRef;
}

export function outboxKey(channelId: string, payloadId: string): string {
  return `${channelId}|${payloadId}`;
}

export function payloadId(payload: OutboxPayload): string {
  if (payload.type === 'alert') return payload.alert.id;
  return payload.type === 'notice' ? payload.notice.id : payload.digest.id;
}

/** A dead letter's own key: the same entry may die more than once (after a retry), so its time is part of it. */
export function deadLetterKey(dead: Pick<DeadLetter, 'key' | 'deadAt'>): string {
  return `${dead.key}|${dead.deadAt}`;
}
