import { digest } from '../../domain/hash.js';
import type { Item } from '../../domain/item.js';
import type { ListEntry, ListingChange } from '../../domain/list-entry.js';

/** Finds the catalogue vendor an entry names (by name or alias), when there is one. */
export type VendorMatcher = (names: readonly string[]) => string | undefined;

const NAMED_IN_TITLE = 3;
const SUMMARY_LIMIT = 3_800;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Catalogue vendors first (by their canonical name, once each), then the other names as listed. */
const NOT_VENDORS = new Set(['individual', 'vessel', 'aircraft', 'equipment']);

function orderedNames(
  entries: readonly ListEntry[],
  match: VendorMatcher,
): { vendors: string[]; others: string[]; newVendors: string[] } {
  const vendors: string[] = [];
  const others: string[] = [];
  const newVendors: string[] = [];
  for (const entry of entries) {
    const vendor = match([entry.name, ...(entry.aliases ?? [])]);
    if (vendor) {
      if (!vendors.includes(vendor)) vendors.push(vendor);
    } else if (!others.includes(entry.name)) {
      others.push(entry.name);
      if (!NOT_VENDORS.has((entry.type ?? '').toLowerCase())) newVendors.push(entry.name);
    }
  }
  return { vendors, others, newVendors };
}

function publication(citation: string | undefined, since: string | undefined): string {
  const parts = [citation, since ? `effective ${since}` : undefined].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/**
 * One item per list and publication: "Entity List: 42 additions, including Huawei, ZTE and
 * Hikvision, and 39 more (84 FR 22961, effective 2019-05-16)". The key is a digest of the ids and
 * of the snapshot compared against (`basis`): the same change found again after a crash (the
 * cursor, and so the basis, not yet moved) is the same item, while an entry removed and later
 * added again is a new one. Every name goes in the summary.
 */
function groupItem(
  sourceId: string,
  change: ListingChange['change'],
  list: string,
  entries: ListEntry[],
  action: ListingChange['action'],
  match: VendorMatcher,
  basis: string,
): Item {
  const citation = change === 'added' ? entries[0]?.citation : undefined;
  const since = change === 'added' ? entries.map((e) => e.since ?? '').sort()[0] || undefined : undefined;
  const { vendors, others, newVendors } = orderedNames(entries, match);
  const names = [...vendors, ...others];
  const verb = change === 'added' ? 'added to' : change === 'removed' ? 'removed from' : 'updated on';
  const noun = change === 'added' ? 'additions' : change === 'removed' ? 'removals' : 'updated entries';
  const count = entries.length;
  const title =
    names.length <= NAMED_IN_TITLE
      ? `${joinNames(names)} ${verb} the ${list}${publication(citation, since)}`
      : `${list}: ${count} ${noun}, including ${names
          .slice(0, NAMED_IN_TITLE)
          .join(', ')} and ${names.length - NAMED_IN_TITLE} more${publication(citation, since)}`;
  const lines = entries.map((e) =>
    [e.name, e.aliases?.length ? `a.k.a. ${e.aliases.join('; ')}` : '', e.countries?.join(', ') ?? '', e.detail ?? '']
      .filter(Boolean)
      .join(' — '),
  );
  let summary = `${list}, ${count} ${change}: ${lines.join(' | ')}`;
  if (summary.length > SUMMARY_LIMIT) summary = `${summary.slice(0, SUMMARY_LIMIT - 1)}…`;
  // A modification is keyed by what the entries now say, so a second change of the same entry is new.
  const ids = entries.map((e) => (change === 'modified' ? JSON.stringify(e) : e.id)).sort();
  const listing: ListingChange = {
    list,
    change,
    vendors,
    others,
    ...(newVendors.length ? { newVendors } : {}),
    count,
    action,
    ...(citation ? { citation } : {}),
  };
  return {
    sourceId,
    key: `${slug(list)}:${change}:${digest(`${basis}\n${ids.join('\n')}`)}`,
    title,
    summary,
    kind: 'rule',
    exemptFromAgeLimit: true,
    listing,
    ...(since ? { publishedAt: new Date(`${since}T00:00:00Z`) } : {}),
  };
}

/** Items for a diff: additions grouped per list and publication, removals per list, catalogue vendors' modifications per list. */
export function changeItems(
  sourceId: string,
  diff: { added: readonly ListEntry[]; removed: readonly ListEntry[]; modified?: readonly ListEntry[] },
  action: (list: string) => ListingChange['action'],
  match: VendorMatcher,
  /** The content hash of the snapshot compared against (empty for a backfill). */
  basis = '',
): Item[] {
  const groups = new Map<string, { change: ListingChange['change']; list: string; entries: ListEntry[] }>();
  const add = (change: ListingChange['change'], entry: ListEntry, extra: string) => {
    const key = `${change}\u0000${entry.list}\u0000${extra}`;
    const group = groups.get(key) ?? { change, list: entry.list, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  };
  // A publication is the Federal Register citation, or for a list without one (FCC) the date of inclusion.
  for (const entry of diff.added) add('added', entry, entry.citation ?? entry.since ?? '');
  for (const entry of diff.removed) add('removed', entry, '');
  // Only a catalogue vendor's entry can be named by a channel's vendor filter; the rest is recorded.
  for (const entry of diff.modified ?? [])
    if (match([entry.name, ...(entry.aliases ?? [])])) add('modified', entry, '');
  return [...groups.values()].map((g) =>
    groupItem(sourceId, g.change, g.list, g.entries, action(g.list), match, basis),
  );
}
