import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { Alert, MessageRef } from '../../domain/alert.js';
import type { Channel } from '../../domain/channel.js';
import type { DeliveryOutcome, Notifier } from '../../domain/notifier.js';
import { pingsFor } from '../../domain/mention-rule.js';
import { triageRef } from '../../domain/triage.js';
import type { Logger } from '../../shared/logger.js';
import { alertBlocks, noticeBlocks, type SlackMessage } from './alert-blocks.js';
import { digestBlocks } from './digest-blocks.js';
import { deliveryFailure, slackErrorCode, THREAD_ERRORS } from './slack-failure.js';

export interface SlackNotifierDeps {
  /** The bot's client: no built-in retries, rate limits rejected (see slack-client.ts). */
  client: Pick<WebClient, 'chat' | 'conversations'>;
  logger: Logger;
}

interface PostArgs {
  channel: string;
  text: string;
  blocks: unknown[];
  unfurl_links: false;
  unfurl_media: false;
  thread_ts?: string;
  reply_broadcast?: boolean;
}

/**
 * Posts alerts and notices to `slack` channels with chat.postMessage. A later stage of the
 * same bill or rule goes into the first alert's thread, and is broadcast to the channel when
 * it ends the story (enacted, final). Failures are sorted for the outbox (slack-failure.ts);
 * the only retries made here are the two Slack asks for: joining a public channel the bot is
 * not in yet, and posting on its own when the thread is gone.
 */
export function createSlackNotifier(deps: SlackNotifierDeps): Notifier {
  async function post(args: PostArgs): Promise<DeliveryOutcome> {
    let joined = false;
    let current = args;
    for (;;) {
      try {
        const result = await deps.client.chat.postMessage(current as ChatPostMessageArguments);
        const ref: MessageRef = { platform: 'slack', id: result.ts ?? '', channel: result.channel ?? current.channel };
        return { status: 'delivered', ref };
      } catch (error) {
        const code = slackErrorCode(error);
        if (code === 'not_in_channel' && !joined) {
          joined = true;
          const join = await joinChannel(current.channel);
          if (join) return join;
          continue;
        }
        if (code && THREAD_ERRORS.has(code) && current.thread_ts) {
          deps.logger.warn(
            { channel: current.channel, error: code },
            'Slack thread unavailable; posting the update on its own',
          );
          const { thread_ts: _thread, reply_broadcast: _broadcast, ...alone } = current;
          current = alone;
          continue;
        }
        return deliveryFailure(error);
      }
    }
  }

  /** Joins a public channel; undefined when it worked, else the outcome to report. */
  async function joinChannel(channel: string): Promise<DeliveryOutcome | undefined> {
    try {
      await deps.client.conversations.join({ channel });
      deps.logger.info({ channel }, 'joined Slack channel to post alerts');
      return undefined;
    } catch (error) {
      const code = slackErrorCode(error);
      if (!code) return deliveryFailure(error);
      // A private channel cannot be joined: only an invitation helps, so say so.
      return { status: 'rejected', reason: `not_in_channel (could not join: ${code}; invite the bot with /invite)` };
    }
  }

  function message(channel: string, content: SlackMessage): PostArgs {
    return { channel, text: content.text, blocks: content.blocks, unfurl_links: false, unfurl_media: false };
  }

  return {
    async send(alert: Alert, channel: Channel, replyTo?: MessageRef) {
      if (!channel.channel) return { status: 'rejected', reason: 'slack channel has no channel id' };
      const thread =
        replyTo?.platform === 'slack' && replyTo.id && (replyTo.channel ?? channel.channel) === channel.channel
          ? replyTo.id
          : undefined;
      const content = alertBlocks(alert, {
        update: Boolean(replyTo),
        pings: pingsFor(channel.mentions, alert, 'slack'),
        triageRef: triageRef(alert),
      });
      const args = message(channel.channel, content);
      if (thread)
        Object.assign(args, { thread_ts: thread, ...(alert.thread?.conclusive ? { reply_broadcast: true } : {}) });
      return post(args);
    },
    async notify(notice, channel) {
      if (!channel.channel) return { status: 'rejected', reason: 'slack channel has no channel id' };
      return post(message(channel.channel, noticeBlocks(notice)));
    },
    async digest(digest, channel) {
      if (!channel.channel) return { status: 'rejected', reason: 'slack channel has no channel id' };
      return post(message(channel.channel, digestBlocks(digest)));
    },
  };
}
