import type { DigestSchedule } from './digest-schedule.js';
import type { MentionRule } from './mention-rule.js';

/** The platforms a channel can live on. Each has a notifier under src/chat/. */
export const CHANNEL_TYPES = ['console', 'slack-webhook', 'discord-webhook', 'slack', 'discord'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/**
 * A place alerts go to, from the config file or subscribed at run time.
 * Filters narrow what the router sends; watch terms (in the store) widen it.
 */
export interface Channel {
  id: string;
  type: ChannelType;
  /** Webhook URL for the webhook types (a secret: never logged). */
  url?: string;
  /** Platform channel id for `slack` and `discord`. */
  channel?: string;
  /** Only alerts naming one of these vendors (canonical names), when set. */
  vendors?: string[];
  /** Only alerts whose score reaches this, when set. */
  minScore?: number;
  /** Only alerts from these source ids, when set. */
  sources?: string[];
  /** `config` channels are trusted; `runtime` ones were subscribed from chat. */
  origin: 'config' | 'runtime';
  /** The workspace or server it was subscribed from (`slack:T…`, `discord:G…`; domain/tenancy.ts). */
  tenant?: string;
  /** Alerts collected for a daily or weekly digest (config channels only); `mode` says whether live alerts go too. */
  digest?: DigestSchedule;
  /** Opt-in pings (config `mentions`, plus rules set with `mentions add`): alerts ping nobody otherwise. */
  mentions?: MentionRule[];
}

/**
 * The id of a channel subscribed from chat: made from its platform channel, so the channel a
 * command comes from is found by its id, without reading every subscribed channel.
 */
export function runtimeChannelId(type: string, platformChannel: string): string {
  return `${type}-${platformChannel}`.slice(0, 64);
}
