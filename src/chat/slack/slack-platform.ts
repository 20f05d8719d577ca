import { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { BanwatchError, errorMessage } from '../../shared/errors.js';
import { soleLeadership, type LeadershipTerm } from '../../domain/leadership.js';
import type { ChatPlatform, ChatPlatformDeps } from '../platform.js';
import { boltLogger } from './bolt-logger.js';
import { createSlackWebClient, slackClientOptions } from './slack-client.js';
import { createAdminCheck } from './slack-admins.js';
import { createSlackConnection, type SlackConnection } from './slack-connection.js';
import { slackErrorCode } from './slack-failure.js';
import { createSlackNotifier } from './slack-notifier.js';
import { slashCommandListener } from './slash-command.js';
import { appHomeListener } from './app-home.js';
import { TRIAGE_ACTION_PREFIX } from './triage-blocks.js';
import { triageActionListener } from './triage-action.js';
import { tenantKey } from '../../domain/tenancy.js';

/** The leadership role of the instance connected over Socket Mode. */
export const SOCKET_ROLE = 'chat-gateway:slack';

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
  const connect = () => createSlackConnection(settings, { clock: deps.clock, logger });
  // HTTP mode serves /slack/events from the start; Socket Mode opens a socket per leadership term.
  const http = settings.appToken ? undefined : connect();
  const admins = createAdminCheck({ client, admins: deps.admins, clock: deps.clock, logger });
  const listener = slashCommandListener({ router: deps.router, admins, channelFor: deps.channelFor, logger });
  let socket: SlackConnection | undefined;
  let term: LeadershipTerm | undefined;

  async function startApp(connection: SlackConnection, identity: Identity): Promise<void> {
    // Built only now, with the bot's ids known, so Bolt makes no auth.test of its own.
    const app = new App({
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
    if (deps.triage)
      app.action(
        new RegExp(`^${TRIAGE_ACTION_PREFIX}`),
        triageActionListener({ triage: deps.triage, admins, client, channelFor: deps.channelFor, logger }),
      );
    if (deps.overview)
      app.event(
        'app_home_opened',
        appHomeListener({
          client,
          overview: deps.overview,
          installTenant: () => (identity.teamId ? tenantKey('slack', identity.teamId) : undefined),
          logger,
        }),
      );
    await app.start();
    logger.info(
      { team: identity.team, bot: identity.user, mode: connection.mode },
      `Slack connected (${connection.mode === 'socket' ? 'Socket Mode' : 'HTTP'})`,
    );
  }

  return {
    name: 'slack',
    notifier: createSlackNotifier({ client, logger }),
    routes: http?.routes ?? [],
    async start() {
      const identity = await whoAmI(client);
      if (http) return startApp(http, identity);
      // Slack hands each event to one of an app's open sockets, so a second instance's socket would
      // not answer twice, but it would split commands across instances that may be shutting down;
      // one holder keeps the behaviour of one process and matches the Discord gateway.
      term = await (deps.leadership ?? soleLeadership).hold(SOCKET_ROLE, {
        async lead() {
          const connection = connect();
          socket = connection;
          try {
            await startApp(connection, identity);
          } catch (error) {
            socket = undefined;
            await connection.close();
            throw error;
          }
        },
        async lose() {
          const connection = socket;
          socket = undefined;
          await connection?.close();
        },
      });
    },
    async stop() {
      await term?.release();
      await http?.close();
    },
  };
}

interface Identity {
  userId: string;
  botId: string;
  user?: string;
  team?: string;
  teamId?: string;
}

async function whoAmI(client: Pick<WebClient, 'auth'>): Promise<Identity> {
  try {
    const result = await client.auth.test();
    if (!result.user_id || !result.bot_id)
      throw new BanwatchError(
        'SLACK_AUTH',
        'SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot id); use the xoxb- token',
      );
    return {
      userId: result.user_id,
      botId: result.bot_id,
      user: result.user,
      team: result.team,
      ...(result.team_id ? { teamId: result.team_id } : {}),
    };
  } catch (error) {
    if (error instanceof BanwatchError) throw error;
    const code = slackErrorCode(error);
    const message = code
      ? `Slack refused SLACK_BOT_TOKEN (${code})`
      : `could not reach the Slack API to check SLACK_BOT_TOKEN: ${errorMessage(error)}`;
    throw new BanwatchError('SLACK_AUTH', message, { cause: error });
  }
}
