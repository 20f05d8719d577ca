import type { ChatPlatform, ChatPlatformDeps } from '../chat/platform.js';
import type { Config } from '../config/load-config.js';

/**
 * The chat apps the environment configures (SLACK_BOT_TOKEN, DISCORD_TOKEN). Their libraries
 * (Bolt, discord.js) are loaded only when configured: a webhook-only install does not pay for them.
 */
export async function buildPlatforms(config: Config, deps: ChatPlatformDeps): Promise<ChatPlatform[]> {
  const platforms: ChatPlatform[] = [];
  if (config.slack) {
    const { createSlackPlatform } = await import('../chat/slack/slack-platform.js');
    platforms.push(createSlackPlatform(config.slack, { ...deps, admins: config.admins.slack }));
  }
  if (config.discord) {
    const { createDiscordPlatform } = await import('../chat/discord/discord-platform.js');
    platforms.push(createDiscordPlatform(config.discord, { ...deps, admins: config.admins.discord }));
  }
  return platforms;
}
