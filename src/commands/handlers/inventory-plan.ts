import { MAX_ALIASES_PER_TERM, type WatchTerm } from '../../domain/watch-term.js';
import type { InventoryMatch } from './inventory-matcher.js';
import { ALIAS_SEPARATOR, type InventoryFile, type InventoryRow } from './inventory-csv.js';

/** One row's fate, for the report. */
export interface RowReport {
  line: number;
  name: string;
  /** The term it is watched as (the canonical name for a catalogue vendor, else the name as typed). */
  term: string;
  match: InventoryMatch;
}

/** What an import did, counted so each number follows from the rows. */
export interface InventoryReport {
  channelId: string;
  /** Data rows read (blank ones included). */
  rows: number;
  blank: number;
  rejected: InventoryFile['rejected'];
  /** Rows naming a term an earlier row of the file already named (their aliases are merged). */
  duplicates: Array<{ line: number; name: string; term: string }>;
  /** One per distinct term, by how it matched. */
  catalogue: RowReport[];
  listed: RowReport[];
  near: RowReport[];
  new: RowReport[];
  /** Terms now watched that were not before. */
  added: number;
  /** Terms the channel watched already (their aliases are merged, their mode kept). */
  alreadyWatched: number;
  /** Terms not watched because the channel reached its cap. */
  leftOut: Array<{ line: number; term: string }>;
  cap: number;
}

/**
 * Turns a read file into the channel's new terms: rows in file order, each watched as its
 * catalogue vendor's canonical name (what the classifier knows it by; the typed name is kept as
 * an alias) or else as typed. Near misses are watched as typed too: the supplier list is the
 * customer's word, and the report says which name was probably meant. A row naming the same term
 * as an earlier one is a duplicate; a term the channel watches already keeps its mode. New terms
 * stop at the cap; the rest are reported as left out, nothing is dropped silently.
 */
export function planInventory(
  file: InventoryFile,
  existing: readonly WatchTerm[],
  match: (names: readonly string[]) => InventoryMatch,
  options: { channelId: string; cap: number; addedBy: string; addedAt: string },
): { terms: WatchTerm[]; report: InventoryReport } {
  const terms = existing.map((term) => ({ ...term }));
  const byKey = new Map(terms.map((term) => [term.term.toLowerCase(), term]));
  const seen = new Map<string, string>();
  const report: InventoryReport = {
    channelId: options.channelId,
    rows: file.rows.length + file.rejected.length + file.blank,
    blank: file.blank,
    rejected: file.rejected,
    duplicates: [],
    catalogue: [],
    listed: [],
    near: [],
    new: [],
    added: 0,
    alreadyWatched: 0,
    leftOut: [],
    cap: options.cap,
  };
  let count = terms.length;
  for (const row of file.rows) {
    const found = match([row.name, ...row.aliases]);
    const term = found.kind === 'catalogue' ? found.vendor : row.name;
    const key = term.toLowerCase();
    const aliases = aliasesOf(row, term);
    if (seen.has(key)) {
      report.duplicates.push({ line: row.line, name: row.name, term });
      const earlier = byKey.get(key);
      if (earlier) mergeAliases(earlier, aliases);
      continue;
    }
    seen.set(key, row.name);
    report[found.kind].push({ line: row.line, name: row.name, term, match: found });
    const known = byKey.get(key);
    if (known) {
      report.alreadyWatched++;
      if (known.mode !== 'mute') mergeAliases(known, aliases);
      continue;
    }
    if (count >= options.cap) {
      report.leftOut.push({ line: row.line, term });
      continue;
    }
    const entry: WatchTerm = {
      term,
      mode: 'vendor',
      ...(aliases.length ? { aliases } : {}),
      addedBy: options.addedBy,
      addedAt: options.addedAt,
    };
    terms.push(entry);
    byKey.set(key, entry);
    count++;
    report.added++;
  }
  return { terms, report };
}

/** The row's names other than the term; a typed name that would split on re-import stays out. */
function aliasesOf(row: InventoryRow, term: string): string[] {
  const typed = ALIAS_SEPARATOR.test(row.name) ? row.aliases : [row.name, ...row.aliases];
  const out: string[] = [];
  const keys = new Set([term.toLowerCase()]);
  for (const name of typed) {
    if (keys.has(name.toLowerCase())) continue;
    keys.add(name.toLowerCase());
    out.push(name);
  }
  return out.slice(0, MAX_ALIASES_PER_TERM);
}

function mergeAliases(term: WatchTerm, more: readonly string[]): void {
  const keys = new Set([term.term, ...(term.aliases ?? [])].map((name) => name.toLowerCase()));
  const merged = [...(term.aliases ?? [])];
  for (const alias of more) {
    if (keys.has(alias.toLowerCase()) || merged.length >= MAX_ALIASES_PER_TERM) continue;
    keys.add(alias.toLowerCase());
    merged.push(alias);
  }
  if (merged.length) term.aliases = merged;
}
