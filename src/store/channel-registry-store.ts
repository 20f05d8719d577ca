import type { Channel } from '../domain/channel.js';
import type { ChannelRegistry } from '../domain/ports.js';
import type { StoreBackend } from './backend.js';
import { keyedList } from './keyed-list.js';

/** Set, for a day, once every stored channel has been put in the per-tenant index. */
const INDEX_BUILT = 'tenant-index-v1';
/**
 * How long the index is trusted before it is checked against the list again: channels written
 * by an instance still on a version without the index (a rolling upgrade) show in their tenant's
 * view within a day. At 10,000 channels the check is one read of the list, ~20-40 ms, once a day.
 */
const INDEX_RECHECK_MS = 86_400_000;

/**
 * Channels subscribed from chat, one list for the install, and beside it an index per tenant
 * (an ordered space `channels-of:TENANT` of channel ids): a member's `status`, `why` and App
 * Home read their own workspace's or server's channels, not the install's 10,000.
 *
 * The index is written before the channel and cleared after it, so a write cut off half-way
 * leaves at most an id whose channel is gone or is another tenant's, which `forTenant` drops
 * (never a channel missing from its tenant's view). Channels stored by an earlier version are
 * indexed by the first `forTenant` after the mark saying the index is whole has expired.
 */
export function createChannelRegistry(
  backend: StoreBackend,
  options: { indexRecheckMs?: number } = {},
): ChannelRegistry {
  const recheckMs = options.indexRecheckMs ?? INDEX_RECHECK_MS;
  const channels = keyedList<Channel>(backend, 'channels', (channel) => channel.id);
  // A claim, not a document: its expiry follows the store's clock on every backend.
  const marks = backend.claims('channel-index');
  const ofTenant = (tenant: string) => backend.ordered<string>(`channels-of:${tenant}`);
  const indexEarlier = async () => {
    if (await marks.get(INDEX_BUILT)) return;
    for (const channel of await channels.list())
      if (channel.tenant !== undefined) await ofTenant(channel.tenant).append(channel.id, channel.id);
    await marks.put([INDEX_BUILT], 'whole', recheckMs);
  };
  return {
    list: channels.list,
    get: channels.get,
    async put(channel) {
      const before = await channels.get(channel.id);
      if (channel.tenant !== undefined) await ofTenant(channel.tenant).append(channel.id, channel.id);
      await channels.put(channel);
      if (before?.tenant !== undefined && before.tenant !== channel.tenant)
        await ofTenant(before.tenant).remove(channel.id);
    },
    async remove(channelId) {
      const before = await channels.get(channelId);
      const removed = await channels.remove(channelId);
      if (before?.tenant !== undefined) await ofTenant(before.tenant).remove(channelId);
      return removed;
    },
    async forTenant(tenant) {
      await indexEarlier();
      const ids = (await ofTenant(tenant).list()).map((entry) => entry.key);
      const found = await Promise.all(ids.map((id) => channels.get(id)));
      return found.filter((channel): channel is Channel => channel?.tenant === tenant);
    },
  };
}
