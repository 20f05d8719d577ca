import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { CommandRouter } from '../../commands/command-router.js';
import type { CommandContext } from '../../commands/command.js';
import { line, reply, type Reply } from '../../commands/reply.js';
import { tokenize } from '../../commands/tokenize.js';
import { tenantKey } from '../../domain/tenancy.js';
import { errorMessage, isUserError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { replyBlocks } from './reply-blocks.js';
import type { AdminCheck } from './slack-admins.js';

export interface SlashCommandDeps {
  router: CommandRouter;
  admins: AdminCheck;
  channelFor: (type: 'slack', platformChannelId: string) => Promise<string | undefined>;
  logger: Logger;
}

/** The parts of Slack's slash-command payload banwatch reads. */
export interface SlashCommandPayload {
  text?: string;
  user_id: string;
  user_name?: string;
  /** The workspace the command was typed in: the caller's tenant. */
  team_id?: string;
  channel_id: string;
  channel_name?: string;
}

/**
 * Turns a slash command into a router call: the text split into words, the asker as an Actor
 * (admin per users.info or the config), the channel as banwatch knows it. Never throws: a
 * failure to find out who or where becomes a short apology, like the router's own bugs.
 */
export async function answerCommand(command: SlashCommandPayload, deps: SlashCommandDeps): Promise<Reply> {
  let args: string[];
  try {
    args = tokenize(command.text ?? '');
  } catch (error) {
    if (isUserError(error)) return deps.router.help(undefined, { text: error.message, code: error.code });
    throw error;
  }
  try {
    const [channelId, isAdmin] = await Promise.all([
      deps.channelFor('slack', command.channel_id),
      deps.admins.isAdmin(command.user_id),
    ]);
    const context: CommandContext = {
      actor: {
        platform: 'slack',
        id: command.user_id,
        isAdmin,
        operator: deps.admins.isOperator?.(command.user_id) ?? false,
        ...(command.team_id ? { tenant: tenantKey('slack', command.team_id) } : {}),
        ...(command.user_name ? { name: command.user_name } : {}),
      },
      channelId,
      place: {
        type: 'slack',
        channel: command.channel_id,
        ...(command.channel_name ? { name: command.channel_name } : {}),
      },
    };
    return await deps.router.handle(args, context);
  } catch (error) {
    deps.logger.error({ err: error, userId: command.user_id }, `Slack command could not run: ${errorMessage(error)}`);
    return reply(
      'Something went wrong',
      [{ lines: [line('banwatch could not answer just now. Try again shortly.')] }],
      { code: 'INTERNAL' },
    );
  }
}

/**
 * The Bolt listener for `/banwatch`: acknowledges at once (Slack gives up after 3 s), then
 * answers through `respond` — ephemeral for lookups, in the channel for admin changes, as the
 * router's Reply says.
 */
export function slashCommandListener(deps: SlashCommandDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const started = Date.now();
    const answer = await answerCommand(command, deps);
    try {
      await respond(replyBlocks(answer));
    } catch (error) {
      deps.logger.warn(
        { userId: command.user_id, error: errorMessage(error) },
        'could not answer a Slack command through response_url',
      );
      return;
    }
    const word = (command.text ?? '').trim().split(/\s+/)[0]?.toLowerCase().slice(0, 20) || 'help';
    deps.logger.info(
      {
        userId: command.user_id,
        slackChannel: command.channel_id,
        command: word,
        refused: Boolean(answer.refused),
        ms: Date.now() - started,
      },
      'Slack command answered',
    );
  };
}
