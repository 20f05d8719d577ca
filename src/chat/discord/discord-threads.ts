import { DiscordAPIError, type REST } from '@discordjs/rest';
import {
  type APIMessage,
  type APIThreadChannel,
  RESTJSONErrorCodes,
  type RESTPostAPIChannelMessageResult,
  Routes,
} from 'discord-api-types/v10';
import type { DiscordMessage } from './alert-embed.js';
import { sortDiscordFailure } from './discord-failure.js';

/** Opens a post in a forum (or media) channel with `message` as its first message. */
export async function openPost(
  rest: REST,
  forumId: string,
  post: { name: string; tag?: string; message: DiscordMessage },
): Promise<{ id: string; channel: string }> {
  const thread = (await rest.post(Routes.threads(forumId), {
    body: {
      name: post.name,
      message: post.message,
      ...(post.tag ? { applied_tags: [post.tag] } : {}),
    },
  })) as APIThreadChannel & { message?: APIMessage };
  // A post's first message has the post's id; Discord returns it as `message` too.
  return { id: thread.message?.id ?? thread.id, channel: thread.id };
}

/**
 * Posts into a thread. An archived thread (50083) is reopened (PATCH archived: false, which
 * Send Messages in Threads allows unless it is locked) and the message sent once more. Returns
 * `closed` when the thread is gone or cannot be reopened: deleted (10003), locked (160005), or
 * the reopening was refused. Other failures are thrown for sortDiscordFailure.
 */
export async function postInThread(
  rest: REST,
  threadId: string,
  message: DiscordMessage,
): Promise<RESTPostAPIChannelMessageResult | 'closed'> {
  const send = () =>
    rest.post(Routes.channelMessages(threadId), { body: message }) as Promise<RESTPostAPIChannelMessageResult>;
  try {
    return await send();
  } catch (error) {
    const code = codeOf(error);
    if (code === RESTJSONErrorCodes.UnknownChannel || code === RESTJSONErrorCodes.ThreadLocked) return 'closed';
    if (code !== RESTJSONErrorCodes.InvalidActionOnArchivedThread) throw error;
  }
  try {
    await rest.patch(Routes.channel(threadId), { body: { archived: false } });
  } catch (error) {
    if (sortDiscordFailure(error).status === 'rejected') return 'closed';
    throw error;
  }
  try {
    return await send();
  } catch (error) {
    if (codeOf(error) === RESTJSONErrorCodes.InvalidActionOnArchivedThread) return 'closed';
    throw error;
  }
}

function codeOf(error: unknown): number | undefined {
  return error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined;
}
