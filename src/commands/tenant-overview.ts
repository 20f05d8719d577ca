import type { Channel } from '../domain/channel.js';
import type { AlertLog, Outbox, WatchTermStore } from '../domain/ports.js';
import { channelTenant, type InstallTenants } from '../domain/tenancy.js';
import { outboxKey } from '../domain/outbox.js';
import type { WatchTerm } from '../domain/watch-term.js';

/** One channel of the workspace or server, as its members see it. */
export interface OverviewChannel {
  id: string;
  /** The platform channel (`C…`, a Discord channel id). */
  channel?: string;
  vendors: string[];
  minScore?: number;
  sources: string[];
  watchTerms: number;
  mutes: number;
}

export interface OverviewAlert {
  title: string;
  link?: string;
  vendors: string[];
  action: string;
  createdAt: string;
  /** Which of the tenant's channels it was delivered to. */
  channels: string[];
}

export interface OverviewVendor {
  name: string;
  /** The tenant's channels following it (vendor filter or watch term). */
  channels: string[];
  /** How: `filter`, `watch term`, or both. */
  via: string[];
}

/**
 * What one workspace or server has of banwatch: its channels, the latest alerts delivered to
 * them, and the vendors they follow. A neutral read model (Slack's App Home renders it; Discord
 * or the dashboard could); it never holds another tenant's channel.
 */
export interface TenantOverview {
  tenant: string;
  channels: OverviewChannel[];
  alerts: OverviewAlert[];
  vendors: OverviewVendor[];
}

export interface TenantOverviewDeps {
  /** Candidates for a tenant's channels (ChannelDirectory.ofTenant); channelTenant then decides. */
  channels(tenant: string): Promise<Channel[]>;
  watch: Pick<WatchTermStore, 'listMany'>;
  alerts: Pick<AlertLog, 'recent'>;
  outbox: Pick<Outbox, 'deliveries'>;
}

export interface OverviewOptions {
  /** The tenants of config channels (the Slack workspace of the bot's own token), as the platform knows them. */
  install?: InstallTenants;
  /** Alerts shown at most (default 10). */
  alerts?: number;
}

/** A tenant's overview; `tenant` is `slack:T…` or `discord:G…` (domain/tenancy.ts). */
export type TenantOverviewReader = (tenant: string, options?: OverviewOptions) => Promise<TenantOverview>;

/** Alerts read from the log to find the tenant's latest: the log keeps 2,000. */
const ALERT_WINDOW = 300;

export function tenantOverview(deps: TenantOverviewDeps): TenantOverviewReader {
  return async (tenant, options = {}) => {
    const own = (await deps.channels(tenant)).filter((channel) => channelTenant(channel, options.install) === tenant);
    const ids = own.map((channel) => channel.id);
    const terms = ids.length ? await deps.watch.listMany(ids) : new Map<string, WatchTerm[]>();
    const channels = own.map((channel): OverviewChannel => {
      const list = terms.get(channel.id) ?? [];
      return {
        id: channel.id,
        ...(channel.channel ? { channel: channel.channel } : {}),
        vendors: channel.vendors ?? [],
        ...(channel.minScore !== undefined ? { minScore: channel.minScore } : {}),
        sources: channel.sources ?? [],
        watchTerms: list.filter((term) => term.mode !== 'mute').length,
        mutes: list.filter((term) => term.mode === 'mute').length,
      };
    });
    const vendors = new Map<string, OverviewVendor>();
    const follow = (name: string, channelId: string, via: string) => {
      const key = name.toLowerCase();
      const entry = vendors.get(key) ?? { name, channels: [], via: [] };
      if (!entry.channels.includes(channelId)) entry.channels.push(channelId);
      if (!entry.via.includes(via)) entry.via.push(via);
      vendors.set(key, entry);
    };
    for (const channel of own) {
      for (const vendor of channel.vendors ?? []) follow(vendor, channel.id, 'filter');
      for (const term of terms.get(channel.id) ?? [])
        if (term.mode !== 'mute') follow(term.term, channel.id, 'watch term');
    }
    return {
      tenant,
      channels,
      alerts: ids.length ? await delivered(deps, ids, options.alerts ?? 10) : [],
      vendors: [...vendors.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  };
}

/** The newest alerts delivered to any of the channels, newest first. */
async function delivered(deps: TenantOverviewDeps, channelIds: string[], limit: number): Promise<OverviewAlert[]> {
  const out: OverviewAlert[] = [];
  const recent = await deps.alerts.recent(ALERT_WINDOW);
  // In slices, so a workspace with recent alerts costs a read or two, not one for the whole window.
  for (let start = 0; start < recent.length && out.length < limit; start += 50) {
    const slice = recent.slice(start, start + 50);
    const keys = slice.flatMap((alert) => channelIds.map((id) => outboxKey(id, alert.id)));
    const records = await deps.outbox.deliveries(keys);
    slice.forEach((alert, i) => {
      const channels = channelIds.filter((_, j) => records[i * channelIds.length + j] !== undefined);
      if (!channels.length || out.length >= limit) return;
      out.push({
        title: alert.title,
        ...(alert.link ? { link: alert.link } : {}),
        vendors: alert.classification.vendors,
        action: alert.classification.action,
        createdAt: alert.createdAt,
        channels,
      });
    });
  }
  return out;
}
