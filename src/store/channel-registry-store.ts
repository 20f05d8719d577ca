import type { Channel } from '../domain/channel.js';
import type { ChannelRegistry } from '../domain/ports.js';
import type { StoreBackend } from './backend.js';
import { keyedList } from './keyed-list.js';

/** Set once every channel stored before the per-tenant index existed has been put in it. */
const INDEX_BUILT = 'tenant-index-v1';

/**
 * Channels subscribed from chat, one list for the install, and beside it an index per tenant
 * (an ordered space `channels-of:TENANT` of channel ids): a member's `status`, `why` and App
 * Home read their own workspace's or server's channels, not the install's 10,000.
 *
 * The index is written before the channel and cleared after it, so a write cut off half-way
 * leaves at most an id whose channel is gone or is another tenant's, which `forTenant` drops
 * (never a channel missing from its tenant's view). Channels stored by an earlier version are
 * indexed by the first `forTenant` of each process until one of them marks the index built.
 */
export function createChannelRegistry(backend: StoreBackend): ChannelRegistry {
  const channels = keyedList<Channel>(backend, 'channels', (channel) => channel.id);
  const marks = backend.keyValue('channelindex');
  const ofTenant = (tenant: string) => backend.ordered<string>(`channels-of:${tenant}`);
  let built = false;
  const indexEarlier = async () => {
    if (built || (await marks.get<boolean>(INDEX_BUILT))) return void (built = true);
    for (const channel of await channels.list())
      if (channel.tenant !== undefined) await ofTenant(channel.tenant).append(channel.id, channel.id);
    await marks.set(INDEX_BUILT, true);
    built = true;
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
