import { nameTokens } from '../../domain/list-name-match.js';
import type { VendorCatalog } from '../../domain/vendor.js';
import { editDistance } from '../../shared/suggest.js';
import type { ListHit, ListNameIndex } from './list-name-index.js';

/** What one supplier row is, as far as banwatch knows. */
export type InventoryMatch =
  /** A catalogue vendor (by name, alias, brand, legal name, or a catalogue name inside it). */
  | { kind: 'catalogue'; vendor: string; lists: string[] }
  /** Not in the catalogue, but every word of it is in an entry of an official list. */
  | { kind: 'listed'; lists: string[]; listedAs: string }
  /** Close to, but not, a catalogue name or a listed name: a likely typo; `from` is `catalogue` or the list. */
  | { kind: 'near'; suggestion: string; from: string }
  /** Unknown to banwatch. */
  | { kind: 'new' };

export interface InventoryMatcherDeps {
  catalog: Pick<VendorCatalog, 'all'>;
  /** The catalogue vendor (canonical name) a supplier's names belong to (app/list-vendor-matcher.ts). */
  catalogueVendor(names: readonly string[]): string | undefined;
  lists: ListNameIndex;
}

/**
 * Sorts a row's names, most certain first: the catalogue, then the official lists, then a near
 * spelling of a catalogue name, then of a listed name, else new. Near spellings of the catalogue
 * are judged by edits on the normalized name: none for names of four letters or fewer (too many
 * real companies are an edit apart), one up to eight letters, two beyond.
 */
export function inventoryMatcher(deps: InventoryMatcherDeps): (names: readonly string[]) => InventoryMatch {
  const nearCatalogueName = catalogueSpellings(deps.catalog);
  return (names) => {
    const vendor = deps.catalogueVendor(names);
    const listed = deps.lists.find(names);
    if (vendor) return { kind: 'catalogue', vendor, lists: listNames(listed.found) };
    const best = listed.found[0];
    if (best) return { kind: 'listed', lists: listNames(listed.found), listedAs: best.matched };
    const close = nearCatalogueName(names);
    if (close) return { kind: 'near', suggestion: close, from: 'catalogue' };
    if (listed.near) return { kind: 'near', suggestion: listed.near.matched, from: listed.near.entry.list };
    return { kind: 'new' };
  };
}

function listNames(hits: readonly ListHit[]): string[] {
  return [...new Set(hits.map((hit) => hit.entry.list))];
}

/** The catalogue's names, aliases and brands, normalized once; the closest within the allowed edits, or nothing. */
function catalogueSpellings(catalog: Pick<VendorCatalog, 'all'>): (names: readonly string[]) => string | undefined {
  const known = catalog
    .all()
    .flatMap((vendor) => [vendor.name, ...vendor.aliases, ...vendor.brands.map((brand) => brand.name)])
    .map((display) => ({ display, key: nameTokens(display).join(' ') }))
    .filter((name) => name.key.length > 0);
  return (names) => {
    for (const name of names) {
      const key = nameTokens(name).join(' ');
      const allowed = key.length <= 4 ? 0 : key.length <= 8 ? 1 : 2;
      let best: { display: string; distance: number } | undefined;
      for (const candidate of known) {
        // Lengths further apart than the edits allowed cannot be close: most names stop here.
        if (!allowed || Math.abs(candidate.key.length - key.length) > allowed) continue;
        const distance = editDistance(key, candidate.key);
        if (distance > 0 && distance <= allowed && (!best || distance < best.distance))
          best = { display: candidate.display, distance };
      }
      if (best) return best.display;
    }
    return undefined;
  };
}
