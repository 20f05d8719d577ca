import { runtimeChannelId, type Channel } from '../domain/channel.js';
import type { ChannelRegistry } from '../domain/ports.js';

/** Config channels plus those subscribed at run time; a config channel wins on an id clash. */
export interface ChannelDirectory {
  all(): Promise<Channel[]>;
  get(channelId: string): Promise<Channel | undefined>;
  /** The channel posting to a platform channel (Slack or Discord channel id); handed on unbound to commands. */
  forPlatform: (type: 'slack' | 'discord', platformChannelId: string) => Promise<Channel | undefined>;
}

/**
 * `get` and `forPlatform` answer every slash command and button press: they read one stored
 * channel by its id (a subscribed channel's id is made from its platform channel), never the
 * whole list, which at 10,000 subscribed channels cost each command a read of all of them.
 */
export function channelDirectory(configured: readonly Channel[], registry: ChannelRegistry): ChannelDirectory {
  const byId = new Map<string, Channel>();
  const byPlace = new Map<string, Channel>();
  for (const channel of configured) {
    if (!byId.has(channel.id)) byId.set(channel.id, channel);
    const place = channel.channel === undefined ? undefined : `${channel.type}\n${channel.channel}`;
    if (place !== undefined && !byPlace.has(place)) byPlace.set(place, channel);
  }
  return {
    async all() {
      const runtime = await registry.list();
      return [...configured, ...runtime.filter((c) => !byId.has(c.id))];
    },
    async get(channelId) {
      return byId.get(channelId) ?? (await registry.get(channelId));
    },
    async forPlatform(type, platformChannelId) {
      const own = byPlace.get(`${type}\n${platformChannelId}`);
      if (own) return own;
      const id = runtimeChannelId(type, platformChannelId);
      if (byId.has(id)) return undefined;
      const subscribed = await registry.get(id);
      return subscribed?.type === type && subscribed.channel === platformChannelId ? subscribed : undefined;
    },
  };
}
