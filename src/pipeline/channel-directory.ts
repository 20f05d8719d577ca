import { runtimeChannelId, type Channel } from '../domain/channel.js';
import type { ChannelRegistry } from '../domain/ports.js';
import type { Place, Principal } from '../domain/tenancy.js';

/** Config channels plus those subscribed at run time; a config channel wins on an id clash. */
export interface ChannelDirectory {
  all(): Promise<Channel[]>;
  get(channelId: string): Promise<Channel | undefined>;
  /** The channel posting to a platform channel (Slack or Discord channel id); handed on unbound to commands. */
  forPlatform: (type: 'slack' | 'discord', platformChannelId: string) => Promise<Channel | undefined>;
  /**
   * The channels that may concern a caller, for `status`, `why` and the App Home to filter by the
   * tenancy rules (domain/tenancy.ts): every channel for an operator; else the config channels,
   * those subscribed from the caller's tenant (through the registry's per-tenant index) and the
   * one they type in. Never the whole install's list for a member.
   */
  concerning: (who: Principal, place?: Place) => Promise<Channel[]>;
  /** The config channels and those subscribed from one tenant: candidates for its overview. */
  ofTenant: (tenant: string) => Promise<Channel[]>;
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
  const all = async () => {
    const runtime = await registry.list();
    return [...configured, ...runtime.filter((c) => !byId.has(c.id))];
  };
  const forPlatform = async (type: 'slack' | 'discord', platformChannelId: string) => {
    const own = byPlace.get(`${type}\n${platformChannelId}`);
    if (own) return own;
    const id = runtimeChannelId(type, platformChannelId);
    if (byId.has(id)) return undefined;
    const subscribed = await registry.get(id);
    return subscribed?.type === type && subscribed.channel === platformChannelId ? subscribed : undefined;
  };
  const ofTenant = async (tenant: string) => {
    const runtime = await registry.forTenant(tenant);
    return [...configured, ...runtime.filter((c) => !byId.has(c.id))];
  };
  return {
    all,
    async get(channelId) {
      return byId.get(channelId) ?? (await registry.get(channelId));
    },
    forPlatform,
    ofTenant,
    concerning: async (who, place) => {
      if (who.operator) return all();
      const own = who.tenant === undefined ? [...configured] : await ofTenant(who.tenant);
      const type = place?.type;
      const here =
        place && (type === 'slack' || type === 'discord') ? await forPlatform(type, place.channel) : undefined;
      return here && !own.some((c) => c.id === here.id) ? [...own, here] : own;
    },
  };
}
