import { plainText, truncate } from '../../domain/alert-text.js';

/**
 * Escapes feed text for Slack mrkdwn: `&`, `<` and `>` are the only characters Slack
 * interprets for links and mentions (`<!channel>`, `<@U123>`), so escaping them is what keeps
 * a feed from pinging anyone or injecting a link.
 */
export function escapeMrkdwn(text: string): string {
  return plainText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A link in mrkdwn; a URL with characters Slack would misread is percent-encoded. */
export function mrkdwnLink(url: string | undefined, label: string): string {
  const text = escapeMrkdwn(label);
  if (!url || !/^https?:\/\//i.test(url)) return text;
  const safeUrl = url.replace(/[<>| ]/g, (c) => encodeURIComponent(c));
  return `<${safeUrl}|${text.replace(/\|/g, '¦')}>`;
}

/** Plain text for `plain_text` objects and the notification fallback, cut to `max`. */
export function slackPlain(text: string, max: number): string {
  return truncate(plainText(text), max);
}
