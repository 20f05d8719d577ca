import type { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { soleLeadership, type LeadershipTerm } from '../../domain/leadership.js';
import type { ChatPlatform } from '../platform.js';
import { sortDiscordFailure } from './discord-failure.js';
import { createDiscordJsGateway, type DiscordGateway } from './discord-gateway.js';
import { createDiscordNotifier } from './discord-notifier.js';
import { closeDiscordRest, createDiscordRest } from './discord-rest.js';
import { type DiscordOptions, type DiscordPlatformDeps, INTERACTIONS_PATH } from './discord-settings.js';
import { createInteractionHandler, type InteractionResponse } from './interaction-handler.js';
import { interactionsRoute } from './interactions-route.js';
import { asInteraction } from './raw-interaction.js';
import { attachmentReader } from './attachment-fetch.js';

/** The leadership role of the instance connected to the gateway. */
export const GATEWAY_ROLE = 'chat-gateway:discord';

/** Clients and timings a test (or another host) may supply instead of the defaults. */
export interface DiscordPlatformClients {
  rest?: REST;
  gateway?: DiscordGateway;
  /** See DEFER_AFTER_MS; 0 defers every command. */
  deferAfterMs?: number;
  /** Reads attached files (default: from Discord's CDN only, see attachment-fetch.ts). */
  attachments?: ReturnType<typeof attachmentReader>;
}

/**
 * The Discord bot: a REST notifier for `discord` channels, and commands received either at
 * POST /discord/interactions (when a public key is set; every request signature-checked) or
 * over the gateway (otherwise). Both paths hand the raw interaction to the same handler.
 */
export function createDiscordPlatform(
  settings: DiscordOptions,
  deps: DiscordPlatformDeps,
  clients: DiscordPlatformClients = {},
): ChatPlatform {
  const rest = clients.rest ?? createDiscordRest(settings);
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  const attachments = clients.attachments ?? attachmentReader();
  const handle = createInteractionHandler({
    ...deps,
    rest,
    applicationId: settings.applicationId,
    deferAfterMs: clients.deferAfterMs,
    readAttachment: attachments.read,
  });
  const routes = settings.publicKey
    ? [interactionsRoute({ publicKey: settings.publicKey, clock: deps.clock, logger: deps.logger, handle, track })]
    : [];
  const gateway = settings.publicKey ? undefined : (clients.gateway ?? createDiscordJsGateway(settings, deps.logger));

  let term: LeadershipTerm | undefined;

  /** On the gateway, the first response is a REST callback instead of the HTTP answer. */
  const callback = (interactionId: string, token: string) => async (response: InteractionResponse) => {
    try {
      await rest.post(Routes.interactionCallback(interactionId, token), { body: response, auth: false });
    } catch (error) {
      deps.logger.warn({ reason: sortDiscordFailure(error).reason }, 'could not answer a Discord interaction');
    }
  };

  return {
    name: 'discord',
    notifier: createDiscordNotifier(rest, { token: settings.token }),
    routes,
    async start() {
      if (!gateway) {
        deps.logger.info({ path: INTERACTIONS_PATH }, 'discord: commands arrive at the interactions endpoint');
        return;
      }
      const onInteraction = (payload: unknown) => {
        const interaction = asInteraction(payload);
        if (interaction) track(handle(interaction, callback(interaction.id, interaction.token)));
      };
      // Each gateway connection receives every interaction: with several instances only the
      // holder of this role connects, or each command would be answered once per instance.
      term = await (deps.leadership ?? soleLeadership).hold(GATEWAY_ROLE, {
        lead: () => gateway.start(onInteraction),
        lose: () => gateway.stop(),
      });
    },
    async stop() {
      await term?.release();
      await gateway?.stop();
      await Promise.allSettled([...pending]);
      if (!clients.rest) closeDiscordRest(rest);
      if (!clients.attachments) await attachments.close();
    },
  };
}
