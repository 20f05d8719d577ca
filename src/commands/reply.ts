import type { ErrorCode } from '../shared/error-codes.js';

/**
 * A platform-neutral answer to a command. Adapters render it (Block Kit, embeds, terminal
 * text); `data` is the machine-readable form the CLI prints with --json.
 */
export interface Reply {
  /** `ephemeral`: only the asker sees it; `channel`: everyone in the channel (admin changes). */
  visibility: 'ephemeral' | 'channel';
  title: string;
  sections: ReplySection[];
  /** True when the command was refused (bad arguments, not allowed); set from `code`. */
  refused?: boolean;
  /** Why it was refused, when it was: the CLI's exit status follows from it (shared/error-codes.ts). */
  code?: ErrorCode;
  data?: unknown;
}

export interface ReplySection {
  heading?: string;
  lines: ReplyLine[];
}

/** A line of plain text, optionally linked. Never markup: renderers escape it. */
export interface ReplyLine {
  text: string;
  url?: string;
}

export function line(text: string, url?: string): ReplyLine {
  return url ? { text, url } : { text };
}

/**
 * Lines a long listing gives a chat answer at most. Slack takes 50 blocks a message: at thousands
 * of sources a full list filled them and cut off the sections after it (issue 24).
 */
export const CHAT_LIST_LINES = 50;

/**
 * A line for every item on the CLI; for chat the first `CHAT_LIST_LINES`, then one line counting
 * the rest. Only the items shown are rendered: at 100,000 sources the rest would be built to be dropped.
 */
export function listedFor<T>(
  cli: boolean,
  items: readonly T[],
  render: (item: T) => ReplyLine,
  rest: (more: number) => string,
): ReplyLine[] {
  if (cli || items.length <= CHAT_LIST_LINES) return items.map(render);
  return [...items.slice(0, CHAT_LIST_LINES).map(render), line(rest(items.length - CHAT_LIST_LINES))];
}

export function reply(
  title: string,
  sections: ReplySection[],
  options: Partial<Pick<Reply, 'visibility' | 'data' | 'code'>> = {},
): Reply {
  return {
    visibility: options.visibility ?? 'ephemeral',
    title,
    sections,
    refused: options.code ? true : undefined,
    data: options.data,
    ...(options.code ? { code: options.code } : {}),
  };
}

/** Renders a reply as terminal text (the CLI, the console, tests). */
export function replyToText(answer: Reply): string {
  const out = [answer.title];
  for (const section of answer.sections) {
    out.push('');
    if (section.heading) out.push(`${section.heading}:`);
    for (const entry of section.lines) out.push(`  ${entry.text}${entry.url ? `  <${entry.url}>` : ''}`);
  }
  if (answer.code) out.push('', `code: ${answer.code}`);
  return `${out.join('\n')}\n`;
}
