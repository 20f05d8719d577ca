import type { SourceFailure } from '../../domain/source.js';
import { entryReaders, type EntryReader, type RawEntry, type TextConstruct } from './feed-entries.js';
import { FeedLimitError } from './feed-limits.js';
import { parseFeedTreeLeniently } from './feed-lenient.js';
import { parseFeedTree, type FeedFormat } from './feed-tree.js';
import { prepareXml } from './xml-prepare.js';

export type FeedParseResult =
  { ok: true; format: FeedFormat; title?: TextConstruct; entries: RawEntry[] } | { ok: false; failure: SourceFailure };

export type FeedReadersResult =
  | {
      ok: true;
      format: FeedFormat;
      title?: TextConstruct;
      readers: EntryReader[];
      /** The document was malformed and read leniently: what was wrong and what was kept. */
      warning?: string;
    }
  | { ok: false; failure: SourceFailure };

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:rdf']);

function parseFailure(message: string): { ok: false; failure: SourceFailure } {
  return { ok: false, failure: { kind: 'parse', message } };
}

/** The name of the first element after the prolog, or what the text starts with instead. */
function rootElement(text: string): { name?: string; start: string } {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end < 0) return { start: text.slice(i, i + 20) };
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end < 0) return { start: text.slice(i, i + 20) };
      i = end + 3;
    } else {
      break;
    }
  }
  const match = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 100));
  return match?.[1] ? { name: match[1], start: '' } : { start: text.slice(i, i + 20) };
}

/** saxes reports "9:0: unclosed tag: channel" (1-based line, then column). */
function describeXmlError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const [first = 'unreadable XML'] = raw.split('\n');
  const position = /^(\d+):(\d+): (.*)$/.exec(first);
  const message = (position?.[3] ?? first).replace(/\.$/, '');
  const where = position ? ` (line ${position[1]})` : '';
  if (/^unclosed tag|^unexpected end/i.test(message)) {
    return `the feed ends before its closing tags, it was probably cut off${where}`;
  }
  return `the feed is not well-formed XML: ${message.charAt(0).toLowerCase()}${message.slice(1)}${where}`;
}

/**
 * Feed text to a reader per entry, each read only as far as it is asked (see EntryReader). Pure
 * (no I/O, no clock) so it can run in a worker thread. Empty bodies, HTML pages, other documents
 * and malformed XML come back as `parse` failures with a message a person can act on.
 */
export function parseFeedReaders(text: string, baseUrl?: string): FeedReadersResult {
  if (text.trim() === '') return parseFailure('the feed is empty');
  const prepared = prepareXml(text);
  const root = rootElement(prepared);
  const name = root.name?.toLowerCase();
  if (name === undefined) {
    if (/^\s*[[{]/.test(root.start)) return parseFailure('the address returned JSON, not an RSS or Atom feed');
    return parseFailure(`the address did not return XML (it starts with "${root.start.replace(/\s+/g, ' ').trim()}")`);
  }
  if (name === 'html' || name === 'head' || name === 'body') {
    return parseFailure('the address returned an HTML page, not a feed');
  }
  if (!FEED_ROOTS.has(name)) return parseFailure(`not an RSS or Atom feed: the document is a <${root.name}>`);

  let tree;
  try {
    tree = parseFeedTree(prepared);
  } catch (error) {
    if (error instanceof FeedLimitError) return parseFailure(error.message);
    return lenientRead(prepared, describeXmlError(error), baseUrl);
  }
  return { ok: true, format: tree.format, ...entryReaders(tree, baseUrl) };
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * A malformed document read again by the lenient reader: every entry it recovers is kept, and
 * the feed is reported with a warning saying what was wrong. A document that yields no entry
 * (an error page, a feed cut off before its first item) stays the strict reader's failure.
 */
function lenientRead(prepared: string, strictError: string, baseUrl?: string): FeedReadersResult {
  let tree;
  try {
    tree = parseFeedTreeLeniently(prepared);
  } catch (error) {
    if (error instanceof FeedLimitError) return parseFailure(error.message);
    return parseFailure(strictError);
  }
  if (!tree.entries.length) {
    const cut = tree.dropped ? `; its only ${plural(tree.dropped, 'item')} was cut off` : '';
    return parseFailure(`${strictError}; no items could be recovered${cut}`);
  }
  const dropped = tree.dropped ? ` (${plural(tree.dropped, 'cut-off item')} left out)` : '';
  const warning = `${strictError}; ${plural(tree.entries.length, 'item')} recovered by a lenient reading${dropped}`;
  return { ok: true, format: tree.format, ...entryReaders(tree, baseUrl), warning };
}

/** Feed text to raw entries, every one read whole: plain data, as `parseFeedReaders` reports. */
export async function parseFeed(text: string, baseUrl?: string): Promise<FeedParseResult> {
  const parsed = parseFeedReaders(text, baseUrl);
  if (!parsed.ok) return parsed;
  const { readers, ...rest } = parsed;
  return { ...rest, entries: readers.map((reader) => reader.entry()) };
}
