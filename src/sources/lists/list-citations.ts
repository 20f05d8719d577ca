import type { ListEntry, ListSnapshot } from '../../domain/list-entry.js';

/** A Federal Register document's pages: volume 84, pages 22961 to 22968. */
export interface FrPages {
  volume: number;
  first: number;
  last: number;
}

/** `84 FR 22961`, `83 FR  37423`, `85 FR 51603 ` -> volume and page; anything else -> undefined. */
export function parseFrCitation(text: string | undefined): { volume: number; page: number } | undefined {
  const match = /^\s*(\d{1,3})\s+FR\s+(\d{1,6})\b/i.exec(text ?? '');
  return match ? { volume: Number(match[1]), page: Number(match[2]) } : undefined;
}

/**
 * The entries of `list` that a Federal Register document added: those whose first citation
 * (the list's own record of the publication that added them; later citations are amendments)
 * falls within the document's pages. A rule's entries cite the page they are printed on, not
 * always the first (the Huawei rule of 84 FR 22961 has entries citing 84 FR 22963). One entry
 * per name, across snapshots of several list sources.
 */
export function entriesAddedBy(snapshots: readonly ListSnapshot[], pages: FrPages, list = 'Entity List'): ListEntry[] {
  const found = new Map<string, ListEntry>();
  for (const snapshot of snapshots)
    for (const entry of snapshot.entries) {
      if (entry.list !== list) continue;
      const cited = parseFrCitation(entry.citation);
      if (!cited || cited.volume !== pages.volume || cited.page < pages.first || cited.page > pages.last) continue;
      const key = entry.name.trim().toLowerCase();
      if (!found.has(key)) found.set(key, entry);
    }
  return [...found.values()];
}
