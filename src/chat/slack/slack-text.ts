import { plainText, truncate } from '../../domain/alert-text.js';

/**
 * Escapes feed text for Slack mrkdwn: `&`, `<` and `>` are the only characters Slack
 * interprets for links and mentions (`<!channel>`, `<@U123>`), so escaping them is what keeps
 * a feed from pinging anyone or injecting a link.
 */
export function escapeMrkdwn(text: string): string {
  return plainText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Feed text escaped for mrkdwn and cut so that the escaped form fits `max`: escaping can make
 * text five times longer (`&` is `&amp;`), and a cut must never split an entity or a character.
 */
export function escapedWithin(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const char of plainText(text)) {
    const piece = char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char;
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/** Below this much room for its words, a link is not worth keeping: the words are shown alone. */
const MIN_LABEL = 20;

/**
 * A link in mrkdwn that fits `max` characters whatever its shape; a URL with characters Slack
 * would misread is percent-encoded. A URL too long to leave room for its words is dropped and
 * the words shown alone (Slack refuses the whole message otherwise), never cut mid-link.
 */
export function mrkdwnLink(url: string | undefined, label: string, max = 3_000): string {
  if (!url || !/^https?:\/\//i.test(url)) return escapedWithin(label, max);
  const safeUrl = url.replace(/[<>| ]/g, (c) => encodeURIComponent(c));
  const room = max - safeUrl.length - 3;
  if (room < MIN_LABEL) return escapedWithin(label, max);
  return `<${safeUrl}|${escapedWithin(label, room).replace(/\|/g, '¦')}>`;
}

/** Plain text for `plain_text` objects and the notification fallback, cut to `max`. */
export function slackPlain(text: string, max: number): string {
  return truncate(plainText(text), max);
}
