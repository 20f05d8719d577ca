import type { ListEntry, ListSnapshot, ListSnapshotStore, ListSourceMeta } from '../../domain/list-entry.js';
import { NAME_MATCH_THRESHOLD, nameTokens, tokenScore } from '../../domain/list-name-match.js';
import { line, reply, type Reply, type ReplySection } from '../reply.js';

/** An entry found for a name: which of its names matched, and how well (1 = exact once normalized). */
export interface ListMatch {
  entry: ListEntry;
  matched: string;
  score: number;
}

/** What the `vendor` and `lists` commands read from the official lists. */
export interface ListLookup {
  find(names: readonly string[], limit?: number): Promise<{ matches: ListMatch[]; total: number }>;
  summaries(): Promise<ListSourceMeta[]>;
}

/**
 * Screens names against the latest accepted snapshot of every list source, the forgiving way
 * list screening does (see domain/list-name-match.ts): each entry is scored by its best name or
 * alias against the best of the names asked for; the best matches come first.
 */
export function listLookup(store: Pick<ListSnapshotStore, 'latest' | 'allMeta'>): ListLookup {
  // Each snapshot's names split once (by source and content hash), not once per lookup.
  type Row = { entry: ListEntry; initials: string; names: Array<{ text: string; tokens: string[] }> };
  const split = new Map<string, Row[]>();
  function tokenized(snapshot: ListSnapshot) {
    const key = `${snapshot.sourceId}:${snapshot.hash}`;
    let rows = split.get(key);
    if (!rows) {
      for (const old of split.keys()) if (old.startsWith(`${snapshot.sourceId}:`)) split.delete(old);
      rows = snapshot.entries.map((entry) => {
        const names = [entry.name, ...(entry.aliases ?? [])].map((text) => ({ text, tokens: nameTokens(text) }));
        const initials = [...new Set(names.flatMap((n) => n.tokens.map((t) => t[0] ?? '')))].join('');
        return { entry, initials, names };
      });
      split.set(key, rows);
    }
    return rows;
  }

  return {
    async find(names, limit = 8) {
      const wanted = [...new Set(names.map((n) => nameTokens(n).join(' ')).filter(Boolean))].map((n) => n.split(' '));
      const snapshots: ListSnapshot[] = wanted.length ? await store.latest() : [];
      const matches: ListMatch[] = [];
      // A listed name sharing no word's first letter with the query cannot score near a match
      // (no Winkler prefix anywhere): skipping those rows makes a lookup several times faster.
      const initials = new Set(wanted.flatMap((tokens) => tokens.map((t) => t[0] ?? '')));
      for (const snapshot of snapshots) {
        for (const row of tokenized(snapshot)) {
          if (![...row.initials].some((c) => initials.has(c))) continue;
          let best: ListMatch | undefined;
          for (const listed of row.names) {
            for (const tokens of wanted) {
              const score = tokenScore(tokens, listed.tokens, NAME_MATCH_THRESHOLD);
              if (score >= NAME_MATCH_THRESHOLD && (!best || score > best.score))
                best = { entry: row.entry, matched: listed.text, score };
            }
          }
          if (best) matches.push(best);
        }
      }
      matches.sort((a, b) => b.score - a.score || (b.entry.since ?? '').localeCompare(a.entry.since ?? ''));
      return { matches: matches.slice(0, limit), total: matches.length };
    },
    summaries: () => store.allMeta(),
  };
}

/** "Entity List since 2019-05-16, 84 FR 22961 — Huawei Technologies Co., Ltd. (alias "X", score 0.93)". */
export function listMatchText(match: ListMatch): string {
  const { entry } = match;
  const since = entry.since ? ` since ${entry.since}` : '';
  const citation = entry.citation ? `, ${entry.citation}` : '';
  const programs = !entry.citation && entry.programs?.length ? `, ${entry.programs.join(', ')}` : '';
  const via = match.matched !== entry.name ? `alias "${match.matched}"` : '';
  const score = match.score < 1 ? `score ${match.score.toFixed(2)}` : '';
  const notes = [via, score].filter(Boolean).join(', ');
  return `${entry.list}${since}${citation}${programs} — ${entry.name}${notes ? ` (${notes})` : ''}`;
}

/** The "On official lists" section of a vendor reply. */
export function listSection(found: { matches: ListMatch[]; total: number }): ReplySection {
  const more = found.total - found.matches.length;
  return {
    heading: 'On official lists',
    lines: [
      ...found.matches.map((m) => line(listMatchText(m))),
      ...(more > 0 ? [line(`and ${more} more entries`)] : []),
    ],
  };
}

/** A name the catalogue does not know but the lists do. */
export function listedOnlyReply(
  query: string,
  found: { matches: ListMatch[]; total: number },
  suggestions: readonly string[] = [],
): Reply {
  // A misspelt catalogue vendor may also be near a listed name: the suggestion still comes first.
  const hint = suggestions.length ? [{ lines: [line(`Did you mean: ${suggestions.join(', ')}?`)] }] : [];
  return reply(`"${query}" is not in the vendor catalogue, but is on official lists`, [...hint, listSection(found)], {
    data: { query, suggestions, listings: found.matches, total: found.total },
  });
}
