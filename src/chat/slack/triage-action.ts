import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { TriageOutcome, TriageService } from '../../commands/triage-service.js';
import { tenantKey } from '../../domain/tenancy.js';
import { errorMessage } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { AdminCheck } from './slack-admins.js';
import { slackErrorCode } from './slack-failure.js';
import { escapedWithin } from './slack-text.js';
import { triageActionOf, withTriageState } from './triage-blocks.js';

export interface TriageActionDeps {
  triage: TriageService;
  admins: AdminCheck;
  client: Pick<WebClient, 'chat'>;
  channelFor: (type: 'slack', platformChannelId: string) => Promise<string | undefined>;
  logger: Logger;
}

/**
 * The Bolt listener for the alert buttons (block_actions), in Socket Mode and over HTTP alike
 * (the HTTP receiver verified the signature and refused a replay before Bolt saw it). It only
 * translates: the press goes to the triage service, an applied verdict is shown on the message
 * with chat.update, and a refusal or suggestion goes to the presser alone through response_url.
 */
export function triageActionListener(deps: TriageActionDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) return;
    const press: BlockAction = body;
    const kind = triageActionOf(action.action_id);
    const platformChannel = press.channel?.id;
    const message = press.message;
    if (!kind || !platformChannel || !message || typeof action.value !== 'string') return;
    const user = press.user;
    const team = user.team_id ?? press.team?.id;
    let outcome: TriageOutcome;
    try {
      outcome = await deps.triage.press({
        action: kind,
        ref: action.value.slice(0, 64),
        actor: {
          platform: 'slack',
          id: user.id,
          // Only a mute needs to know; the others spare users.info.
          isAdmin: kind === 'mute' ? await deps.admins.isAdmin(user.id) : false,
          operator: deps.admins.isOperator?.(user.id) ?? false,
          ...(team ? { tenant: tenantKey('slack', team) } : {}),
          name: user.name ?? user.username,
        },
        channelId: await deps.channelFor('slack', platformChannel),
        place: { type: 'slack', channel: platformChannel },
      });
    } catch (error) {
      deps.logger.error({ err: error, userId: user.id }, `Slack triage press failed: ${errorMessage(error)}`);
      outcome = { status: 'refused', lines: [], note: 'banwatch could not record this just now. Try again shortly.' };
    }
    deps.logger.info(
      { userId: user.id, slackChannel: platformChannel, action: kind, status: outcome.status, code: outcome.code },
      'Slack triage press',
    );
    if (outcome.status === 'applied') {
      try {
        await deps.client.chat.update({
          channel: platformChannel,
          ts: message.ts,
          text: typeof message.text === 'string' ? message.text : 'banwatch alert',
          blocks: withTriageState(Array.isArray(message.blocks) ? message.blocks : [], outcome.lines) as never,
        });
      } catch (error) {
        deps.logger.warn(
          { slackChannel: platformChannel, error: slackErrorCode(error) ?? errorMessage(error) },
          'could not show a triage verdict on its Slack message',
        );
      }
    }
    if (outcome.note) {
      const text = escapedWithin(outcome.code ? `${outcome.note} (${outcome.code})` : outcome.note, 2_000);
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch((error: unknown) =>
        deps.logger.warn({ error: errorMessage(error) }, 'could not answer a Slack triage press'),
      );
    }
  };
}
