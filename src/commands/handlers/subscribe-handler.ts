import { runtimeChannelId, type Channel } from '../../domain/channel.js';
import type { ChannelRegistry } from '../../domain/ports.js';
import type { VendorCatalog } from '../../domain/vendor.js';
import { UserError } from '../../shared/errors.js';
import type { CommandContext, CommandHandler } from '../command.js';
import { line, reply } from '../reply.js';

export interface SubscribeDeps {
  registry: ChannelRegistry;
  catalog: VendorCatalog;
  /** The banwatch channel for a platform channel, when there is one (config or subscribed). */
  channelFor(type: 'slack' | 'discord', platformChannelId: string): Promise<Channel | undefined>;
}

const MAX_VENDORS = 25;

function place(context: CommandContext): { type: 'slack' | 'discord'; channel: string } {
  const where = context.place;
  if (!where || (where.type !== 'slack' && where.type !== 'discord')) {
    throw new UserError('NO_PLACE', 'Run this in the Slack or Discord channel that should receive alerts.');
  }
  return { type: where.type, channel: where.channel };
}

/** `subscribe [VENDOR...]`: this channel receives alerts (only for these vendors, when named). */
export function subscribeHandler(deps: SubscribeDeps): CommandHandler {
  return {
    name: 'subscribe',
    summary: 'send alerts to this channel (optionally only for some vendors)',
    usage: ['subscribe [VENDOR...]'],
    requiresAdmin: () => true,
    async run(args, context) {
      const where = place(context);
      if (args.length > MAX_VENDORS) throw new UserError('TOO_MANY_VENDORS', `Name at most ${MAX_VENDORS} vendors.`);
      const vendors: string[] = [];
      for (const name of args) {
        const vendor = deps.catalog.resolve(name);
        if (!vendor) {
          const guesses = deps.catalog.suggest(name, 3);
          throw new UserError(
            'UNKNOWN_VENDOR',
            `No vendor called "${name.slice(0, 100)}".${guesses.length ? ` Did you mean: ${guesses.join(', ')}?` : ''} Nothing was changed.`,
          );
        }
        if (!vendors.includes(vendor.name)) vendors.push(vendor.name);
      }
      const existing = await deps.channelFor(where.type, where.channel);
      if (existing?.origin === 'config') {
        throw new UserError(
          'CONFIG_CHANNEL',
          `This channel is set up in the config file as "${existing.id}"; change its filters there.`,
        );
      }
      const channel: Channel = {
        id: runtimeChannelId(where.type, where.channel),
        type: where.type,
        channel: where.channel,
        origin: 'runtime',
        ...(vendors.length ? { vendors } : {}),
        // The tenant the channel belongs to: its admins manage it, its members read about it.
        ...(context.actor.tenant ? { tenant: context.actor.tenant } : {}),
      };
      await deps.registry.put(channel);
      const scope = vendors.length ? `alerts about ${vendors.join(', ')}` : 'every relevant alert';
      return reply(
        `This channel now receives ${scope}`,
        [
          {
            lines: [line(`Subscribed by ${context.actor.name ?? context.actor.id}. Undo with /banwatch unsubscribe.`)],
          },
        ],
        {
          visibility: 'channel',
          data: { channel },
        },
      );
    },
  };
}

/** `unsubscribe`: stop sending alerts to this channel. */
export function unsubscribeHandler(deps: SubscribeDeps): CommandHandler {
  return {
    name: 'unsubscribe',
    summary: 'stop sending alerts to this channel',
    usage: ['unsubscribe'],
    requiresAdmin: () => true,
    async run(_args, context) {
      const where = place(context);
      const existing = await deps.channelFor(where.type, where.channel);
      if (!existing) throw new UserError('NOT_SUBSCRIBED', 'This channel is not subscribed.');
      if (existing.origin === 'config')
        throw new UserError(
          'CONFIG_CHANNEL',
          `This channel is set up in the config file as "${existing.id}"; remove it there.`,
        );
      await deps.registry.remove(existing.id);
      return reply(
        'This channel no longer receives alerts',
        [{ lines: [line(`Unsubscribed by ${context.actor.name ?? context.actor.id}.`)] }],
        {
          visibility: 'channel',
          data: { removed: existing.id },
        },
      );
    },
  };
}
