import { outboxKey } from '../domain/outbox.js';
import type { WebDeps } from './web-deps.js';

export type ChannelState = 'delivered' | 'waiting' | 'dead';

/**
 * Which channels each alert went to. The alert log keeps one copy per item, not per channel, so
 * the channel is read where the outbox keeps it: delivery records, the queue and the dead letters.
 */
export async function alertChannels(
  deps: Pick<WebDeps, 'outbox'>,
  alertIds: readonly string[],
  channelIds: readonly string[],
): Promise<Map<string, Array<{ channelId: string; state: ChannelState }>>> {
  const found = new Map<string, Array<{ channelId: string; state: ChannelState }>>();
  const wanted = new Set(alertIds);
  const add = (alertId: string, channelId: string, state: ChannelState) => {
    if (!wanted.has(alertId)) return;
    const list = found.get(alertId) ?? [];
    if (!list.some((entry) => entry.channelId === channelId)) list.push({ channelId, state });
    found.set(alertId, list);
  };
  const idOf = (payload: { type: string; alert?: { id: string } }) =>
    payload.type === 'alert' ? payload.alert?.id : undefined;
  for (const entry of await deps.outbox.pending()) {
    const id = idOf(entry.payload);
    if (id) add(id, entry.channelId, 'waiting');
  }
  for (const letter of await deps.outbox.deadLetters()) {
    const id = idOf(letter.payload);
    if (id) add(id, letter.channelId, 'dead');
  }
  const lookups = alertIds.flatMap((alertId) => channelIds.map((channelId) => ({ alertId, channelId })));
  const records = await deps.outbox.deliveries(lookups.map((l) => outboxKey(l.channelId, l.alertId)));
  records.forEach((record, index) => {
    const lookup = lookups[index];
    if (record && lookup) add(lookup.alertId, lookup.channelId, 'delivered');
  });
  return found;
}
