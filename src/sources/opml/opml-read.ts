import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** One feed found in an OPML file. */
export interface OpmlFeed {
  url: string;
  title?: string;
  /** The folders it sat in, outermost first (readers export categories as nested outlines). */
  folders: string[];
}

export type OpmlReadResult =
  | {
      ok: true;
      title?: string;
      feeds: OpmlFeed[];
      /** Feeds past `MAX_OPML_FEEDS`, counted and not read: the caller says so, nothing is dropped silently. */
      beyondLimit: number;
    }
  | { ok: false; message: string };

/** Feeds read from one file: issue 24's 100,000-feed install in one import, a bound on a hostile file's memory. */
export const MAX_OPML_FEEDS = 100_000;
/**
 * Outlines open at once. Readers export a folder level or two; a file nested deeper is not a
 * subscription list anyone made by hand, and refusing it keeps the reading linear.
 */
export const MAX_OPML_DEPTH = 100;

/** A reason to stop reading, told to the person importing. */
class OpmlRefusal extends Error {}

/** An open element: what it is and, for an outline that is a folder, the folder's name. */
interface Open {
  name: string;
  folder?: string;
}

/**
 * Reads the feeds out of an OPML subscription list, however its outlines nest, in one streaming
 * pass (saxes) with an explicit stack: no recursion, so a hostile file nested a million deep is
 * refused with a message instead of overflowing the stack. An outline is a feed when it has an
 * `xmlUrl` (readers disagree on `type`, so it is not required); attribute names are matched
 * case-insensitively because exporters vary. A DOCTYPE is never needed in OPML and is dropped
 * first, so no entity is ever expanded.
 */
export async function readOpml(text: string): Promise<OpmlReadResult> {
  const parser = new SaxesParser({ xmlns: false });
  const open: Open[] = [];
  const folders: string[] = [];
  const feeds: OpmlFeed[] = [];
  let sawBody = false;
  let title: string | undefined;
  let inTitle = false;
  let root: string | undefined;
  let beyondLimit = 0;

  // saxes keeps one handler per event.
  parser.on('opentag', (tag: SaxesTagPlain) => {
    root ??= tag.name;
    const parent = open[open.length - 1]?.name;
    if (open.length >= MAX_OPML_DEPTH) throw new OpmlRefusal(`outlines nest more than ${MAX_OPML_DEPTH} deep`);
    const entry: Open = { name: tag.name };
    if (tag.name === 'body' && parent === 'opml') sawBody = true;
    inTitle = tag.name === 'title' && parent === 'head' && open.length === 2;
    if (tag.name === 'outline' && sawBody) {
      const attrs = lowerKeys(tag.attributes);
      const label = (attrs.title ?? attrs.text)?.trim() || undefined;
      const url = attrs.xmlurl?.trim();
      if (url && feeds.length >= MAX_OPML_FEEDS) beyondLimit++;
      else if (url) feeds.push({ url, title: label, folders: [...folders] });
      else if (label) entry.folder = label;
    }
    if (entry.folder !== undefined) folders.push(entry.folder);
    open.push(entry);
  });
  parser.on('closetag', () => {
    inTitle = false;
    if (open.pop()?.folder !== undefined) folders.pop();
  });
  parser.on('text', (value) => {
    if (inTitle) title = (title ?? '') + value;
  });

  try {
    parser.write(text.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '')).close();
  } catch (error) {
    if (error instanceof OpmlRefusal)
      return { ok: false, message: `not a subscription list banwatch reads: ${error.message}` };
    return { ok: false, message: `not well-formed XML: ${(error as Error).message.split('\n')[0]}` };
  }
  if (root !== 'opml' || !sawBody) return { ok: false, message: 'not an OPML file (no <opml><body>)' };
  return { ok: true, title: title?.trim() || undefined, feeds, beyondLimit };
}

function lowerKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
}
