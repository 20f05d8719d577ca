import type { Channel } from '../domain/channel.js';
import type { ChannelRegistry } from '../domain/ports.js';

/** Config channels plus those subscribed at run time; a config channel wins on an id clash. */
export interface ChannelDirectory {
  all(): Promise<Channel[]>;
  get(channelId: string): Promise<Channel | undefined>;
  /** The channel posting to a platform channel (Slack or Discord channel id); handed on unbound to commands. */
  forPlatform: (type: 'slack' | 'discord', platformChannelId: string) => Promise<Channel | undefined>;
}

export function channelDirectory(configured: readonly Channel[], registry: ChannelRegistry): ChannelDirectory {
  const all = async () => {
    const runtime = await registry.list();
    const ids = new Set(configured.map((c) => c.id));
    return [...configured, ...runtime.filter((c) => !ids.has(c.id))];
  };
  return {
    all,
    async get(channelId) {
      return (await all()).find((channel) => channel.id === channelId);
    },
    async forPlatform(type, platformChannelId) {
      return (await all()).find((channel) => channel.type === type && channel.channel === platformChannelId);
    },
  };
}
