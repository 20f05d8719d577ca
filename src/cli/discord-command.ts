import { DiscordAPIError } from '@discordjs/rest';
import { ApplicationCommandOptionType, Routes } from 'discord-api-types/v10';
import { commandDefinitions } from '../chat/discord/command-definitions.js';
import { sortDiscordFailure } from '../chat/discord/discord-failure.js';
import { inviteUrl } from '../chat/discord/discord-permissions.js';
import { closeDiscordRest, createDiscordRest } from '../chat/discord/discord-rest.js';
import type { CliIo } from './cli-io.js';

/** What `banwatch discord` needs: DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_API_URL. */
export interface DiscordCliSettings {
  token: string;
  applicationId: string;
  apiUrl?: string;
}

export const DISCORD_USAGE = `Usage: banwatch discord register [--guild ID]   put /banwatch and /banwatch-admin on Discord
       banwatch discord invite                 print the URL that adds the bot to a server
`;

/**
 * `banwatch discord register [--guild ID]` and `banwatch discord invite`. Registration replaces
 * the application's commands: globally (every server the bot is in), or in one server, where
 * changes show at once (handy while trying banwatch out). Returns the exit status.
 */
export async function discordCommand(
  args: readonly string[],
  io: CliIo,
  settings: DiscordCliSettings | undefined,
): Promise<number> {
  const [action, ...rest] = args;
  if (!action || action === 'help' || action === '--help') {
    io.stdout.write(DISCORD_USAGE);
    return action ? 0 : 2;
  }
  if (!settings) {
    io.stderr.write('banwatch: set DISCORD_TOKEN and DISCORD_APPLICATION_ID first (see docs/discord-setup.md)\n');
    return 2;
  }
  if (action === 'invite') {
    if (rest.length) return usage(io, `unexpected "${rest[0]?.slice(0, 40)}"`);
    io.stdout.write(
      `Open this URL to add banwatch to a server (scopes: bot, applications.commands):\n${inviteUrl(settings.applicationId)}\n`,
    );
    return 0;
  }
  if (action !== 'register') return usage(io, `unknown discord command "${action.slice(0, 40)}"`);
  const parsed = guildOption(rest);
  if (typeof parsed === 'object') return usage(io, parsed.problem);
  return register(io, settings, parsed);
}

function guildOption(args: readonly string[]): string | undefined | { problem: string } {
  let guild: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--guild' || arg.startsWith('--guild=')) {
      const value = arg === '--guild' ? args[++i] : arg.slice('--guild='.length);
      if (!value || !/^\d{15,22}$/.test(value))
        return {
          problem: '--guild needs a server id (a number; Developer Mode, right-click the server, Copy Server ID)',
        };
      guild = value;
    } else return { problem: `unexpected "${arg.slice(0, 40)}"` };
  }
  return guild;
}

async function register(io: CliIo, settings: DiscordCliSettings, guild: string | undefined): Promise<number> {
  const rest = createDiscordRest(settings);
  const definitions = commandDefinitions();
  const route = guild
    ? Routes.applicationGuildCommands(settings.applicationId, guild)
    : Routes.applicationCommands(settings.applicationId);
  try {
    await rest.put(route, { body: definitions });
  } catch (error) {
    io.stderr.write(`banwatch: registration failed: ${explain(error, guild)}\n`);
    return 1;
  } finally {
    closeDiscordRest(rest);
  }
  const where = guild ? `in server ${guild} (available now)` : 'globally, for every server the bot is in';
  io.stdout.write(`Registered ${definitions.map((d) => `/${d.name}`).join(' and ')} ${where}:\n`);
  for (const definition of definitions) {
    const names = (definition.options ?? []).map((o) =>
      o.type === ApplicationCommandOptionType.SubcommandGroup
        ? `${o.name} ${(o.options ?? []).map((s) => s.name).join('|')}`
        : o.name,
    );
    const who = definition.default_member_permissions ? ' (Manage Server by default)' : '';
    io.stdout.write(`  /${definition.name}: ${names.join(', ')}${who}\n`);
  }
  return 0;
}

function explain(error: unknown, guild: string | undefined): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401)
      return 'Discord rejected DISCORD_TOKEN (401); copy the bot token again from the Developer Portal';
    if (guild && (error.status === 403 || error.code === 50001)) {
      return `the bot cannot manage commands in server ${guild}; add it with the URL from \`banwatch discord invite\``;
    }
    if (error.status === 404) return 'Discord does not know this DISCORD_APPLICATION_ID (404)';
  }
  return sortDiscordFailure(error).reason;
}

function usage(io: CliIo, problem: string): number {
  io.stderr.write(`banwatch: ${problem}\n${DISCORD_USAGE}`);
  return 2;
}
