import type { DeliveryOutcome, Notifier } from '../../domain/notifier.js';
import { type PostOptions, type PostResult, postJson, webhookGone } from '../webhook/post-json.js';
import { alertBlocks, noticeBlocks } from './alert-blocks.js';
import { digestBlocks } from './digest-blocks.js';

/**
 * Slack's answers that concern the webhook rather than the message: 404 `no_service` (removed),
 * `team_disabled` and `channel_not_found`, 403 `invalid_token` and `action_prohibited`, 410
 * `channel_is_archived`. A 400 (`invalid_payload`, `too_many_attachments`) is this message's.
 */
const WEBHOOK_STATUSES = new Set([401, 403, 404, 410]);

function sorted({ outcome, httpStatus }: PostResult): DeliveryOutcome {
  if (outcome.status === 'rejected' && httpStatus !== undefined && WEBHOOK_STATUSES.has(httpStatus))
    return webhookGone(outcome.reason);
  return outcome;
}

/**
 * Slack incoming webhooks: Block Kit with a plain fallback, no link unfurling. A webhook
 * cannot thread, so a later stage of a bill is posted as a visible "Update:" message.
 */
export function createSlackWebhookNotifier(options: PostOptions = {}): Notifier {
  return {
    async send(alert, channel, replyTo) {
      if (!channel.url) return { status: 'rejected', reason: 'slack-webhook channel has no url' };
      const message = alertBlocks(alert, { update: Boolean(replyTo) });
      const outcome = sorted(
        await postJson(channel.url, { ...message, unfurl_links: false, unfurl_media: false }, options),
      );
      return outcome.status === 'delivered'
        ? { status: 'delivered', ref: { platform: 'slack-webhook', id: alert.id } }
        : outcome;
    },
    async notify(notice, channel) {
      if (!channel.url) return { status: 'rejected', reason: 'slack-webhook channel has no url' };
      return sorted(await postJson(channel.url, { ...noticeBlocks(notice), unfurl_links: false }, options));
    },
    async digest(digest, channel) {
      if (!channel.url) return { status: 'rejected', reason: 'slack-webhook channel has no url' };
      const message = { ...digestBlocks(digest), unfurl_links: false, unfurl_media: false };
      const outcome = sorted(await postJson(channel.url, message, options));
      return outcome.status === 'delivered'
        ? { status: 'delivered', ref: { platform: 'slack-webhook', id: digest.id } }
        : outcome;
    },
  };
}
