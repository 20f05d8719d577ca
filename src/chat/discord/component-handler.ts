import type { REST } from '@discordjs/rest';
import { InteractionResponseType, MessageFlags, Routes } from 'discord-api-types/v10';
import type { TriageOutcome, TriageService } from '../../commands/triage-service.js';
import { tenantKey } from '../../domain/tenancy.js';
import { errorMessage } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { sortDiscordFailure } from './discord-failure.js';
import { isDiscordAdmin } from './discord-permissions.js';
import { type DiscordEmbed, escapeDiscord } from './discord-text.js';
import { type RawInteraction, interactionChannel, interactionUser } from './raw-interaction.js';
import { readTriageId, withTriageState } from './triage-components.js';

/** The one initial response (as interaction-handler.ts's Respond; declared here to keep imports one-way). */
type InteractionResponse = { type: InteractionResponseType; data?: object };
type Respond = (response: InteractionResponse) => Promise<void>;

export interface ComponentDeps {
  triage?: TriageService;
  rest: REST;
  applicationId: string;
  admins?: readonly string[];
  channelFor: (type: 'discord', platformChannelId: string) => Promise<string | undefined>;
  logger: Logger;
}

/**
 * A pressed alert button (a type 3 interaction, already signature-checked at the route or
 * received over the gateway). Only translates: the press goes to the triage service; an applied
 * verdict updates the message in place (type 7), a refusal or repeat answers the presser alone
 * (ephemeral), and a mute suggestion follows the update as an ephemeral follow-up.
 */
export async function handleComponent(
  interaction: RawInteraction,
  respond: Respond,
  deps: ComponentDeps,
): Promise<void> {
  const pressed = readTriageId(interaction.data?.custom_id);
  const user = interactionUser(interaction);
  const platformChannel = interactionChannel(interaction);
  if (!pressed || !deps.triage || !user || !platformChannel) {
    await respond(ephemeral('banwatch does not know this button.'));
    return;
  }
  const where = await channelOf(platformChannel, interaction.channel?.parent_id ?? undefined, deps);
  let outcome: TriageOutcome;
  try {
    outcome = await deps.triage.press({
      action: pressed.action,
      ref: pressed.ref,
      actor: {
        platform: 'discord',
        id: user.id,
        isAdmin: isDiscordAdmin(interaction.member?.permissions, user.id, deps.admins),
        operator: (deps.admins ?? []).includes(user.id),
        // A press from a DM has no server: it belongs to no channel's members.
        ...(interaction.guild_id && interaction.member ? { tenant: tenantKey('discord', interaction.guild_id) } : {}),
        name: interaction.member?.nick ?? user.global_name ?? user.username,
      },
      channelId: where.channelId,
      place: { type: 'discord', channel: where.platformChannel },
    });
  } catch (error) {
    deps.logger.error({ err: error }, `Discord triage press failed: ${errorMessage(error)}`);
    outcome = { status: 'refused', lines: [], note: 'banwatch could not record this just now. Try again shortly.' };
  }
  deps.logger.info(
    {
      guildId: interaction.guild_id,
      channel: platformChannel,
      userId: user.id,
      action: pressed.action,
      status: outcome.status,
    },
    'Discord triage press',
  );
  if (outcome.status !== 'applied') {
    const note = outcome.note ?? 'Nothing changed.';
    await respond(ephemeral(note, outcome.code));
    return;
  }
  const embeds = (interaction.message?.embeds ?? []) as DiscordEmbed[];
  await respond({
    type: InteractionResponseType.UpdateMessage,
    data: { embeds: withTriageState(embeds, outcome.lines), allowed_mentions: { parse: [] } },
  });
  if (outcome.note) {
    try {
      await deps.rest.post(Routes.webhook(deps.applicationId, interaction.token), {
        body: {
          content: escapeDiscord(outcome.note, 1_900),
          flags: MessageFlags.Ephemeral,
          allowed_mentions: { parse: [] },
        },
        auth: false,
      });
    } catch (error) {
      deps.logger.warn({ reason: sortDiscordFailure(error).reason }, 'could not send a triage suggestion');
    }
  }
}

/** `code` is one of banwatch's own error codes: shown as it is, after the escaped words. */
function ephemeral(text: string, code?: string): InteractionResponse {
  const content = `${escapeDiscord(text, 1_800)}${code ? ` (${code})` : ''}`;
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { content, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
  };
}

/**
 * The banwatch channel a pressed message is in: its own channel, or, for a message in a thread
 * or forum post banwatch opened, the channel that thread belongs to.
 */
async function channelOf(
  platformChannel: string,
  parent: string | undefined,
  deps: Pick<ComponentDeps, 'channelFor'>,
): Promise<{ channelId?: string; platformChannel: string }> {
  const own = await deps.channelFor('discord', platformChannel);
  if (own || !parent) return { channelId: own, platformChannel };
  const viaParent = await deps.channelFor('discord', parent);
  return viaParent ? { channelId: viaParent, platformChannel: parent } : { platformChannel };
}
