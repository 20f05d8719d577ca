/**
 * The searches a legiscan source runs when its config names none: the "foreign adversary"
 * procurement laws by the products they cover, and the catalogue's vendors by name. LegiScan's
 * full-text search takes AND, OR, quotes and parentheses.
 */
const ORIGINS = ['"foreign adversary"', '"foreign adversaries"', '"foreign country of concern"'];
const PRODUCTS = ['drone', '"unmanned aircraft"', 'camera', 'surveillance', 'TikTok', 'telecommunications', 'router'];

/** Vendor names per query: LegiScan answers long queries slowly and a short one is easier to read in `status`. */
const NAMES_PER_QUERY = 12;

const quote = (name: string) => (/\s/.test(name) ? `"${name.replace(/"/g, '')}"` : name.replace(/"/g, ''));

export function defaultQueries(vendorNames: readonly string[]): string[] {
  const queries = [`(${ORIGINS.join(' OR ')}) AND (${PRODUCTS.join(' OR ')})`];
  const names = [...new Set(vendorNames.map((name) => name.trim()).filter((name) => name.length >= 3))];
  for (let i = 0; i < names.length; i += NAMES_PER_QUERY)
    queries.push(
      names
        .slice(i, i + NAMES_PER_QUERY)
        .map(quote)
        .join(' OR '),
    );
  return queries;
}

/** Titles of procurement bans that name no vendor ("... technology from foreign adversaries"). */
export const CLASS_TITLE = /foreign adversar|countr(?:y|ies) of concern|foreign countr/i;
