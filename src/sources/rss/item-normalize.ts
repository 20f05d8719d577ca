import type { Item } from '../../domain/item.js';
import { itemKey } from '../../domain/item-identity.js';
import type { RawEntry, TextConstruct } from './feed-entries.js';
import { parseFeedDate } from './feed-date.js';
import { collapseWhitespace, htmlToText, truncateText } from './html-text.js';

export const MAX_TITLE_CHARS = 300;
export const MAX_SUMMARY_CHARS = 4_000;
const MAX_GUID_CHARS = 2_048;
/** Further ahead than this, a date is a publisher's mistake (or a trick to stay on top). */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

export interface NormalizeContext {
  sourceId: string;
  now: Date;
}

/** Title or summary text as plain text; only this many input characters are looked at. */
export function plainText(text: TextConstruct | undefined, maxInput: number): string {
  if (!text) return '';
  return text.html ? htmlToText(text.value, maxInput) : collapseWhitespace(text.value.slice(0, maxInput));
}

/** The first date that reads; undefined when none does or it lies more than a day ahead. */
export function publishedAt(dates: readonly string[], now: Date): Date | undefined {
  for (const candidate of dates) {
    const date = parseFeedDate(candidate);
    if (!date) continue;
    return date.getTime() - now.getTime() > MAX_FUTURE_MS ? undefined : date;
  }
  return undefined;
}

/**
 * A raw entry as an Item, or undefined when it has no identity at all (no guid, no usable
 * link, no title). Identity uses the guid, link and title as the feed gave them; a title made
 * up for display from the summary or link never changes an item's key.
 */
export function normalizeEntry(entry: RawEntry, context: NormalizeContext): Item | undefined {
  const title = truncateText(plainText(entry.title, MAX_TITLE_CHARS * 8), MAX_TITLE_CHARS);
  const summary = truncateText(plainText(entry.summary, MAX_SUMMARY_CHARS * 12), MAX_SUMMARY_CHARS);
  const guid = entry.guid?.trim();
  const link = entry.link;
  const key = itemKey({ guid, link, title });
  if (!key) return undefined;
  const date = publishedAt(entry.dates, context.now);
  const item: Item = {
    sourceId: context.sourceId,
    key,
    title: title || truncateText(summary, 120) || link || 'Untitled item',
    kind: 'news',
  };
  if (summary) item.summary = summary;
  if (link) item.link = link;
  if (guid) item.guid = guid.length > MAX_GUID_CHARS ? guid.slice(0, MAX_GUID_CHARS) : guid;
  if (date) item.publishedAt = date;
  return item;
}

/** Entries as Items in feed order; entries without identity are dropped, repeated keys kept once. */
export function normalizeEntries(entries: readonly RawEntry[], context: NormalizeContext): Item[] {
  const seen = new Set<string>();
  const items: Item[] = [];
  for (const entry of entries) {
    const item = normalizeEntry(entry, context);
    if (!item || seen.has(item.key)) continue;
    seen.add(item.key);
    items.push(item);
  }
  return items;
}
