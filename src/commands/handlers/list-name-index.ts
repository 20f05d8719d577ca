import type { ListEntry, ListSnapshot } from '../../domain/list-entry.js';
import { NAME_MATCH_THRESHOLD, nameTokens, tokenScore } from '../../domain/list-name-match.js';

/** A listed entry a name was matched to. */
export interface ListHit {
  entry: ListEntry;
  /** The entry's name or alias that matched. */
  matched: string;
  /** 1 when equal once normalized (domain/list-name-match.ts). */
  score: number;
}

/** What the lists say about one name: entries that contain every word of it, or the closest spelling. */
export interface ListNameAnswer {
  found: ListHit[];
  near?: ListHit;
}

export interface ListNameIndex {
  find(names: readonly string[]): ListNameAnswer;
  readonly size: number;
}

/** Words shared by more entries than this ("technology", "trading") do not narrow a fuzzy search. */
const COMMON_WORD = 400;

interface Row {
  entry: ListEntry;
  names: Array<{ text: string; tokens: string[] }>;
}

/**
 * The official lists indexed once for many names (a `watch import` of thousands of rows), where
 * the `vendor` command's lookup scores every entry per name (0.3-1 s over 15,500 entries). It
 * answers with the same scoring (`tokenScore`, `NAME_MATCH_THRESHOLD`) over fewer candidates:
 * - found: entries whose name or alias contains every word of the name asked (found through an
 *   index of whole words), scored, best first;
 * - near: otherwise the best-scoring entry among those sharing a word's first or last three
 *   letters with the name, so a typo in the middle of a word is still caught, and whose name is
 *   about as long (within two letters or a fifth). A typo in both ends of a word is missed: the
 *   price of not scoring all 15,500 entries per row.
 */
export function listNameIndex(snapshots: readonly ListSnapshot[]): ListNameIndex {
  const rows: Row[] = [];
  const byWord = new Map<string, Set<number>>();
  const byEnd = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, key: string, row: number) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(row);
  };
  for (const snapshot of snapshots) {
    for (const entry of snapshot.entries) {
      const index = rows.length;
      const names = [entry.name, ...(entry.aliases ?? [])].map((text) => ({ text, tokens: nameTokens(text) }));
      rows.push({ entry, names });
      for (const { tokens } of names) {
        for (const token of tokens) {
          add(byWord, token, index);
          for (const end of ends(token)) add(byEnd, end, index);
        }
      }
    }
  }

  function best(row: Row, wanted: string[], typo = false): ListHit | undefined {
    let top: ListHit | undefined;
    const length = wanted.join(' ').length;
    for (const listed of row.names) {
      // A typo changes a name's length by a letter or two: "Dovkelrix" is not a misspelt "Dover".
      if (typo && Math.abs(listed.tokens.join(' ').length - length) > Math.max(2, length * 0.2)) continue;
      const score = tokenScore(wanted, listed.tokens, NAME_MATCH_THRESHOLD);
      if (score >= NAME_MATCH_THRESHOLD && (!top || score > top.score))
        top = { entry: row.entry, matched: listed.text, score };
    }
    return top;
  }

  function containing(wanted: string[]): number[] {
    const sets = wanted.map((word) => byWord.get(word));
    if (sets.some((set) => !set)) return [];
    const [smallest, ...others] = (sets as Array<Set<number>>).sort((a, b) => a.size - b.size);
    return [...(smallest ?? [])].filter((row) => others.every((set) => set.has(row)));
  }

  /**
   * Rows close enough to score: a name scores near the threshold only when nearly every word of it
   * is close to a listed word, so each word that can narrow the search must share an end with
   * the row (one may miss in names of five words or more, where one bad word still averages out).
   */
  function nearby(wanted: string[]): number[] {
    const hits = new Map<number, number>();
    let words = 0;
    for (const word of wanted) {
      const sets = ends(word).flatMap((end) => {
        const set = byEnd.get(end);
        return set && set.size <= COMMON_WORD ? [set] : [];
      });
      // A word too short to index, or whose ends are everywhere ("technology"), narrows nothing.
      if (!sets.length) continue;
      words++;
      const rowsOfWord = new Set<number>();
      for (const set of sets) for (const row of set) rowsOfWord.add(row);
      for (const row of rowsOfWord) hits.set(row, (hits.get(row) ?? 0) + 1);
    }
    const needed = Math.max(1, words - (wanted.length >= 5 ? 1 : 0));
    return [...hits].filter(([, count]) => count >= needed).map(([row]) => row);
  }

  return {
    size: rows.length,
    find(names) {
      const queries = [...new Set(names.map((n) => nameTokens(n).join(' ')).filter(Boolean))].map((n) => n.split(' '));
      const found = new Map<number, ListHit>();
      for (const wanted of queries)
        for (const index of containing(wanted)) {
          const hit = best(rows[index] as Row, wanted);
          const known = found.get(index);
          if (hit && (!known || hit.score > known.score)) found.set(index, hit);
        }
      if (found.size) return { found: [...found.values()].sort(byScore) };
      let near: ListHit | undefined;
      for (const wanted of queries)
        for (const index of nearby(wanted)) {
          const hit = best(rows[index] as Row, wanted, true);
          if (hit && (!near || hit.score > near.score)) near = hit;
        }
      return near ? { found: [], near } : { found: [] };
    },
  };
}

/** A word's first and last three letters (words shorter than four are matched whole only). */
function ends(word: string): string[] {
  return word.length < 4 ? [] : [`<${word.slice(0, 3)}`, `>${word.slice(-3)}`];
}

function byScore(a: ListHit, b: ListHit): number {
  return b.score - a.score || (b.entry.since ?? '').localeCompare(a.entry.since ?? '');
}
