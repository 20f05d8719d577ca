/**
 * "Did you mean" for vendor lookups: ranks known names by how few edits turn the typed name
 * into them (a swap of two neighbouring letters counts as one edit, the commonest typo).
 */
import { editDistance } from '../shared/suggest.js';

export interface SuggestCandidate {
  /** The name as shown to people. */
  display: string;
  /** The normalized form compared with the input. */
  key: string;
  /** Lower ranks win ties: canonical names before aliases before brands. */
  rank: number;
}

/**
 * Closest candidates, best first. A typed prefix ("hikv") counts as nearly exact, so people
 * who stop typing early still get the vendor. Never empty when there are candidates.
 */
export function suggestNames(input: string, candidates: readonly SuggestCandidate[], limit: number): string[] {
  if (input === '' || limit <= 0) return [];
  const scored = candidates.map((candidate) => {
    const whole = editDistance(input, candidate.key);
    const prefix =
      candidate.key.length > input.length ? editDistance(input, candidate.key.slice(0, input.length)) + 1 : whole;
    return { candidate, distance: Math.min(whole, prefix) };
  });
  scored.sort(
    (x, y) =>
      x.distance - y.distance ||
      x.candidate.rank - y.candidate.rank ||
      x.candidate.key.length - y.candidate.key.length ||
      x.candidate.display.localeCompare(y.candidate.display),
  );
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { candidate } of scored) {
    const folded = candidate.display.toLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    out.push(candidate.display);
    if (out.length >= limit) break;
  }
  return out;
}
