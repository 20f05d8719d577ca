import type { Notifier } from '../../domain/notifier.js';
import { type PostOptions, postJson } from '../webhook/post-json.js';
import { alertEmbed, noticeEmbed } from './alert-embed.js';
import { digestEmbed } from './digest-embed.js';

/** `wait=true` makes Discord answer with the created message, whose id we keep. */
function withWait(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('wait', 'true');
  return parsed.toString();
}

/**
 * Discord webhooks: one embed per alert, mentions never parsed. A webhook cannot reply to a
 * message, so a later stage of a bill says "Update on ..." in its content instead.
 */
export function createDiscordWebhookNotifier(options: PostOptions = {}): Notifier {
  return {
    async send(alert, channel, replyTo) {
      if (!channel.url) return { status: 'rejected', reason: 'discord-webhook channel has no url' };
      const { outcome, body } = await postJson(
        withWait(channel.url),
        alertEmbed(alert, { update: Boolean(replyTo) }),
        options,
      );
      if (outcome.status !== 'delivered') return outcome;
      const id = (body as { id?: unknown } | undefined)?.id;
      return { status: 'delivered', ref: { platform: 'discord-webhook', id: typeof id === 'string' ? id : alert.id } };
    },
    async notify(notice, channel) {
      if (!channel.url) return { status: 'rejected', reason: 'discord-webhook channel has no url' };
      return (await postJson(withWait(channel.url), noticeEmbed(notice), options)).outcome;
    },
    async digest(digest, channel) {
      if (!channel.url) return { status: 'rejected', reason: 'discord-webhook channel has no url' };
      const { outcome, body } = await postJson(withWait(channel.url), digestEmbed(digest), options);
      if (outcome.status !== 'delivered') return outcome;
      const id = (body as { id?: unknown } | undefined)?.id;
      return { status: 'delivered', ref: { platform: 'discord-webhook', id: typeof id === 'string' ? id : digest.id } };
    },
  };
}
