import type { MessageRef } from '../../domain/alert.js';
import { digestTitle } from '../../domain/digest.js';
import type { DeliveryOutcome, Notifier } from '../../domain/notifier.js';
import { type PostOptions, postJson, webhookGone } from '../webhook/post-json.js';
import { alertEmbed, noticeEmbed, type DiscordMessage } from './alert-embed.js';
import { digestEmbed } from './digest-embed.js';
import { postName } from './discord-post-name.js';

/**
 * Discord's JSON error codes (named as in discord-api-types), written out so this file, loaded
 * by every command that delivers, does not load that module.
 */
const FORUM_NEEDS_THREAD = 220001; // WebhooksPostedToForumChannelsMustHaveAThreadNameOrThreadId
const UNKNOWN_CHANNEL = 10003; // UnknownChannel
const TAG_REQUIRED = 40067; // TagRequiredToCreateAForumPostInThisChannel
/** The webhook is gone: deleted (UnknownWebhook), or its token no longer valid (InvalidWebhookToken). */
const WEBHOOK_GONE = new Set([10015, 50027]);

/** Where a webhook post goes: the webhook's channel, a new forum post, or an existing thread. */
type Target = { kind: 'channel' } | { kind: 'new-post'; name: string } | { kind: 'thread'; id: string };

/** `wait=true` makes Discord answer with the created message, whose id we keep; `thread_id` posts into a thread. */
function executeUrl(url: string, threadId?: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('wait', 'true');
  if (threadId) parsed.searchParams.set('thread_id', threadId);
  return parsed.toString();
}

function errorCode(body: unknown): number | undefined {
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

const FORUM_NEEDS_A_TAG =
  "the forum requires a tag on every post, and a webhook cannot choose one: make the forum's tags optional, or post with the banwatch bot";

/**
 * Discord webhooks: one embed per alert, mentions never parsed. A webhook cannot reply to a
 * message, so a later stage of a bill says "Update on ..." in its content instead.
 *
 * A webhook of a forum (or media) channel must open a post per message (`thread_name`) or write
 * into one (`thread_id`); Discord refuses anything else (code 220001), which made every alert to
 * such a webhook a dead letter. The first refusal teaches the notifier that the webhook is a
 * forum's (remembered for the process), and the alert is sent again as a post named like the
 * bot's forum posts; a bill's later stages go into the post its first stage opened, and a post
 * since deleted is replaced by a new one.
 */
export function createDiscordWebhookNotifier(options: PostOptions = {}): Notifier {
  const forums = new Set<string>();

  const post = async (url: string, message: DiscordMessage, target: Target) => {
    const body = target.kind === 'new-post' ? { ...message, thread_name: target.name } : message;
    return postJson(executeUrl(url, target.kind === 'thread' ? target.id : undefined), body, options);
  };

  /** Posts `message`, as a forum post named `name` when the webhook is a forum's; into `thread` when given. */
  const deliver = async (
    url: string,
    message: DiscordMessage,
    name: string,
    fallbackId: string,
    thread?: string,
  ): Promise<DeliveryOutcome> => {
    const inForum: Target = thread ? { kind: 'thread', id: thread } : { kind: 'new-post', name };
    let target: Target = forums.has(url) ? inForum : { kind: 'channel' };
    let { outcome, body } = await post(url, message, target);
    const refused = (code: number) => outcome.status === 'rejected' && errorCode(body) === code;
    // The webhook is a forum's: learnt from Discord's refusal (each process learns it once).
    if (target.kind === 'channel' && refused(FORUM_NEEDS_THREAD)) {
      forums.add(url);
      target = inForum;
      ({ outcome, body } = await post(url, message, target));
    }
    // The story's post was deleted: a new post, which later stages follow.
    const newThread = target.kind === 'thread' && refused(UNKNOWN_CHANNEL);
    if (newThread) {
      target = { kind: 'new-post', name };
      ({ outcome, body } = await post(url, message, target));
    }
    if (outcome.status === 'rejected' && errorCode(body) === TAG_REQUIRED)
      return { status: 'rejected', reason: `${outcome.reason} (${FORUM_NEEDS_A_TAG})` };
    if (outcome.status === 'rejected' && WEBHOOK_GONE.has(errorCode(body) ?? 0)) return webhookGone(outcome.reason);
    if (outcome.status !== 'delivered') return outcome;
    const answer = body as { id?: unknown; channel_id?: unknown } | undefined;
    const ref: MessageRef = {
      platform: 'discord-webhook',
      id: typeof answer?.id === 'string' ? answer.id : fallbackId,
    };
    // In a forum the message's channel is its post: the thread a later stage is written into.
    if (target.kind !== 'channel' && typeof answer?.channel_id === 'string') ref.channel = answer.channel_id;
    return { status: 'delivered', ref, ...(newThread ? { newThread: true } : {}) };
  };

  return {
    async send(alert, channel, replyTo) {
      if (!channel.url) return { status: 'rejected', reason: 'discord-webhook channel has no url' };
      return deliver(
        channel.url,
        alertEmbed(alert, { update: Boolean(replyTo) }),
        postName(alert),
        alert.id,
        replyTo?.channel,
      );
    },
    async notify(notice, channel) {
      if (!channel.url) return { status: 'rejected', reason: 'discord-webhook channel has no url' };
      const outcome = await deliver(channel.url, noticeEmbed(notice), postName({ title: notice.title }), notice.id);
      return outcome.status === 'delivered' ? { status: 'delivered' } : outcome;
    },
    async digest(digest, channel) {
      if (!channel.url) return { status: 'rejected', reason: 'discord-webhook channel has no url' };
      return deliver(channel.url, digestEmbed(digest), postName({ title: digestTitle(digest) }), digest.id);
    },
  };
}
