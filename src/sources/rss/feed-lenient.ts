import { Parser } from 'htmlparser2';
import type { FeedParseLimits } from './feed-limits.js';
import { feedTreeOf, TreeBuilder, type FeedTree, type XmlNode } from './feed-tree.js';

/**
 * Publishers' feeds break in a few recurring ways: a stray or mismatched tag, an unquoted
 * attribute, a broken XML declaration, a document cut off mid-way. A strict parser refuses
 * the whole feed over any of them; this reader (htmlparser2 in XML mode, made to be
 * forgiving: it closes what a stray end tag implies and ignores end tags that close nothing)
 * rebuilds a tree from what is there, under the same parse limits.
 *
 * It is only ever asked after the strict reader refused a document, so a well-formed feed is
 * read exactly as before.
 */

/**
 * RSS 2.0 has no namespace, so an `rss:` prefix on its elements (seen in the wild) names
 * nothing; in RSS 1.0 it is the RSS namespace, whose elements carry the same local names. Either
 * way the element is the unprefixed one.
 */
const withoutRssPrefix = (name: string) => (name.startsWith('rss:') ? name.slice(4) : name);

function renamedAttributes(attributes: Record<string, string>): Record<string, string> {
  const renamed: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) renamed[withoutRssPrefix(name)] = value;
  return renamed;
}

const ENTRIES = new Set(['item', 'entry']);

/**
 * htmlparser2 drops an end tag that matches no open element without a callback; this notices
 * one (no close reported while the tokenizer handed over an end tag) so the builder can decide.
 */
interface StrayHooks {
  /** Whether a close was reported since `clear`. */
  reported(): boolean;
  clear(): void;
  stray(): void;
}

class StrayAwareParser extends Parser {
  private readonly strayHooks: StrayHooks;

  constructor(hooks: StrayHooks, ...rest: ConstructorParameters<typeof Parser>) {
    super(...rest);
    this.strayHooks = hooks;
  }

  override onclosetag(start: number, endIndex: number): void {
    this.strayHooks.clear();
    super.onclosetag(start, endIndex);
    if (!this.strayHooks.reported()) this.strayHooks.stray();
  }
}

export interface LenientTree extends FeedTree {
  /** Entries the document ended inside (a truncated tail): left out, their text may be cut. */
  dropped: number;
}

/** Throws a FeedLimitError past a limit, and saxes-like errors never: there are none to throw. */
export function parseFeedTreeLeniently(xml: string, limits?: FeedParseLimits): LenientTree {
  const builder = new TreeBuilder(limits);
  let closed = false;
  const parser = new StrayAwareParser(
    {
      reported: () => closed,
      clear: () => void (closed = false),
      stray: () => builder.closeStray(),
    },
    {
      onopentag: (raw, attributes) => {
        const name = withoutRssPrefix(raw);
        // An entry never holds another: one opening while another is open means the first was
        // left unclosed, and ends there (as HTML ends a <p>), so the entries after it stay entries.
        if (ENTRIES.has(name) && builder.isOpen(name)) builder.closeNamed(name);
        builder.openElement(name, renamedAttributes(attributes));
      },
      // Closed by name: an end tag closes the element it names (and what is open inside it),
      // and one that names nothing open, or an entry already ended above, closes nothing.
      onclosetag: (raw) => {
        closed = true;
        builder.closeNamed(withoutRssPrefix(raw));
      },
      ontext: (text) => builder.text(text),
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(xml);
  // What is still open now was cut off by the end of the document.
  const unfinished = new Set<XmlNode>(builder.unfinished());
  parser.end();
  const tree = feedTreeOf(builder.document);
  const entries = tree.entries.filter((entry) => !unfinished.has(entry));
  return { ...tree, entries, dropped: tree.entries.length - entries.length };
}
