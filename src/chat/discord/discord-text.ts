import { plainText, truncate } from '../../domain/alert-text.js';

/** Discord's limits for messages and embeds. */
export const DISCORD_LIMITS = {
  content: 2_000,
  title: 256,
  description: 4_096,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  embedTotal: 6_000,
} as const;

/** The embed fields banwatch uses. */
export interface DiscordEmbed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  author?: { name: string };
  fields?: Array<{ name: string; value: string; inline?: boolean }>;
  footer?: { text: string };
  timestamp?: string;
}

/**
 * Escapes feed text for Discord: markdown characters are backslashed so a title cannot
 * format, hide or fake a link, and mention syntax is broken with a zero-width space so that
 * `@everyone`, `@here`, `<@123>` and `<#123>` stay inert even where `allowed_mentions` is not
 * honoured (it always is set to parse nothing as well).
 */
export function escapeDiscord(text: string, max: number): string {
  const escaped = plainText(text)
    .replace(/([\\*_~`|>[\]()])/g, '\\$1')
    .replace(/^([#-])/, '\\$1');
  return truncate(neutralizeMentions(escaped), max);
}

/** For places Discord shows without markdown (embed author names): mentions only. */
export function neutralizeMentions(text: string): string {
  return plainText(text)
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<([@#&!:])/g, '<\u200b$1');
}

/** Only http(s) URLs may become links; anything else is dropped. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url) || url.length > 2_000) return undefined;
  try {
    return new URL(url).toString();
  } catch {
    return undefined;
  }
}

/** A URL inside `[text](url)`: parentheses and spaces would end the link early. */
export function linkTarget(url: string | undefined): string | undefined {
  return safeUrl(url)?.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

function embedLength(embed: DiscordEmbed): number {
  const parts = [
    embed.title,
    embed.description,
    embed.author?.name,
    embed.footer?.text,
    ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
  ];
  return parts.reduce((sum, part) => sum + (part?.length ?? 0), 0);
}

/** Cuts to at most `max` UTF-16 units without splitting a character, marking the cut. */
function cutToUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
}

/**
 * Keeps an embed within Discord's 6,000-character total (counted in UTF-16 units, which never
 * undercounts): the description gives way first, then field values from the last one.
 */
export function fitEmbed(embed: DiscordEmbed): DiscordEmbed {
  const fitted: DiscordEmbed = { ...embed, ...(embed.fields ? { fields: embed.fields.map((f) => ({ ...f })) } : {}) };
  let excess = embedLength(fitted) - DISCORD_LIMITS.embedTotal;
  if (excess > 0 && fitted.description) {
    const keep = fitted.description.length - excess;
    if (keep > 1) fitted.description = cutToUnits(fitted.description, keep);
    else delete fitted.description;
    excess = embedLength(fitted) - DISCORD_LIMITS.embedTotal;
  }
  for (const field of [...(fitted.fields ?? [])].reverse()) {
    if (excess <= 0) break;
    field.value = cutToUnits(field.value, Math.max(2, field.value.length - excess));
    excess = embedLength(fitted) - DISCORD_LIMITS.embedTotal;
  }
  return fitted;
}
