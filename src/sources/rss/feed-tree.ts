import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { limitGuard, type FeedParseLimits } from './feed-limits.js';

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
 * Builds an element tree from a parser's events, under the parse limits: depth and element
 * count are checked as each element opens (see feed-limits.ts). Both the strict reader and the
 * lenient one build through it, so a hostile document costs the same bounded work in either.
 */
export class TreeBuilder {
  readonly document: XmlElement = { $$: [] };
  private readonly open: XmlElement[] = [this.document];
  private readonly guard: (depth: number) => void;

  constructor(limits?: FeedParseLimits) {
    this.guard = limitGuard(limits);
  }

  openElement(name: string, attributes: Record<string, string>): void {
    this.guard(this.open.length);
    const element: XmlElement = { '#name': name, $$: [] };
    for (const _ in attributes) {
      element.$ = attributes;
      break;
    }
    const parent = this.open[this.open.length - 1] as XmlElement;
    parent.$$?.push(element);
    const named = parent[name];
    if (Array.isArray(named)) named.push(element);
    else parent[name] = [element];
    this.open.push(element);
  }

  closeElement(): void {
    if (this.open.length > 1) this.open.pop();
  }

  /** Closes the innermost open element of that name and all inside it; nothing when none is open. */
  closeNamed(name: string): void {
    for (let at = this.open.length - 1; at > 0; at--) {
      if (this.open[at]?.['#name'] !== name) continue;
      this.open.length = at;
      return;
    }
  }

  /**
   * An end tag that names nothing open (`<title>x</titel>`): it closes the innermost element if
   * that holds only text so far, as a misspelt end of it would; otherwise it is ignored (a stray
   * `</b>` right after `<item>` must not end the item).
   */
  closeStray(): void {
    const innermost = this.open[this.open.length - 1];
    if (this.open.length < 2 || !innermost?.$$) return;
    const onlyText = innermost.$$.every((child) => child['#name'] === '__text__');
    if (onlyText && innermost.$$.some((child) => (child._ ?? '').trim() !== '')) this.open.pop();
  }

  /** Whether an element of that name is open. */
  isOpen(name: string): boolean {
    return this.open.some((element, at) => at > 0 && element['#name'] === name);
  }

  text(value: string): void {
    // Text outside the root element is only whitespace (anything else is an error).
    if (this.open.length > 1)
      (this.open[this.open.length - 1] as XmlElement).$$?.push({ '#name': '__text__', _: value });
  }

  /** Elements still open (the document ended inside them), innermost last. */
  unfinished(): XmlElement[] {
    return this.open.slice(1);
  }
}

/**
 * Builds the element tree with saxes, a strict (well-formedness checking) streaming XML parser.
 * Document order is kept for mixed content (Atom xhtml text: "The <code>x</code> is"), and
 * nothing is mapped: identity and links need what feed libraries' mappings drop (Atom link
 * rel/type, xml:base, text construct types). Entities declared in a DTD are never expanded.
 * Throws saxes' error ("line:column: message") on malformed XML, and a FeedLimitError past a limit.
 */
function buildTree(xml: string, limits?: FeedParseLimits): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const builder = new TreeBuilder(limits);
  parser.on('opentag', (tag: SaxesTagPlain) => builder.openElement(tag.name, tag.attributes));
  parser.on('closetag', () => builder.closeElement());
  const text = (value: string) => builder.text(value);
  parser.on('text', text);
  parser.on('cdata', text);
  parser.write(xml).close();
  return builder.document;
}

/**
 * Parses prepared XML text into a feed tree, recognising the format by the root element as
 * feed libraries do: <feed> is Atom, <rss> (any version, or none) RSS 0.9x/2.0, <rdf:RDF> RSS 1.0.
 */
export function parseFeedTree(xml: string, limits?: FeedParseLimits): FeedTree {
  return feedTreeOf(buildTree(xml, limits));
}

/** The feed in a document tree, whichever reader built it. */
export function feedTreeOf(document: XmlElement): FeedTree {
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
