import type { Channel } from './channel.js';

/**
 * Who may do what, asked by commands, chat and (later) the web alike. Three kinds of people:
 * - operators run the install (the CLI on the host, and the user ids in the config's `admins`):
 *   they own global state — feeds, tracked bills, sources, dead letters — and see everything;
 * - tenant admins (a Slack workspace's admins, a Discord server's Manage Server members) govern
 *   only their own workspace's or server's channels, and what they add is scoped to those;
 * - members look things up, and see only their own workspace's or server's channels.
 * A tenant is one Slack workspace or one Discord server, keyed `slack:T…` / `discord:G…`.
 */
export interface Principal {
  /** Runs the install: config `admins`, or the CLI on the host. */
  operator: boolean;
  /** Admin of their own workspace or server (operators are admins too). */
  admin: boolean;
  /** The workspace or server the request came from; absent for the CLI and for Discord DMs. */
  tenant?: string;
}

/** Where a request was typed: a platform channel, which belongs to the caller's tenant. */
export interface Place {
  type: string;
  channel: string;
}

export function tenantKey(platform: 'slack' | 'discord', id: string): string {
  return `${platform}:${id}`;
}

/** Feeds, tracked bills, sources and dead letters of the whole install. */
export function canChangeGlobal(who: Principal): boolean {
  return who.operator;
}

/**
 * A thing scoped to a tenant (a feed or bill added from chat; `undefined` = global): operators
 * change anything, a tenant admin only what belongs to their own tenant.
 */
export function canChangeScoped(who: Principal, scope: string | undefined): boolean {
  if (who.operator) return true;
  return who.admin && scope !== undefined && scope === who.tenant;
}

/** Whether the caller may add a feed or bill at all: an operator, or an admin of a known tenant (never unscoped). */
export function canAddScoped(who: Principal): boolean {
  return who.operator || (who.admin && who.tenant !== undefined);
}

/** The scope a new feed or bill gets: global from an operator, the caller's tenant otherwise. */
export function scopeForNew(who: Principal): string | undefined {
  return who.operator ? undefined : who.tenant;
}

/** Whether a scoped thing (or a global one) is visible to the caller. */
export function canSeeScoped(who: Principal, scope: string | undefined): boolean {
  return who.operator || scope === undefined || scope === who.tenant;
}

/**
 * A channel belongs to a tenant when it was subscribed from there, or when the caller is typing
 * in it (the platform delivered the request from that channel, so it is in the caller's tenant).
 */
function ownsChannel(who: Principal, channel: Channel, place: Place | undefined): boolean {
  if (who.tenant !== undefined && channel.tenant === who.tenant) return true;
  return Boolean(place && channel.type === place.type && channel.channel === place.channel);
}

/** The workspace a chat app's own token belongs to (Slack's auth.test team), when known. */
export interface InstallTenants {
  slack?: string;
}

/**
 * The tenant a channel belongs to: the one it was subscribed from; a config channel of the Slack
 * app belongs to the workspace of the bot's token (the only one it can post to). Webhook, console
 * and config Discord channels belong to no tenant: only operators see them.
 */
export function channelTenant(channel: Channel, install?: InstallTenants): string | undefined {
  if (channel.tenant !== undefined) return channel.tenant;
  if (channel.origin === 'config' && channel.type === 'slack' && install?.slack) return install.slack;
  return undefined;
}

export function canSeeChannel(who: Principal, channel: Channel, place?: Place): boolean {
  return who.operator || ownsChannel(who, channel, place);
}

/** Subscriptions and watch terms of a channel. */
export function canManageChannel(who: Principal, channel: Channel, place?: Place): boolean {
  return who.operator || (who.admin && ownsChannel(who, channel, place));
}

/** The channels a caller may read about (`why`, `status`): all for operators, their own otherwise. */
export function visibleChannels<C extends Channel>(who: Principal, channels: readonly C[], place?: Place): C[] {
  return channels.filter((channel) => canSeeChannel(who, channel, place));
}

/**
 * Whether items of a source scoped to `scope` may go to a channel: a scoped feed posts only to its
 * own tenant, a bill that several tenants track (see billTenants) to each of theirs.
 */
export function mayReceive(scope: string | readonly string[] | undefined, channel: Channel): boolean {
  if (scope === undefined) return true;
  return typeof scope === 'string'
    ? channel.tenant === scope
    : channel.tenant !== undefined && scope.includes(channel.tenant);
}

/** A tracked bill's tenants: unset for a bill of the whole install, else its tracker and followers. */
export function billTenants(bill: { scope?: string; followers?: readonly string[] }): string[] | undefined {
  return bill.scope === undefined ? undefined : [bill.scope, ...(bill.followers ?? [])];
}

/** Whether the caller may see a tracked bill: a global one, or one their tenant tracks or follows. */
export function canSeeBill(who: Principal, bill: { scope?: string; followers?: readonly string[] }): boolean {
  const tenants = billTenants(bill);
  return who.operator || tenants === undefined || (who.tenant !== undefined && tenants.includes(who.tenant));
}

/** `allowed.slackTeams` / `allowed.discordGuilds`: when a list is set, only those tenants use the bot at all. */
export interface AllowedTenants {
  slackTeams?: readonly string[];
  discordGuilds?: readonly string[];
}

export function tenantAllowed(allowed: AllowedTenants | undefined, who: Principal & { platform: string }): boolean {
  if (who.operator || !allowed) return true;
  const list =
    who.platform === 'slack' ? allowed.slackTeams : who.platform === 'discord' ? allowed.discordGuilds : undefined;
  if (!list) return true;
  const [platform, id] = (who.tenant ?? '').split(':');
  return platform === who.platform && id !== undefined && list.includes(id);
}

/**
 * Pressing an alert's buttons (acknowledge, not relevant): the message must be in this channel,
 * and the presser a member of the workspace or server the channel belongs to; operators anywhere.
 */
export function canTriage(who: Principal, channel: Channel, place: Place | undefined): boolean {
  if (who.operator) return true;
  if (!place || channel.type !== place.type || channel.channel !== place.channel) return false;
  if (who.tenant === undefined) return false;
  return channel.tenant === undefined || channel.tenant === who.tenant;
}
