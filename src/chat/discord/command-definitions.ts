import {
  type APIApplicationCommandOption,
  type APIApplicationCommandSubcommandGroupOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { COMMANDS, type CommandName, GROUPS, SUBCOMMANDS } from './command-table.js';
import { ADMIN_COMMAND_PERMISSION } from './discord-permissions.js';

/**
 * The application commands as Discord registers them (PUT replaces the whole set, so a removed
 * subcommand disappears too). Built from the command table, in its order.
 */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return (Object.keys(COMMANDS) as CommandName[]).map((name) => {
    const meta = COMMANDS[name];
    const options: APIApplicationCommandOption[] = [];
    for (const spec of SUBCOMMANDS.filter((s) => s.command === name)) {
      const subcommand = {
        type: ApplicationCommandOptionType.Subcommand as const,
        name: spec.name,
        description: spec.description,
        options: spec.options ?? [],
      };
      if (!spec.group) {
        options.push(subcommand);
        continue;
      }
      let group = options.find(
        (o): o is APIApplicationCommandSubcommandGroupOption =>
          o.type === ApplicationCommandOptionType.SubcommandGroup && o.name === spec.group,
      );
      if (!group) {
        group = {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: spec.group,
          description: GROUPS[spec.group] ?? spec.group,
          options: [],
        };
        options.push(group);
      }
      group.options = [...(group.options ?? []), subcommand];
    }
    return {
      type: ApplicationCommandType.ChatInput,
      name,
      description: meta.description,
      options,
      // Admin changes belong to a server; lookups also work in a DM with the bot.
      contexts: meta.admin
        ? [InteractionContextType.Guild]
        : [InteractionContextType.Guild, InteractionContextType.BotDM],
      integration_types: [ApplicationIntegrationType.GuildInstall],
      ...(meta.admin ? { default_member_permissions: ADMIN_COMMAND_PERMISSION.toString() } : {}),
    };
  });
}
