import type { Item } from '../../domain/item.js';
import type { FrDocument } from './fr-schema.js';

/** A document's pages in the Federal Register, as the lists cite them. */
export interface FrPages {
  volume: number;
  first: number;
  last: number;
}

/** Who an Entity List rule adds: catalogue vendors (canonical names) and every entry name. */
export interface EntityListAdditions {
  vendors: string[];
  names: string[];
}

/** Reads the additions of the rule printed on these pages (the app joins the screening-list snapshots). */
export type EntityListLookup = (pages: FrPages) => Promise<EntityListAdditions>;

const BIS = 'industry-and-security-bureau';

/**
 * The pages of a BIS rule that adds entities to the Entity List (Supplement No. 4 to part 744):
 * "Addition of Entities to the Entity List", "Additions to the Entity List; Revision of ...".
 * Removals and revisions alone name no one new and are left as they are.
 */
export function entityListAdditionPages(doc: FrDocument): FrPages | undefined {
  if ((doc.type ?? '').toLowerCase() !== 'rule') return undefined;
  if (!(doc.agencies ?? []).some((agency) => agency.slug === BIS)) return undefined;
  const title = doc.title ?? '';
  if (!/\bentity list\b/i.test(title) || !/\baddition|\badding\b|\badds\b/i.test(title)) return undefined;
  const cited = /^\s*(\d{1,3})\s+FR\s+(\d{1,6})\b/i.exec(doc.citation ?? '');
  const volume = doc.volume ?? (cited ? Number(cited[1]) : undefined);
  const first = doc.start_page ?? (cited ? Number(cited[2]) : undefined);
  if (!volume || !first) return undefined;
  return { volume, first, last: Math.max(first, doc.end_page ?? first) };
}

const NAMED_IN_SUMMARY = 25;
const NAMED_IN_TITLE = 3;

function pagesText(pages: FrPages): string {
  return `${pages.volume} FR ${pages.first}${pages.last > pages.first ? `-${pages.last}` : ''}`;
}

/**
 * The rule's item naming whom it adds: the catalogue vendors become the thread's vendors (so
 * vendor filters and watch terms route it, and the alert names them) and lead the title; the
 * summary lists the entry names. Nothing changes when the list names no one for these pages yet.
 */
export function withEntityListNames(item: Item, pages: FrPages, added: EntityListAdditions): Item {
  if (!added.names.length || !item.thread) return item;
  const shown = added.names.slice(0, NAMED_IN_SUMMARY);
  const more = added.names.length - shown.length;
  const names = `Adds to the Entity List (${added.names.length} entries citing ${pagesText(pages)} on the Consolidated Screening List): ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
  const lead = added.vendors.slice(0, NAMED_IN_TITLE);
  const title = lead.length
    ? `${item.title} (adds ${lead.join(', ')}${added.vendors.length > lead.length ? ' and others' : ''})`
    : item.title;
  const vendors = [...new Set([...(item.thread.vendors ?? []), ...added.vendors])];
  return {
    ...item,
    title,
    summary: [names, item.summary].filter(Boolean).join(' '),
    thread: { ...item.thread, ...(vendors.length ? { vendors } : {}) },
  };
}
