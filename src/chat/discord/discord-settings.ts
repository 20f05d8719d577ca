import type { ChatPlatformDeps } from '../platform.js';

/**
 * What the Discord adapter needs from the environment. Structurally the same as the config's
 * `DiscordSettings`, declared here because chat code may not import src/config.
 */
export interface DiscordOptions {
  /** The bot token (a secret: never logged). */
  token: string;
  applicationId: string;
  /** Hex Ed25519 key: commands arrive at POST /discord/interactions when set, over the gateway otherwise. */
  publicKey?: string;
  /** REST base URL without the version, e.g. `http://127.0.0.1:PORT/api`; Discord's own when unset. */
  apiUrl?: string;
}

export interface DiscordPlatformDeps extends ChatPlatformDeps {
  /** Discord user ids that may run admin commands wherever they are, besides members with Manage Server. */
  admins?: readonly string[];
}

export const DISCORD_API_URL = 'https://discord.com/api';
export const INTERACTIONS_PATH = '/discord/interactions';
