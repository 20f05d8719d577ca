import type { REST } from '@discordjs/rest';
import { type RESTPostAPIChannelMessageResult, Routes } from 'discord-api-types/v10';
import type { MessageRef } from '../../domain/alert.js';
import type { Channel } from '../../domain/channel.js';
import type { DeliveryOutcome, Notifier } from '../../domain/notifier.js';
import { alertEmbed, type DiscordMessage, noticeEmbed } from './alert-embed.js';
import { sortDiscordFailure } from './discord-failure.js';

/** Discord channel ids are snowflakes; anything else would only earn a 404 (or worse, a path). */
const SNOWFLAKE = /^\d{15,22}$/;

/**
 * Posts to `discord` channels through the bot's REST client: one embed per alert, mentions
 * never parsed. A later stage of the same bill or rule replies to the first alert; when that
 * message is gone, Discord posts it as a plain message (`fail_if_not_exists: false`).
 */
export function createDiscordNotifier(rest: REST, options: { token?: string } = {}): Notifier {
  async function post(channel: Channel, message: DiscordMessage): Promise<DeliveryOutcome> {
    const target = channel.channel;
    if (!target || !SNOWFLAKE.test(target))
      return { status: 'rejected', reason: `discord channel "${channel.id}" has no valid channel id` };
    // The client forgets its token after any 401; without this, one bad answer would fail every later alert.
    if (options.token) rest.setToken(options.token);
    try {
      const created = (await rest.post(Routes.channelMessages(target), {
        body: message,
      })) as RESTPostAPIChannelMessageResult;
      const ref: MessageRef = { platform: 'discord', id: created.id, channel: created.channel_id ?? target };
      return { status: 'delivered', ref };
    } catch (error) {
      return sortDiscordFailure(error);
    }
  }

  return {
    send(alert, channel, replyTo) {
      const message = alertEmbed(alert, { update: Boolean(replyTo) });
      // A reply only makes sense to a message of this bot in this same channel.
      const sameChannel =
        replyTo?.platform === 'discord' && replyTo.id && (!replyTo.channel || replyTo.channel === channel.channel);
      if (replyTo && sameChannel) message.message_reference = { message_id: replyTo.id, fail_if_not_exists: false };
      return post(channel, message);
    },
    notify(notice, channel) {
      return post(channel, noticeEmbed(notice));
    },
  };
}
