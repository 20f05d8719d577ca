import { nameTokens } from '../domain/list-name-match.js';
import type { VendorCatalog } from '../domain/vendor.js';

/**
 * Matches list entries to catalogue vendors: by name, alias or brand as the catalogue resolves
 * them, else when a catalogue name's words appear in order inside the entry's name ("Hikvision"
 * in "Hangzhou Hikvision Digital Technology Co., Ltd.", "Huawei" in "Huawei Cloud Beijing").
 * Catalogue names shorter than four letters must start the entry's name, so "ZTE" matches
 * "ZTE Kangxun" but not a word that merely contains it.
 */
export function listVendorMatcher(catalog: VendorCatalog): (names: readonly string[]) => string | undefined {
  const known = catalog.all().flatMap((vendor) =>
    [vendor.name, ...vendor.aliases, ...vendor.legalNames, ...vendor.brands.map((b) => b.name)].flatMap((name) => {
      const tokens = nameTokens(name);
      return tokens.length ? [{ vendor: vendor.name, tokens }] : [];
    }),
  );
  // Longer names first, so "China Mobile" wins over a shorter alias inside it.
  known.sort((a, b) => b.tokens.length - a.tokens.length);

  function within(tokens: string[], wanted: string[]): boolean {
    const short = wanted.join('').length < 4;
    for (let i = 0; i + wanted.length <= tokens.length; i++) {
      if (short && i > 0) return false;
      if (wanted.every((word, j) => tokens[i + j] === word)) return true;
    }
    return false;
  }

  return (names) => {
    for (const name of names) {
      const exact = catalog.resolve(name);
      if (exact) return exact.name;
    }
    for (const name of names) {
      const tokens = nameTokens(name);
      const hit = known.find((entry) => within(tokens, entry.tokens));
      if (hit) return hit.vendor;
    }
    return undefined;
  };
}
