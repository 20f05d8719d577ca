import type { Alert, MessageRef } from '../domain/alert.js';
import type { Channel } from '../domain/channel.js';
import type { HistoryRecord } from '../domain/delivery-history.js';
import type { OutboxEntry } from '../domain/outbox.js';

/** What the audit trail keeps of a delivered entry: one record per alert it carried (none for a notice). */
export function historyRecords(entry: OutboxEntry, channel: Channel, at: string, ref?: MessageRef): HistoryRecord[] {
  const where = {
    at,
    channelId: channel.id,
    platform: channel.type,
    ...(channel.channel ? { target: channel.channel } : {}),
    ...(ref?.id ? { messageId: ref.id } : {}),
    ...(ref?.url ? { messageUrl: ref.url } : {}),
  };
  if (entry.payload.type === 'alert') return [{ ...where, via: 'live', ...about(entry.payload.alert) }];
  if (entry.payload.type === 'digest') {
    const digestId = entry.payload.digest.id;
    return entry.payload.digest.alerts.map((alert) => ({ ...where, via: 'digest', digestId, ...about(alert) }));
  }
  return [];
}

function about(alert: Alert): Omit<HistoryRecord, 'at' | 'channelId' | 'platform' | 'via'> {
  const c = alert.classification;
  return {
    alertId: alert.id,
    sourceId: alert.sourceId,
    title: alert.title,
    ...(alert.link ? { link: alert.link } : {}),
    vendors: c.vendors,
    action: c.action,
    stage: alert.thread?.stage ?? c.stage,
    score: c.score,
    ...(alert.publishedAt ? { publishedAt: alert.publishedAt } : {}),
  };
}
