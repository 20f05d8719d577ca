import { MessageFlags } from 'discord-api-types/v10';
import type { Reply, ReplySection } from '../../commands/reply.js';
import type { DiscordMessage } from './alert-embed.js';
import { DISCORD_LIMITS as L, escapeDiscord, fitEmbed, linkTarget } from './discord-text.js';

const COLOUR = 0x5865f2;
const REFUSED_COLOUR = 0xf29900;
const MAX_LINE = 600;

/** Whether only the asker should see an answer: lookups and every refusal. */
export function isEphemeral(answer: Reply): boolean {
  return Boolean(answer.refused) || answer.visibility === 'ephemeral';
}

/**
 * A command's answer as one embed. Every word comes from a reply line and is escaped, so a
 * vendor note or a feed title cannot format, fake a link or mention anyone; links are masked
 * links to http(s) URLs only. Long answers are cut on a line boundary, saying how much is left.
 */
export function replyMessage(answer: Reply, options: { ephemeral?: boolean } = {}): DiscordMessage {
  const description = describe(answer.sections);
  const embed = fitEmbed({
    title: escapeDiscord(answer.title, L.title),
    ...(description ? { description } : {}),
    color: answer.refused ? REFUSED_COLOUR : COLOUR,
    // The code is what an operator searches the docs and logs for.
    ...(answer.code ? { footer: { text: `code ${answer.code}` } } : {}),
  });
  return {
    embeds: [embed],
    allowed_mentions: { parse: [] },
    ...((options.ephemeral ?? isEphemeral(answer)) ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

function describe(sections: readonly ReplySection[]): string {
  const lines: string[] = [];
  for (const section of sections) {
    if (!section.heading && !section.lines.length) continue;
    if (lines.length) lines.push('');
    if (section.heading) lines.push(`**${escapeDiscord(section.heading, 200)}**`);
    for (const entry of section.lines) {
      const text = escapeDiscord(entry.text, MAX_LINE);
      const target = linkTarget(entry.url);
      lines.push(target ? `• [${text}](${target})` : `• ${text}`);
    }
  }
  return fitLines(lines, L.description);
}

/** Joins lines up to `max` characters; what does not fit is counted, not cut mid-line. */
function fitLines(lines: readonly string[], max: number): string {
  let out = '';
  for (const [index, entry] of lines.entries()) {
    const next = out ? `${out}\n${entry}` : entry;
    const left = lines.length - index;
    // Room for the "… and N more lines" marker.
    if (next.length > max - 40) return `${out}\n… and ${left} more line${left === 1 ? '' : 's'}`;
    out = next;
  }
  return out;
}
