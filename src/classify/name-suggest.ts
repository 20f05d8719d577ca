/**
 * "Did you mean" for vendor lookups: ranks known names by how few edits turn the typed name
 * into them (a swap of two neighbouring letters counts as one edit, the commonest typo).
 */

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prevPrev: number[] = new Array<number>(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row: number[] = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (prevPrev[j - 2] as number) + 1);
      }
      row[j] = best;
    }
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length] as number;
}

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
