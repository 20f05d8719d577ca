import type { Alert } from './alert.js';
import { digest } from './hash.js';
import type { MentionRule } from './mention-rule.js';

/**
 * What people do with an alert in its channel: acknowledge it, call it not relevant (kept for
 * `banwatch feedback export`, the classifier's next eval rows), or mute its vendor there.
 */
export const TRIAGE_ACTIONS = ['ack', 'not-relevant', 'mute'] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

/** One verdict, stored once per channel, alert and action: a second press finds it and changes nothing. */
export interface TriageVerdict {
  channelId: string;
  /** The alert's short reference (triageRef), as the buttons carry it. */
  ref: string;
  action: TriageAction;
  /** Platform user id and display name of who pressed. */
  by: string;
  byName?: string;
  at: string;
  /** The item, for the export: enough to make an eval row. */
  alertId: string;
  itemKey: string;
  sourceId: string;
  title: string;
  summary?: string;
  publishedAt?: string;
  vendors: string[];
  /** The vendors a mute press muted. */
  muted?: string[];
}

/**
 * The alert's reference on a button: short enough for a Discord custom_id (100 characters) and
 * the same on every platform and instance.
 */
export function triageRef(alert: Pick<Alert, 'id'>): string {
  return digest(alert.id);
}

export function verdictKey(channelId: string, ref: string, action: TriageAction): string {
  return `${channelId}|${ref}|${action}`;
}

export interface TriageStore {
  /** Stores the verdict unless one is stored for its channel, alert and action; false when one was (nothing changes). */
  record(verdict: TriageVerdict): Promise<boolean>;
  /** The verdicts of one alert in one channel. */
  forAlert(channelId: string, ref: string): Promise<TriageVerdict[]>;
  /** Every verdict, oldest first, optionally of one action. */
  list(action?: TriageAction): Promise<TriageVerdict[]>;
}

/** Mention rules set from chat, per channel (those in the config file are not stored here). */
export interface MentionRuleStore {
  list(channelId: string): Promise<MentionRule[]>;
  replace(channelId: string, rules: readonly MentionRule[]): Promise<void>;
}
