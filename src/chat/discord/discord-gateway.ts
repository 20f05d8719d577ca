import { Client } from 'discord.js';
import { GatewayDispatchEvents, GatewayIntentBits } from 'discord-api-types/v10';
import { BanwatchError, errorMessage } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { REST_TIMEOUT_MS } from './discord-rest.js';
import { DISCORD_API_URL, type DiscordOptions } from './discord-settings.js';

/** A connection that receives interactions (the gateway); injected so tests can use their own. */
export interface DiscordGateway {
  /** Connects; resolves once Discord has said READY. `onInteraction` gets each raw INTERACTION_CREATE. */
  start(onInteraction: (payload: unknown) => void): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The gateway through discord.js, with the Guilds intent only: slash commands arrive as
 * interactions, which need no privileged intent, and banwatch never reads messages. The raw
 * payload is taken so that the gateway and the HTTP endpoint share one code path; answers and
 * posts go through banwatch's own REST client, never through this one.
 */
export function createDiscordJsGateway(options: DiscordOptions, logger: Logger): DiscordGateway {
  let client: Client | undefined;
  return {
    async start(onInteraction) {
      const connection = new Client({
        intents: [GatewayIntentBits.Guilds],
        rest: { api: options.apiUrl ?? DISCORD_API_URL, timeout: REST_TIMEOUT_MS },
        allowedMentions: { parse: [] },
      });
      connection.on('error', (error) => logger.error({ err: error }, `discord gateway error: ${errorMessage(error)}`));
      connection.on('warn', (message) => logger.warn(`discord gateway: ${message}`));
      connection.on('shardDisconnect', (event, shardId) =>
        logger.warn({ shardId, code: event.code }, 'discord gateway disconnected; reconnecting'),
      );
      connection.ws.on(GatewayDispatchEvents.InteractionCreate, (data: unknown) => onInteraction(data));
      client = connection;
      try {
        await connection.login(options.token);
      } catch (error) {
        client = undefined;
        await connection.destroy();
        throw new BanwatchError('DISCORD_GATEWAY', `could not connect to the Discord gateway: ${errorMessage(error)}`, {
          cause: error,
        });
      }
      logger.info({ user: connection.user?.tag }, 'discord gateway connected');
    },
    async stop() {
      const connection = client;
      client = undefined;
      await connection?.destroy();
    },
  };
}
