import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * An element of the feed tree: attributes in `$`, every child element and text run in document
 * order in `$$` (text runs as `{ '#name': '__text__', _: text }`), and child elements by name as
 * arrays, for `first(node, 'title')` style access.
 */
export interface XmlElement {
  $?: Record<string, string>;
  _?: string;
  $$?: XmlElement[];
  '#name'?: string;
  [child: string]: unknown;
}
/** A node as the readers take it: an element, or (from older trees and tests) plain text. */
export type XmlNode = string | XmlElement;

export type FeedFormat = 'rss' | 'rdf' | 'atom';

export interface FeedTree {
  format: FeedFormat;
  /** Root element, then channel (RSS, RDF) or feed (Atom): where xml:base and the title live. */
  scopes: XmlElement[];
  entries: XmlNode[];
}

function firstChild(node: XmlElement, ...names: string[]): XmlElement | undefined {
  for (const name of names) {
    const value = node[name];
    if (Array.isArray(value) && value.length > 0) return value[0] as XmlElement;
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
 * Builds the element tree with saxes, a strict (well-formedness checking) streaming XML parser.
 * Document order is kept for mixed content (Atom xhtml text: "The <code>x</code> is"), and
 * nothing is mapped: identity and links need what feed libraries' mappings drop (Atom link
 * rel/type, xml:base, text construct types). Entities declared in a DTD are never expanded.
 * Throws saxes' error ("line:column: message") on malformed XML.
 */
function buildTree(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const document: XmlElement = { $$: [] };
  const open: XmlElement[] = [document];
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const element: XmlElement = { '#name': tag.name, $$: [] };
    for (const _ in tag.attributes) {
      element.$ = tag.attributes;
      break;
    }
    const parent = open[open.length - 1] as XmlElement;
    parent.$$?.push(element);
    const named = parent[tag.name];
    if (Array.isArray(named)) named.push(element);
    else parent[tag.name] = [element];
    open.push(element);
  });
  parser.on('closetag', () => {
    open.pop();
  });
  const text = (value: string) => {
    // Text outside the root element is only whitespace (anything else is an error).
    if (open.length > 1) (open[open.length - 1] as XmlElement).$$?.push({ '#name': '__text__', _: value });
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.write(xml).close();
  return document;
}

/**
 * Parses prepared XML text into a feed tree, recognising the format by the root element as
 * feed libraries do: <feed> is Atom, <rss> (any version, or none) RSS 0.9x/2.0, <rdf:RDF> RSS 1.0.
 */
export function parseFeedTree(xml: string): FeedTree {
  const document = buildTree(xml);
  const atom = firstChild(document, 'feed');
  if (atom) return { format: 'atom', scopes: [atom], entries: children(atom, 'entry') };
  const rss = firstChild(document, 'rss');
  if (rss) {
    const channel = firstChild(rss, 'channel');
    // Items belong in the channel, but RSS 0.9x-era and broken feeds put them beside it.
    const entries = [...children(channel, 'item'), ...children(rss, 'item')];
    return { format: 'rss', scopes: channel ? [rss, channel] : [rss], entries };
  }
  const rdf = firstChild(document, 'rdf:RDF');
  if (rdf) {
    const channel = firstChild(rdf, 'channel', 'rss:channel');
    const entries = [...children(rdf, 'item', 'rss:item'), ...children(channel, 'item', 'rss:item')];
    return { format: 'rdf', scopes: channel ? [rdf, channel] : [rdf], entries };
  }
  throw new Error('Feed not recognized as RSS 1 or 2.');
}
