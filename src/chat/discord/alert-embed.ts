import type { Alert } from '../../domain/alert.js';
import {
  alertDate,
  alertJurisdiction,
  alertReasons,
  alertStage,
  alertSubject,
  truncate,
} from '../../domain/alert-text.js';
import type { Action } from '../../domain/classification.js';
import type { Notice } from '../../domain/notifier.js';
import {
  DISCORD_LIMITS as L,
  type DiscordEmbed,
  escapeDiscord,
  fitEmbed,
  neutralizeMentions,
  safeUrl,
} from './discord-text.js';

const COLOURS: Record<Action, number> = {
  ban: 0xd93025,
  restriction: 0xf29900,
  sanction: 0x8e24aa,
  lift: 0x188038,
  investigation: 0x1a73e8,
  none: 0x80868b,
};

/** A message body for Discord; `allowed_mentions` parses nothing, whatever the text says. */
export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: [] };
  /** 64: only the person who ran the command sees it (interaction answers only). */
  flags?: number;
  message_reference?: { message_id: string; fail_if_not_exists: boolean };
}

/**
 * An alert as one embed: linked title, a colour per action, fields for vendors, stage,
 * jurisdiction and source, the reasons, and a timestamp. Each part is cut to its Discord
 * limit and the whole to the 6,000-character embed total.
 */
export function alertEmbed(alert: Alert, options: { update?: boolean } = {}): DiscordMessage {
  const c = alert.classification;
  const description = alert.summary ? escapeDiscord(alert.summary, 1_500) : undefined;
  const update = options.update && alert.thread ? `Update on ${alert.thread.label}: ${alertStage(alert)}` : undefined;
  const embed: DiscordEmbed = {
    title: escapeDiscord(alert.title, L.title),
    url: safeUrl(alert.link),
    description,
    color: COLOURS[c.action],
    author: { name: truncate(neutralizeMentions(alertSubject(alert)), L.fieldName) },
    fields: [
      {
        name: 'Vendors',
        value: escapeDiscord(c.vendors.join(', ') || 'vendor class (none named)', L.fieldValue),
        inline: true,
      },
      { name: 'Stage', value: escapeDiscord(alertStage(alert), L.fieldValue), inline: true },
      { name: 'Jurisdiction', value: escapeDiscord(alertJurisdiction(alert), L.fieldValue), inline: true },
      { name: 'Source', value: escapeDiscord(`${alert.sourceName} · ${alertDate(alert)}`, L.fieldValue), inline: true },
      { name: 'Why', value: escapeDiscord(alertReasons(alert, 900) || alert.matchedBy || '—', L.fieldValue) },
    ],
    timestamp: alert.publishedAt ?? alert.createdAt,
  };
  return {
    content: update ? escapeDiscord(update, L.content) : undefined,
    embeds: [fitEmbed(embed)],
    allowed_mentions: { parse: [] },
  };
}

export function noticeEmbed(notice: Notice): DiscordMessage {
  return {
    embeds: [
      {
        title: escapeDiscord(notice.title, L.title),
        description: escapeDiscord(notice.text, 1_500),
        color: COLOURS.none,
        timestamp: notice.createdAt,
      },
    ],
    allowed_mentions: { parse: [] },
  };
}
