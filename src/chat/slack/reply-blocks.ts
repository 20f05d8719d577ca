import { truncate } from '../../domain/alert-text.js';
import type { Reply, ReplyLine } from '../../commands/reply.js';
import { escapedWithin, mrkdwnLink } from './slack-text.js';

/** Slack's limits: 3,000 characters in a section, 50 blocks in a message. */
const SECTION_MAX = 3_000;
const MAX_BLOCKS = 50;

export interface SlackReply {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  blocks: unknown[];
  replace_original: false;
}

function renderLine(entry: ReplyLine): string {
  // A line is at most one section, whatever its link: pack() never has to cut one (and break its link).
  return `• ${mrkdwnLink(entry.url, truncate(entry.text, 500), SECTION_MAX - 2)}`;
}

/** Packs lines into section texts of at most SECTION_MAX characters, never splitting a line. */
function pack(lines: string[]): string[] {
  const texts: string[] = [];
  let current = '';
  for (const text of lines) {
    const piece = truncate(text, SECTION_MAX);
    if (current && current.length + 1 + piece.length > SECTION_MAX) {
      texts.push(current);
      current = piece;
    } else current = current ? `${current}\n${piece}` : piece;
  }
  if (current) texts.push(current);
  return texts;
}

/**
 * A neutral command reply as Block Kit for `respond`: the title in bold, then each section
 * with its heading, one bullet per line, linked when the line has a URL. Every piece of text is
 * escaped (it may quote what the user typed, or feed titles), so nothing in a reply can ping or
 * inject a link. Lookups stay ephemeral; admin changes are confirmed in the channel.
 */
export function replyBlocks(answer: Reply): SlackReply {
  const blocks: unknown[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${escapedWithin(answer.title, SECTION_MAX - 2)}*` } },
  ];
  for (const section of answer.sections) {
    const lines = section.lines.map(renderLine);
    const texts = pack(section.heading ? [`*${escapedWithin(section.heading, 500)}*`, ...lines] : lines);
    for (const text of texts) blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
  }
  // The code is what an operator searches the docs and logs for.
  if (answer.code) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `code ${answer.code}` }] });
  if (blocks.length > MAX_BLOCKS) {
    const dropped = blocks.length - (MAX_BLOCKS - 1);
    blocks.splice(MAX_BLOCKS - 1, dropped, {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…${dropped} more sections not shown` }],
    });
  }
  return {
    response_type: answer.visibility === 'channel' ? 'in_channel' : 'ephemeral',
    text: escapedWithin(answer.title, 3_000),
    blocks,
    replace_original: false,
  };
}
