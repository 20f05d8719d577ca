import Parser, { type ParserOptions } from 'rss-parser';

/**
 * An xml2js element: attributes in `$`, all its text run together in `_`, children by name as
 * arrays, and (the options below) every child and text run in document order in `$$`, each
 * with its `#name` (`__text__` for text).
 */
export interface XmlElement {
  $?: Record<string, string>;
  _?: string;
  $$?: XmlElement[];
  '#name'?: string;
  [child: string]: unknown;
}
/** Text-only elements without attributes come out of xml2js as plain strings. */
export type XmlNode = string | XmlElement;

export type FeedFormat = 'rss' | 'rdf' | 'atom';

export interface FeedTree {
  format: FeedFormat;
  /** Root element, then channel (RSS, RDF) or feed (Atom): where xml:base and the title live. */
  scopes: XmlElement[];
  entries: XmlNode[];
}

function asElement(node: unknown): XmlElement {
  return node && typeof node === 'object' ? (node as XmlElement) : {};
}

function firstChild(node: XmlElement, ...names: string[]): XmlElement | undefined {
  for (const name of names) {
    const value = node[name];
    if (Array.isArray(value) && value.length > 0) return asElement(value[0]);
  }
  return undefined;
}

function children(node: XmlElement | undefined, ...names: string[]): XmlNode[] {
  if (!node) return [];
  for (const name of names) {
    const value = node[name];
    if (Array.isArray(value)) return value as XmlNode[];
  }
  return [];
}

/**
 * rss-parser does the XML parsing (xml2js over sax, strict) and recognises the format; these
 * overrides of its builders keep the element tree instead of its mapped fields. Its mapping
 * drops what identity and links need (Atom link rel/type, xml:base, text construct types),
 * and its Atom builder throws on an invalid date or a <link> without attributes, which would
 * lose a whole feed to one bad entry. A fresh instance is used per document because xml2js
 * keeps parser state between calls.
 */
class FeedTreeParser extends Parser {
  constructor() {
    super({
      // Without a version attribute, <rss> is read as RSS 2.0 rather than rejected.
      defaultRSS: 2,
      // Document order is needed for mixed content (Atom xhtml text: "The <code>x</code> is");
      // by-name access, which the format detection relies on, stays as it is.
      // (preserveChildrenOrder is an xml2js option that its type definitions leave out.)
      xml2js: { explicitChildren: true, preserveChildrenOrder: true, charsAsChildren: true, includeWhiteChars: true } as ParserOptions<unknown, unknown>['xml2js'],
    });
  }

  buildAtomFeed(xml: { feed: unknown }): { tree: FeedTree } {
    const feed = asElement(xml.feed);
    return { tree: { format: 'atom', scopes: [feed], entries: children(feed, 'entry') } };
  }

  buildRSS2(xml: { rss: unknown }): { tree: FeedTree } {
    const rss = asElement(xml.rss);
    const channel = firstChild(rss, 'channel');
    // Items belong in the channel, but RSS 0.9x-era and broken feeds put them beside it.
    const entries = [...children(channel, 'item'), ...children(rss, 'item')];
    return { tree: { format: 'rss', scopes: channel ? [rss, channel] : [rss], entries } };
  }

  buildRSS0_9(xml: { rss: unknown }): { tree: FeedTree } {
    return this.buildRSS2(xml);
  }

  buildRSS1(xml: Record<string, unknown>): { tree: FeedTree } {
    const rdf = asElement(xml['rdf:RDF']);
    const channel = firstChild(rdf, 'channel', 'rss:channel');
    const entries = [...children(rdf, 'item', 'rss:item'), ...children(channel, 'item', 'rss:item')];
    return { tree: { format: 'rdf', scopes: channel ? [rdf, channel] : [rdf], entries } };
  }
}

/** Parses prepared XML text into a feed tree; rejects with xml2js/rss-parser errors. */
export async function parseFeedTree(xml: string): Promise<FeedTree> {
  const result = (await new FeedTreeParser().parseString(xml)) as unknown as { tree?: FeedTree };
  if (!result.tree) throw new Error('Feed not recognized as RSS 1 or 2.');
  return result.tree;
}
