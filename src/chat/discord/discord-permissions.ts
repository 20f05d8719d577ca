import { PermissionFlagsBits } from 'discord-api-types/v10';

/** What the bot needs in a channel: see it, post embeds, and reply to its own earlier alerts. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

/** `/banwatch-admin` is offered by default only to members who may manage the server. */
export const ADMIN_COMMAND_PERMISSION = PermissionFlagsBits.ManageGuild;

/**
 * Whether the member who ran a command may change banwatch's settings: Manage Server or
 * Administrator in the permissions Discord computed for this interaction, or a user id listed
 * as a banwatch admin. Server owners can re-grant `/banwatch-admin` to anyone in Integrations,
 * so the command's default permission alone is not enough.
 */
export function isDiscordAdmin(
  permissions: string | undefined,
  userId: string,
  admins: readonly string[] = [],
): boolean {
  if (admins.includes(userId)) return true;
  if (!permissions || !/^\d{1,40}$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & PermissionFlagsBits.Administrator) !== 0n || (bits & PermissionFlagsBits.ManageGuild) !== 0n;
}

/** The OAuth2 URL that adds the bot to a server with the commands and the permissions it needs. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: 'bot applications.commands',
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
