import type { ChatPlatform, ChatPlatformDeps } from '../chat/platform.js';
import { createDiscordPlatform } from '../chat/discord/discord-platform.js';
import { createSlackPlatform } from '../chat/slack/slack-platform.js';
import type { Config } from '../config/load-config.js';

/** The chat apps the environment configures (SLACK_BOT_TOKEN, DISCORD_TOKEN). */
export function buildPlatforms(config: Config, deps: ChatPlatformDeps): ChatPlatform[] {
  const platforms: ChatPlatform[] = [];
  if (config.slack) platforms.push(createSlackPlatform(config.slack, { ...deps, admins: config.admins.slack }));
  if (config.discord) platforms.push(createDiscordPlatform(config.discord, { ...deps, admins: config.admins.discord }));
  return platforms;
}
