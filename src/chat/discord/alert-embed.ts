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
import type { PingTarget } from '../../domain/mention-rule.js';
import { pingParts, triageRow, type ActionRow } from './triage-components.js';

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
  /** Never parsed from the text; only the roles and users of a matching mention rule are listed. */
  allowed_mentions: { parse: []; roles?: string[]; users?: string[] };
  /** The triage buttons (alerts posted by the bot only). */
  components?: ActionRow[];
  /** 64: only the person who ran the command sees it (interaction answers only). */
  flags?: number;
  message_reference?: { message_id: string; fail_if_not_exists: boolean };
}

/**
 * An alert as one embed: linked title, a colour per action, fields for vendors, stage,
 * jurisdiction and source, the reasons, and a timestamp. Each part is cut to its Discord
 * limit and the whole to the 6,000-character embed total.
 */
export function alertEmbed(
  alert: Alert,
  options: { update?: boolean; pings?: readonly PingTarget[]; triageRef?: string } = {},
): DiscordMessage {
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
  const ping = pingParts(options.pings ?? []);
  const text = update ? escapeDiscord(update, L.content - (ping.content?.length ?? 0) - 1) : undefined;
  const content = [ping.content, text].filter(Boolean).join(' ');
  return {
    content: content || undefined,
    embeds: [fitEmbed(embed)],
    allowed_mentions: ping.allowed,
    ...(options.triageRef ? { components: [triageRow(options.triageRef)] } : {}),
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
