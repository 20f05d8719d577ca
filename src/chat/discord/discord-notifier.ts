import { DiscordAPIError, type REST } from '@discordjs/rest';
import { type RESTPostAPIChannelMessageResult, Routes } from 'discord-api-types/v10';
import type { MessageRef } from '../../domain/alert.js';
import type { Channel } from '../../domain/channel.js';
import { digestTitle } from '../../domain/digest.js';
import type { DeliveryOutcome, Notifier } from '../../domain/notifier.js';
import { pingsFor } from '../../domain/mention-rule.js';
import { triageRef } from '../../domain/triage.js';
import { alertEmbed, type DiscordMessage, noticeEmbed } from './alert-embed.js';
import { type ChannelShape, channelShapes } from './discord-channel-kind.js';
import { digestEmbed } from './digest-embed.js';
import { sortDiscordFailure } from './discord-failure.js';
import { postName } from './discord-post-name.js';
import { openPost, postInThread } from './discord-threads.js';

/** Discord channel ids are snowflakes; anything else would only earn a 404 (or worse, a path). */
const SNOWFLAKE = /^\d{15,22}$/;

/** What a refusal needs added so an operator knows which permission to grant where. */
const PERMISSION_HINT: Partial<Record<ChannelShape['kind'], string>> = {
  forum: 'in a forum channel banwatch needs View Channel, Send Messages (to open posts) and Send Messages in Threads',
  thread: 'in a thread banwatch needs View Channel and Send Messages in Threads, and the thread must not be locked',
};

/**
 * Posts to `discord` channels through the bot's REST client: one embed per message, mentions
 * never parsed. The channel's type is asked once (GET /channels/{id}) and decides the way:
 * - text and announcement channels, and threads (types 10-12) named directly: a message in the
 *   channel; a later stage of the same bill or rule replies to the first alert (when that message
 *   is gone, Discord posts it as a plain message: `fail_if_not_exists: false`);
 * - forum and media channels (15, 16): each story opens a post (named after the bill or rule, or
 *   the headline), and later stages of the same story are messages in that post. The post is the
 *   story's first message ref, kept in the ThreadStore like Slack threads. A post that was archived
 *   is reopened; one that was deleted, locked or cannot be reopened is replaced by a new post,
 *   which later stages then follow (`newThread`).
 */
export function createDiscordNotifier(rest: REST, options: { token?: string } = {}): Notifier {
  const shapes = channelShapes(rest);

  async function deliver(
    channel: Channel,
    message: DiscordMessage,
    story: { name: string; replyTo?: MessageRef },
  ): Promise<DeliveryOutcome> {
    const target = channel.channel;
    if (!target || !SNOWFLAKE.test(target))
      return { status: 'rejected', reason: `discord channel "${channel.id}" has no valid channel id` };
    // The client forgets its token after any 401; without this, one bad answer would fail every later alert.
    if (options.token) rest.setToken(options.token);
    let shape: ChannelShape | undefined;
    try {
      shape = await shapes.get(target);
      if (shape.kind === 'forum') return await intoForum(target, shape, message, story);
      return await intoChannel(target, message, story.replyTo, shape.kind === 'thread');
    } catch (error) {
      const outcome = sortDiscordFailure(error);
      if (outcome.status !== 'rejected') return outcome;
      shapes.forget(target);
      const hint = shape && PERMISSION_HINT[shape.kind];
      if (!hint || !(error instanceof DiscordAPIError && error.status === 403)) return outcome;
      return { status: 'rejected', reason: `${outcome.reason} (${hint})` };
    }
  }

  async function intoChannel(
    target: string,
    message: DiscordMessage,
    replyTo: MessageRef | undefined,
    thread: boolean,
  ): Promise<DeliveryOutcome> {
    // A reply only makes sense to a message of this bot in this same channel.
    if (replyTo?.platform === 'discord' && replyTo.id && (!replyTo.channel || replyTo.channel === target))
      message.message_reference = { message_id: replyTo.id, fail_if_not_exists: false };
    if (thread) {
      const created = await postInThread(rest, target, message);
      if (created === 'closed') return { status: 'rejected', reason: closedReason(target) };
      return delivered(created, target);
    }
    const created = (await rest.post(Routes.channelMessages(target), {
      body: message,
    })) as RESTPostAPIChannelMessageResult;
    return delivered(created, target);
  }

  async function intoForum(
    forumId: string,
    shape: ChannelShape,
    message: DiscordMessage,
    story: { name: string; replyTo?: MessageRef },
  ): Promise<DeliveryOutcome> {
    const post = story.replyTo?.platform === 'discord' ? story.replyTo.channel : undefined;
    if (post && post !== forumId) {
      const created = await postInThread(rest, post, message);
      if (created !== 'closed') return delivered(created, post);
    }
    const opened = await openPost(rest, forumId, { name: story.name, tag: shape.tag, message });
    return { status: 'delivered', ref: { platform: 'discord', ...opened }, ...(post ? { newThread: true } : {}) };
  }

  return {
    send(alert, channel, replyTo) {
      const message = alertEmbed(alert, {
        update: Boolean(replyTo),
        pings: pingsFor(channel.mentions, alert, 'discord'),
        triageRef: triageRef(alert),
      });
      return deliver(channel, message, { name: postName(alert), replyTo });
    },
    notify(notice, channel) {
      return deliver(channel, noticeEmbed(notice), { name: postName({ title: notice.title }) });
    },
    digest(digest, channel) {
      // In a forum channel each digest opens a post of its own, named after it.
      return deliver(channel, digestEmbed(digest), { name: postName({ title: digestTitle(digest) }) });
    },
  };
}

function delivered(created: RESTPostAPIChannelMessageResult, target: string): DeliveryOutcome {
  return { status: 'delivered', ref: { platform: 'discord', id: created.id, channel: created.channel_id ?? target } };
}

function closedReason(threadId: string): string {
  return `Discord thread ${threadId} is deleted, locked or archived and could not be reopened`;
}
