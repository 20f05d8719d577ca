import { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { BanwatchError, errorMessage } from '../../shared/errors.js';
import type { ChatPlatform, ChatPlatformDeps } from '../platform.js';
import { boltLogger } from './bolt-logger.js';
import { createSlackWebClient, slackClientOptions } from './slack-client.js';
import { createAdminCheck } from './slack-admins.js';
import { createSlackConnection } from './slack-connection.js';
import { slackErrorCode } from './slack-failure.js';
import { createSlackNotifier } from './slack-notifier.js';
import { slashCommandListener } from './slash-command.js';

/** What the environment gives the Slack app (same shape as the config's SlackSettings). */
export interface SlackPlatformSettings {
  botToken: string;
  /** Socket Mode when set (no public URL needed). */
  appToken?: string;
  /** HTTP mode: requests to /slack/events are verified with it. */
  signingSecret?: string;
  /** Web API base URL override (proxies, tests). */
  apiUrl?: string;
}

export interface SlackPlatformDeps extends ChatPlatformDeps {
  /** Slack user ids that are banwatch admins besides workspace admins and owners. */
  admins: readonly string[];
  /** The bot's Web API client; built from the settings when not given. */
  client?: WebClient;
}

/**
 * The Slack app: alerts posted as Block Kit by the bot, and `/banwatch` answered through the
 * CommandRouter, over Socket Mode or signed HTTP requests. Nothing is sent to Slack until
 * start(), which checks the bot token with auth.test and fails with a clear error if Slack
 * refuses it.
 */
export function createSlackPlatform(settings: SlackPlatformSettings, deps: SlackPlatformDeps): ChatPlatform {
  const logger = deps.logger.child({ platform: 'slack' });
  const client = deps.client ?? createSlackWebClient(settings.botToken, settings.apiUrl, logger);
  const connection = createSlackConnection(settings, { clock: deps.clock, logger });
  const admins = createAdminCheck({ client, admins: deps.admins, clock: deps.clock, logger });
  const listener = slashCommandListener({ router: deps.router, admins, channelFor: deps.channelFor, logger });
  let app: App | undefined;

  return {
    name: 'slack',
    notifier: createSlackNotifier({ client, logger }),
    routes: connection.routes,
    async start() {
      const identity = await whoAmI(client);
      // Built only now, with the bot's ids known, so Bolt makes no auth.test of its own.
      app = new App({
        token: settings.botToken,
        botId: identity.botId,
        botUserId: identity.userId,
        tokenVerificationEnabled: false,
        receiver: connection.receiver,
        logger: boltLogger(logger, 'bolt'),
        clientOptions: slackClientOptions(settings.apiUrl, logger, { retryConfig: { retries: 2 } }),
        convoStore: false,
      });
      app.error(async (error) => {
        logger.error({ err: error }, `Slack listener failed: ${errorMessage(error)}`);
      });
      app.command(/^\/.+/, listener);
      await app.start();
      logger.info(
        { team: identity.team, bot: identity.user, mode: connection.mode },
        `Slack connected (${connection.mode === 'socket' ? 'Socket Mode' : 'HTTP'})`,
      );
    },
    async stop() {
      await connection.close();
    },
  };
}

interface Identity {
  userId: string;
  botId: string;
  user?: string;
  team?: string;
}

async function whoAmI(client: Pick<WebClient, 'auth'>): Promise<Identity> {
  try {
    const result = await client.auth.test();
    if (!result.user_id || !result.bot_id)
      throw new BanwatchError(
        'SLACK_AUTH',
        'SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot id); use the xoxb- token',
      );
    return { userId: result.user_id, botId: result.bot_id, user: result.user, team: result.team };
  } catch (error) {
    if (error instanceof BanwatchError) throw error;
    const code = slackErrorCode(error);
    const message = code
      ? `Slack refused SLACK_BOT_TOKEN (${code})`
      : `could not reach the Slack API to check SLACK_BOT_TOKEN: ${errorMessage(error)}`;
    throw new BanwatchError('SLACK_AUTH', message, { cause: error });
  }
}
