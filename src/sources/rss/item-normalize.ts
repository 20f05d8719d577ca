import type { Item } from '../../domain/item.js';
import { itemKey } from '../../domain/item-identity.js';
import { entryReader, type EntryReader, type RawEntry, type TextConstruct } from './feed-entries.js';
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

/** An entry's title as plain text, bounded: what the Item shows, and its identity as a last resort. */
function titleText(title: TextConstruct | undefined): string {
  return truncateText(plainText(title, MAX_TITLE_CHARS * 8), MAX_TITLE_CHARS);
}

/**
 * The key the entry's Item has (see `itemKey`), reading no more of the entry than it takes:
 * the guid; the link only without one; the title only without either.
 */
export function readerKey(reader: EntryReader): string | undefined {
  return (
    itemKey({ guid: reader.guid() }) ??
    itemKey({ link: reader.link() }) ??
    itemKey({ title: titleText(reader.title()) })
  );
}

export function entryKey(entry: RawEntry): string | undefined {
  return readerKey(entryReader(entry));
}

/**
 * A raw entry as an Item, or undefined when it has no identity at all (no guid, no usable
 * link, no title). Identity uses the guid, link and title as the feed gave them; a title made
 * up for display from the summary or link never changes an item's key.
 */
export function normalizeEntry(entry: RawEntry, context: NormalizeContext, knownKey?: string): Item | undefined {
  const title = titleText(entry.title);
  const guid = entry.guid?.trim();
  const link = entry.link;
  const key = knownKey ?? entryKey(entry);
  if (!key) return undefined;
  const summary = truncateText(plainText(entry.summary, MAX_SUMMARY_CHARS * 12), MAX_SUMMARY_CHARS);
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

export interface NormalizedEntries {
  /** Items in feed order, repeated keys kept once, without those whose key was `known`. */
  items: Item[];
  /** The key of every entry with an identity, known ones included, in feed order. */
  keys: string[];
}

/**
 * Entries as Items; entries without identity are dropped. Entries whose key is in `known`
 * (handed over by an earlier poll) are only keyed, not normalized: most of a feed is items
 * seen before, and their text, dates and links would be read only to be thrown away.
 */
export function normalizeEntries(
  readers: readonly EntryReader[],
  context: NormalizeContext,
  known?: ReadonlySet<string>,
): NormalizedEntries {
  const seen = new Set<string>();
  const items: Item[] = [];
  for (const reader of readers) {
    const key = readerKey(reader);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    if (known?.has(key)) continue;
    const item = normalizeEntry(reader.entry(), context, key);
    if (item) items.push(item);
  }
  // A Set keeps insertion order: its keys are the feed's, first occurrences only.
  return { items, keys: [...seen] };
}
