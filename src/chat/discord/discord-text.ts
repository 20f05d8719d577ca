import { plainText, truncate } from '../../domain/alert-text.js';

/** Discord's limits for messages and embeds. */
export const DISCORD_LIMITS = { content: 2_000, title: 256, description: 4_096, fieldName: 256, fieldValue: 1_024, footer: 2_048, embedTotal: 6_000 } as const;

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
