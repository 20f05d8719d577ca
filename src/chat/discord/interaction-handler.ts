import type { REST } from '@discordjs/rest';
import { InteractionResponseType, InteractionType, MessageFlags, Routes } from 'discord-api-types/v10';
import type { CommandContext } from '../../commands/command.js';
import { line, reply, type Reply } from '../../commands/reply.js';
import { truncate } from '../../domain/alert-text.js';
import { tenantKey } from '../../domain/tenancy.js';
import { errorMessage, isUserError, UserError } from '../../shared/errors.js';
import type { AttachmentReader } from './attachment-fetch.js';
import type { ChatPlatformDeps } from '../platform.js';
import { COMMANDS, MAX_CHOICES } from './command-table.js';
import { handleComponent } from './component-handler.js';
import { sortDiscordFailure } from './discord-failure.js';
import { isDiscordAdmin } from './discord-permissions.js';
import { type Invocation, readInvocation } from './interaction-args.js';
import { type RawInteraction, interactionChannel, interactionUser } from './raw-interaction.js';
import { isEphemeral, replyMessage } from './reply-embed.js';

/** An interaction response (PONG, a message, a deferral, autocomplete choices). */
export interface InteractionResponse {
  type: InteractionResponseType;
  data?: object;
}

/** Sends the one initial response: the HTTP answer, or a REST callback on the gateway. */
export type Respond = (response: InteractionResponse) => Promise<void>;

export interface InteractionDeps extends Pick<
  ChatPlatformDeps,
  'router' | 'channelFor' | 'completeVendor' | 'logger' | 'triage'
> {
  rest: REST;
  applicationId: string;
  admins?: readonly string[];
  /** Reads a file attached to a command (`watch import`); absent: such commands are refused. */
  readAttachment?: AttachmentReader;
  /** Answer directly when the command is done by then; otherwise defer and edit the answer in. */
  deferAfterMs?: number;
}

/** Discord wants the first response within 3 s; this leaves room for the network. */
export const DEFER_AFTER_MS = 1_500;

/**
 * Turns one interaction into router words and the router's answer into a Discord response.
 * Order: PING -> PONG; autocomplete -> choices; a command -> the admin check for
 * `/banwatch-admin`, then the router, answered directly when it is fast and deferred (type 5,
 * ephemeral for lookups) and completed by editing `@original` when it is not. Never throws.
 */
export function createInteractionHandler(
  deps: InteractionDeps,
): (interaction: RawInteraction, respond: Respond) => Promise<void> {
  const deferAfter = deps.deferAfterMs ?? DEFER_AFTER_MS;

  async function command(interaction: RawInteraction, respond: Respond): Promise<void> {
    const invocation = readInvocation(interaction);
    const user = interactionUser(interaction);
    const platformChannel = interactionChannel(interaction);
    const isAdmin = user ? isDiscordAdmin(interaction.member?.permissions, user.id, deps.admins) : false;
    deps.logger.info(
      {
        guildId: interaction.guild_id,
        channel: platformChannel,
        userId: user?.id,
        command: [invocation.command, invocation.group, invocation.subcommand].filter(Boolean).join(' '),
      },
      'discord command',
    );
    const adminCommand = COMMANDS[invocation.command as keyof typeof COMMANDS]?.admin ?? false;
    if (!user) {
      await respond(message(reply('banwatch could not tell who ran this command', [], { code: 'UNKNOWN_CALLER' })));
      return;
    }
    if (adminCommand && !isAdmin) {
      const what = ['/' + invocation.command, invocation.group, invocation.subcommand].filter(Boolean).join(' ');
      await respond(
        message(
          reply(
            'Not allowed',
            [{ lines: [line(`\`${what}\` needs the Manage Server permission. Nothing was changed.`)] }],
            { code: 'NOT_ADMIN' },
          ),
        ),
      );
      return;
    }
    const context = async (): Promise<CommandContext> => ({
      actor: {
        platform: 'discord',
        id: user.id,
        isAdmin,
        // Operators are the config's `admins.discord`; Manage Server governs only this server's channels.
        operator: (deps.admins ?? []).includes(user.id),
        ...(interaction.guild_id ? { tenant: tenantKey('discord', interaction.guild_id) } : {}),
        name: interaction.member?.nick ?? user.global_name ?? user.username,
      },
      channelId: platformChannel ? await deps.channelFor('discord', platformChannel) : undefined,
      place: platformChannel
        ? {
            type: 'discord',
            channel: platformChannel,
            ...(interaction.channel?.name ? { name: interaction.channel.name } : {}),
          }
        : undefined,
      ...(invocation.spec?.attachment ? { upload: await upload(interaction, invocation) } : {}),
    });
    const work = context()
      .then((ctx) => deps.router.handle(invocation.args, ctx))
      .catch((error: unknown) => {
        // A file that cannot be read is the asker's to fix, not a bug.
        if (isUserError(error)) return reply(error.message, [], { code: error.code });
        deps.logger.error({ err: error }, `discord command failed: ${errorMessage(error)}`);
        return reply(
          'Something went wrong',
          [{ lines: [line('banwatch could not finish this command. Try again shortly.')] }],
          { code: 'INTERNAL' },
        );
      });
    const quick = deferAfter > 0 ? await within(work, deferAfter) : undefined;
    if (quick) {
      await respond(message(quick));
      return;
    }
    const deferredEphemeral = invocation.spec?.ephemeral ?? true;
    await respond({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: deferredEphemeral ? { flags: MessageFlags.Ephemeral } : {},
    });
    await complete(interaction, await work, deferredEphemeral, invocation);
  }

  /** The file named by the invocation's attachment option, fetched (only admins get this far). */
  async function upload(interaction: RawInteraction, invocation: Invocation) {
    const id = invocation.values.get(invocation.spec?.attachment ?? '');
    const attachment = typeof id === 'string' ? interaction.data?.resolved?.attachments?.[id] : undefined;
    if (!attachment || !deps.readAttachment)
      throw new UserError('NO_UPLOAD', 'banwatch did not receive the attached file; attach the CSV again.');
    return deps.readAttachment(attachment);
  }

  /** Edits the deferred answer in; a public "thinking…" that ends in a refusal becomes an ephemeral follow-up. */
  async function complete(
    interaction: RawInteraction,
    answer: Reply,
    deferredEphemeral: boolean,
    invocation: Invocation,
  ): Promise<void> {
    const original = Routes.webhookMessage(deps.applicationId, interaction.token, '@original');
    try {
      if (!deferredEphemeral && isEphemeral(answer)) {
        await deps.rest.delete(original, { auth: false });
        await deps.rest.post(Routes.webhook(deps.applicationId, interaction.token), {
          body: replyMessage(answer, { ephemeral: true }),
          auth: false,
        });
        return;
      }
      const { flags: _flags, ...body } = replyMessage(answer);
      await deps.rest.patch(original, { body, auth: false });
    } catch (error) {
      deps.logger.warn(
        { command: invocation.command, reason: sortDiscordFailure(error).reason },
        'could not complete a deferred Discord answer',
      );
    }
  }

  function autocomplete(interaction: RawInteraction): InteractionResponse {
    const invocation = readInvocation(interaction);
    let names: string[] = [];
    try {
      names =
        invocation.focused && invocation.spec?.complete ? invocation.spec.complete(invocation.focused.value, deps) : [];
    } catch (error) {
      deps.logger.warn({ err: error }, 'autocomplete failed');
    }
    const choices = names
      .slice(0, MAX_CHOICES)
      .map((name) => ({ name: truncate(name, 100), value: name.slice(0, 100) }));
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } };
  }

  return async (interaction, respond) => {
    try {
      switch (interaction.type) {
        case InteractionType.Ping:
          await respond({ type: InteractionResponseType.Pong });
          return;
        case InteractionType.ApplicationCommandAutocomplete:
          await respond(autocomplete(interaction));
          return;
        case InteractionType.ApplicationCommand:
          await command(interaction, respond);
          return;
        case InteractionType.MessageComponent:
          await handleComponent(interaction, respond, deps);
          return;
        default:
          await respond(message(reply('banwatch has no buttons or forms', [], { code: 'USAGE' })));
      }
    } catch (error) {
      deps.logger.error({ reason: sortDiscordFailure(error).reason }, 'could not answer a Discord interaction');
    }
  };
}

function message(answer: Reply): InteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: replyMessage(answer) };
}

/** The promise's value if it settles within `ms`, else undefined (the promise keeps running). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
