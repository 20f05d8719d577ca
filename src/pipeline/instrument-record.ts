import type { Classification } from '../domain/classification.js';
import type { InstrumentRecord } from '../domain/instrument.js';
import type { Item } from '../domain/item.js';

/**
 * Where a bill or rule stands after one of its stages was ingested: the entry `bills` and the
 * vendor lookup read. Undefined for news, which has no stage to remember.
 */
export function instrumentRecord(
  sourceId: string,
  item: Item,
  classification: Classification,
  now: Date,
): InstrumentRecord | undefined {
  const thread = item.thread;
  if (!thread || item.kind === 'news') return undefined;
  return {
    key: thread.key,
    kind: item.kind,
    label: thread.label,
    title: thread.title ?? item.title,
    ...(thread.reference ? { reference: thread.reference } : {}),
    stage: thread.stage,
    date: (item.publishedAt ?? now).toISOString().slice(0, 10),
    ...(item.summary ? { lastAction: item.summary.slice(0, 500) } : {}),
    ...(item.link ? { url: item.link } : {}),
    vendors: [...new Set([...classification.vendors, ...(thread.vendors ?? [])])],
    sourceId,
    updatedAt: now.toISOString(),
  };
}
