import type { Notifier } from '../../domain/notifier.js';
import { type PostOptions, postJson } from '../webhook/post-json.js';
import { alertBlocks, noticeBlocks } from './alert-blocks.js';
import { digestBlocks } from './digest-blocks.js';

/**
 * Slack incoming webhooks: Block Kit with a plain fallback, no link unfurling. A webhook
 * cannot thread, so a later stage of a bill is posted as a visible "Update:" message.
 */
export function createSlackWebhookNotifier(options: PostOptions = {}): Notifier {
  return {
    async send(alert, channel, replyTo) {
      if (!channel.url) return { status: 'rejected', reason: 'slack-webhook channel has no url' };
      const message = alertBlocks(alert, { update: Boolean(replyTo) });
      const { outcome } = await postJson(
        channel.url,
        { ...message, unfurl_links: false, unfurl_media: false },
        options,
      );
      return outcome.status === 'delivered'
        ? { status: 'delivered', ref: { platform: 'slack-webhook', id: alert.id } }
        : outcome;
    },
    async notify(notice, channel) {
      if (!channel.url) return { status: 'rejected', reason: 'slack-webhook channel has no url' };
      return (await postJson(channel.url, { ...noticeBlocks(notice), unfurl_links: false }, options)).outcome;
    },
    async digest(digest, channel) {
      if (!channel.url) return { status: 'rejected', reason: 'slack-webhook channel has no url' };
      const message = { ...digestBlocks(digest), unfurl_links: false, unfurl_media: false };
      const { outcome } = await postJson(channel.url, message, options);
      return outcome.status === 'delivered'
        ? { status: 'delivered', ref: { platform: 'slack-webhook', id: digest.id } }
        : outcome;
    },
  };
}
