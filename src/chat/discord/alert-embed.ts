import type { Alert } from '../../domain/alert.js';
import { alertDate, alertJurisdiction, alertReasons, alertStage, alertSubject, truncate } from '../../domain/alert-text.js';
import type { Action } from '../../domain/classification.js';
import type { Notice } from '../../domain/notifier.js';
import { DISCORD_LIMITS as L, escapeDiscord, neutralizeMentions, safeUrl } from './discord-text.js';

const COLOURS: Record<Action, number> = {
  ban: 0xd93025,
  restriction: 0xf29900,
  sanction: 0x8e24aa,
  lift: 0x188038,
  investigation: 0x1a73e8,
  none: 0x80868b,
};

export interface DiscordMessage {
  content?: string;
  embeds: unknown[];
  allowed_mentions: { parse: [] };
}

/**
 * An alert as one embed: linked title, a colour per action, fields for vendors, stage,
 * jurisdiction and source, the reasons, and a timestamp. Each field is cut to Discord's
 * limit; the total stays under 6,000 characters because every part is bounded.
 */
export function alertEmbed(alert: Alert, options: { update?: boolean } = {}): DiscordMessage {
  const c = alert.classification;
  const description = alert.summary ? escapeDiscord(alert.summary, 1_500) : undefined;
  const update = options.update && alert.thread ? `Update on ${alert.thread.label}: ${alertStage(alert)}` : undefined;
  return {
    content: update ? escapeDiscord(update, L.content) : undefined,
    embeds: [
      {
        title: escapeDiscord(alert.title, L.title),
        url: safeUrl(alert.link),
        description,
        color: COLOURS[c.action],
        author: { name: truncate(neutralizeMentions(alertSubject(alert)), L.fieldName) },
        fields: [
          { name: 'Vendors', value: escapeDiscord(c.vendors.join(', ') || 'vendor class (none named)', L.fieldValue), inline: true },
          { name: 'Stage', value: escapeDiscord(alertStage(alert), L.fieldValue), inline: true },
          { name: 'Jurisdiction', value: escapeDiscord(alertJurisdiction(alert), L.fieldValue), inline: true },
          { name: 'Source', value: escapeDiscord(`${alert.sourceName} · ${alertDate(alert)}`, L.fieldValue), inline: true },
          { name: 'Why', value: escapeDiscord(alertReasons(alert, 900), L.fieldValue) },
        ],
        timestamp: alert.publishedAt ?? alert.createdAt,
      },
    ],
    allowed_mentions: { parse: [] },
  };
}

export function noticeEmbed(notice: Notice): DiscordMessage {
  return {
    embeds: [{ title: escapeDiscord(notice.title, L.title), description: escapeDiscord(notice.text, 1_500), color: COLOURS.none, timestamp: notice.createdAt }],
    allowed_mentions: { parse: [] },
  };
}
