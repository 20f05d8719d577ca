import type { Alert } from '../../domain/alert.js';
import { truncate } from '../../domain/alert-text.js';
import { neutralizeMentions } from './discord-text.js';

// Apart from discord-threads.ts so the webhook notifier names forum posts without loading the
// bot's REST client (@discordjs/rest: 27 MB more resident memory in every poll --once).

/** Discord's limit for a thread's (a forum post's) name. */
const POST_NAME_MAX = 100;

/** What a new forum post is called: the bill or rule for a story, the headline for news. */
export function postName(alert: Pick<Alert, 'title' | 'thread'>): string {
  const thread = alert.thread;
  const text = thread ? `${thread.label}: ${thread.title ?? alert.title}` : alert.title;
  const name = neutralizeMentions(text).replace(/\s+/g, ' ').trim();
  return truncate(name || 'banwatch alert', POST_NAME_MAX);
}
