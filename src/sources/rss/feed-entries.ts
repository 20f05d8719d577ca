import type { FeedTree, XmlElement, XmlNode } from './feed-tree.js';

/** Text as the feed gave it, and whether it is HTML (to strip) or plain text (to keep). */
export interface TextConstruct {
  value: string;
  html: boolean;
}

/** One entry as read from the feed, before normalization into an Item. */
export interface RawEntry {
  title?: TextConstruct;
  /** Absolute http(s) URL after xml:base and document URL resolution. */
  link?: string;
  guid?: string;
  summary?: TextConstruct;
  /** Date strings in order of authority (published before updated). */
  dates: string[];
}

/**
 * An entry read on demand, identity first: a poll keys every entry of a feed but reads only the
 * new ones, and an entry's guid (or, failing that, its link) is all its key needs. Each part is
 * read once; `entry()` gives the whole RawEntry.
 */
export interface EntryReader {
  guid(): string | undefined;
  link(): string | undefined;
  title(): TextConstruct | undefined;
  entry(): RawEntry;
}

/** A reader over an entry already read (tests, callers that hold RawEntries). */
export function entryReader(entry: RawEntry): EntryReader {
  return { guid: () => entry.guid, link: () => entry.link, title: () => entry.title, entry: () => entry };
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** How a format reads each part of an entry; the reader reads each at most once. */
type EntryParts = { [Part in keyof RawEntry]-?: () => RawEntry[Part] };

function lazyEntry(parts: EntryParts): EntryReader {
  const guid = once(parts.guid);
  const link = once(parts.link);
  const title = once(parts.title);
  return {
    guid,
    link,
    title,
    entry: () => ({ title: title(), link: link(), guid: guid(), summary: parts.summary(), dates: parts.dates() }),
  };
}

/** Inline XHTML may carry these; their content is code, not text. */
const NON_TEXT_ELEMENTS = /^(?:[\w-]+:)?(?:script|style)$/i;
/** Elements whose edges separate words when markup is flattened to text. */
const BLOCK_ELEMENTS =
  /^(?:[\w-]+:)?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|ol|p|pre|section|table|td|th|tr|ul)$/i;

/**
 * All text inside a node in document order, child elements included; block elements leave a
 * space. Nesting deeper than 64 levels is not read (a hostile document cannot overflow the stack).
 */
export function textOf(node: unknown, depth = 0): string {
  if (typeof node === 'string') return node;
  if (!node || typeof node !== 'object' || depth > 64) return '';
  const element = node as XmlElement;
  if (!Array.isArray(element.$$)) return typeof element._ === 'string' ? element._ : '';
  let text = '';
  for (const child of element.$$) {
    const name = child['#name'] ?? '';
    if (name === '__text__') text += child._ ?? '';
    else if (NON_TEXT_ELEMENTS.test(name)) continue;
    else if (BLOCK_ELEMENTS.test(name)) text += ` ${textOf(child, depth + 1)} `;
    else text += textOf(child, depth + 1);
  }
  return text;
}

function attr(node: XmlNode | undefined, name: string): string | undefined {
  return node && typeof node === 'object' ? node.$?.[name] : undefined;
}

function first(node: XmlNode, ...names: string[]): XmlNode | undefined {
  if (typeof node !== 'object') return undefined;
  for (const name of names) {
    const value = node[name];
    if (Array.isArray(value) && value.length > 0) return value[0] as XmlNode;
  }
  return undefined;
}

function all(node: XmlNode, name: string): XmlNode[] {
  if (typeof node !== 'object') return [];
  const value = node[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** Resolves against a base, returning only http(s) URLs. */
export function resolveHttpUrl(href: string | undefined, base: string | undefined): string | undefined {
  const value = nonEmpty(href);
  if (!value) return undefined;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The base URL in effect inside `node`: its xml:base resolved against the outer base. */
function baseFor(node: XmlNode | undefined, outer: string | undefined): string | undefined {
  const declared = attr(node, 'xml:base');
  return declared ? (resolveHttpUrl(declared, outer) ?? outer) : outer;
}

function atomText(node: XmlNode | undefined): TextConstruct | undefined {
  if (node === undefined) return undefined;
  const type = (attr(node, 'type') ?? 'text').toLowerCase();
  const value = nonEmpty(textOf(node));
  if (!value) return undefined;
  // xhtml arrives as elements whose text textOf already joined; html is escaped markup.
  return { value, html: type === 'html' || type === 'text/html' };
}

function rssText(node: XmlNode | undefined): TextConstruct | undefined {
  const value = nonEmpty(node === undefined ? undefined : textOf(node));
  // RSS never says whether text is HTML, and publishers use it both ways; reading it as HTML
  // decodes double-escaped entities and removes stray tags, which is right far more often.
  return value ? { value, html: true } : undefined;
}

function dates(node: XmlNode, names: string[]): string[] {
  return names.map((name) => nonEmpty(textOf(first(node, name)))).filter((d): d is string => d !== undefined);
}

const ATOM_SKIPPED_RELS = new Set(['self', 'edit', 'enclosure', 'replies', 'edit-media', 'license', 'via', 'related']);

function atomLink(entry: XmlNode, base: string | undefined): string | undefined {
  const links = all(entry, 'link').map((link) => ({
    rel: (attr(link, 'rel') ?? 'alternate').toLowerCase(),
    type: attr(link, 'type')?.toLowerCase(),
    href: attr(link, 'href') ?? textOf(link),
  }));
  const alternates = links.filter((l) => l.rel === 'alternate' && nonEmpty(l.href));
  const chosen =
    alternates.find((l) => !l.type || l.type === 'text/html' || l.type === 'application/xhtml+xml') ??
    alternates[0] ??
    links.find((l) => !ATOM_SKIPPED_RELS.has(l.rel) && nonEmpty(l.href));
  return resolveHttpUrl(chosen?.href, base);
}

function atomReader(entry: XmlNode, outerBase: string | undefined): EntryReader {
  const base = baseFor(entry, outerBase);
  return lazyEntry({
    guid: () => nonEmpty(textOf(first(entry, 'id'))),
    link: () => atomLink(entry, base),
    title: () => atomText(first(entry, 'title')),
    summary: () => atomText(first(entry, 'summary')) ?? atomText(first(entry, 'content')),
    dates: () => dates(entry, ['published', 'issued', 'updated', 'modified', 'created']),
  });
}

function rssLink(item: XmlNode, base: string | undefined, guid: XmlNode | undefined): string | undefined {
  const direct = resolveHttpUrl(textOf(first(item, 'link')), base);
  if (direct) return direct;
  const atomAlternate = all(item, 'atom:link').find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const viaAtom = resolveHttpUrl(attr(atomAlternate, 'href'), base);
  if (viaAtom) return viaAtom;
  // A guid is a permalink unless it says otherwise (RSS 2.0), and RSS 1.0 names its item.
  if (guid !== undefined && attr(guid, 'isPermaLink')?.toLowerCase() !== 'false') {
    const permalink = resolveHttpUrl(textOf(guid), undefined);
    if (permalink) return permalink;
  }
  return resolveHttpUrl(attr(item, 'rdf:about'), base);
}

/** RSS 2.0 has guid; RSS 1.0 names each item by its rdf:about URI instead. */
function rssGuid(item: XmlNode, guid: XmlNode | undefined): string | undefined {
  return nonEmpty(guid === undefined ? undefined : textOf(guid)) ?? nonEmpty(attr(item, 'rdf:about'));
}

function rssReader(item: XmlNode, outerBase: string | undefined): EntryReader {
  const base = baseFor(item, outerBase);
  const guidNode = first(item, 'guid');
  return lazyEntry({
    guid: () => rssGuid(item, guidNode),
    link: () => rssLink(item, base, guidNode),
    title: () => rssText(first(item, 'title', 'dc:title', 'rss:title')),
    summary: () =>
      rssText(first(item, 'description', 'rss:description', 'dc:description', 'content:encoded', 'summary')),
    dates: () =>
      dates(item, [
        'pubDate',
        'dc:date',
        'dcterms:issued',
        'dcterms:created',
        'dcterms:modified',
        'published',
        'updated',
      ]),
  });
}

/** The feed title and a reader per entry, from a parsed tree; links resolve against `baseUrl`. */
export function entryReaders(
  tree: FeedTree,
  baseUrl: string | undefined,
): { title?: TextConstruct; readers: EntryReader[] } {
  let base = baseUrl;
  for (const scope of tree.scopes) base = baseFor(scope, base);
  const scope = tree.scopes[tree.scopes.length - 1] ?? {};
  const titleNode = first(scope, 'title', 'dc:title', 'rss:title');
  const title = tree.format === 'atom' ? atomText(titleNode) : rssText(titleNode);
  const read = tree.format === 'atom' ? atomReader : rssReader;
  return { ...(title ? { title } : {}), readers: tree.entries.map((entry) => read(entry, base)) };
}
