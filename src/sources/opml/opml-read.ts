import { parseStringPromise } from 'xml2js';

/** One feed found in an OPML file. */
export interface OpmlFeed {
  url: string;
  title?: string;
  /** The folders it sat in, outermost first (readers export categories as nested outlines). */
  folders: string[];
}

export type OpmlReadResult = { ok: true; title?: string; feeds: OpmlFeed[] } | { ok: false; message: string };

type Node = { $?: Record<string, string>; outline?: Node[] };

const MAX_FEEDS = 10_000;

/** xml2js's shape with explicitArray: every child element is an array. */
type OpmlDocument = { opml?: { head?: Array<{ title?: string[] }>; body?: Node[] } } | undefined;

/**
 * Reads the feeds out of an OPML subscription list, however deeply the outlines nest. An
 * outline is a feed when it has an `xmlUrl` (readers disagree on `type`, so it is not
 * required); attribute names are matched case-insensitively because exporters vary.
 */
export async function readOpml(text: string): Promise<OpmlReadResult> {
  let document: OpmlDocument;
  try {
    // A DOCTYPE is never needed in OPML; dropping it means no entity can be expanded.
    document = (await parseStringPromise(text.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, ''), {
      explicitArray: true,
    })) as OpmlDocument;
  } catch (error) {
    return { ok: false, message: `not well-formed XML: ${(error as Error).message.split('\n')[0]}` };
  }
  const body = document?.opml?.body?.[0];
  if (!document?.opml || !body) return { ok: false, message: 'not an OPML file (no <opml><body>)' };
  const feeds: OpmlFeed[] = [];
  const walk = (nodes: Node[] | undefined, folders: string[]) => {
    for (const node of nodes ?? []) {
      if (feeds.length >= MAX_FEEDS) return;
      const attrs = lowerKeys(node.$ ?? {});
      const label = (attrs.title ?? attrs.text)?.trim() || undefined;
      if (attrs.xmlurl?.trim()) feeds.push({ url: attrs.xmlurl.trim(), title: label, folders });
      walk(node.outline, label && !attrs.xmlurl ? [...folders, label] : folders);
    }
  };
  walk(body.outline, []);
  const title = document.opml.head?.[0]?.title?.[0];
  return { ok: true, title: typeof title === 'string' ? title.trim() : undefined, feeds };
}

function lowerKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
}
