/**
 * Forgiving name matching, the way list screening does it: case, accents, punctuation and legal
 * forms ("Co., Ltd.", "Corporation") do not count, and romanization variants ("Kyo'ng", "Hangzhou
 * Hikvision" vs "Hikvision") score close. Pure, so commands and sources share it.
 */

/** Words that say what kind of company, not which one. */
const LEGAL_FORMS = new Set([
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'plc',
  'sa',
  'ag',
  'gmbh',
  'jsc',
  'ojsc',
  'pjsc',
  'ooo',
  'oao',
  'zao',
  'the',
  'of',
  'and',
]);

/** Lowercase words without accents, punctuation, apostrophes of romanization or legal forms. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/\([^)]*\)/g, (inner) => ` ${inner} `)
    .split(/[^a-z0-9\u00c0-\uffff]+/)
    .filter((word) => word && !LEGAL_FORMS.has(word));
}

export function normalizeName(name: string): string {
  return nameTokens(name).join(' ');
}

/** Match flags reused across calls: a lookup scores hundreds of thousands of pairs. */
let aFlags = new Uint8Array(64);
let bFlags = new Uint8Array(64);

/** Jaro-Winkler similarity, 0..1. */
function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  if (aFlags.length < a.length) aFlags = new Uint8Array(a.length * 2);
  if (bFlags.length < b.length) bFlags = new Uint8Array(b.length * 2);
  aFlags.fill(0, 0, a.length);
  bFlags.fill(0, 0, b.length);
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const end = Math.min(b.length, i + window + 1);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (bFlags[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aFlags[i] = bFlags[j] = 1;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, k = 0; i < a.length; i++) {
    if (!aFlags[i]) continue;
    while (!bFlags[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  const most = Math.min(4, a.length, b.length);
  while (prefix < most && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * How well a query names a listed name, 0..1: 1 when equal once normalized; else the better of
 * the whole-name similarity and the share of query words found (each by its closest word) in
 * the listed name, so "Hikvision" finds "Hangzhou Hikvision Digital Technology Co., Ltd.".
 */
export function nameScore(query: string, listed: string): number {
  return tokenScore(nameTokens(query), nameTokens(listed));
}

/**
 * `nameScore` over names already split by `nameTokens` (lookups split each listed name once).
 * `floor`: below it the exact score does not matter, so hopeless pairs stop early.
 */
export function tokenScore(q: readonly string[], l: readonly string[], floor = 0): number {
  if (!q.length || !l.length) return 0;
  const qs = q.join(' ');
  const ls = l.join(' ');
  if (qs === ls) return 1;
  // Compared as wholes only when that can matter: strings of very different lengths cannot be
  // similar (Jaro is then at most ~0.8), and without a common first letter (no Winkler bonus)
  // the word comparison below finds what the whole one would.
  const ratio = Math.min(qs.length, ls.length) / Math.max(qs.length, ls.length);
  const whole = ratio >= 0.4 && qs.charCodeAt(0) === ls.charCodeAt(0) ? jaroWinkler(qs, ls) : 0;
  // Words found in the name count fully only when the name is not much longer than the query.
  const penalty = 1 - Math.min(0.15, Math.max(0, l.length - q.length) * 0.03);
  let sum = 0;
  for (let i = 0; i < q.length; i++) {
    let best = 0;
    for (const other of l) best = Math.max(best, jaroWinkler(q[i] as string, other));
    sum += best;
    // Even perfect remaining words could not lift it to the floor: stop.
    if (((sum + (q.length - i - 1)) / q.length) * penalty < floor && whole < floor) return Math.max(whole, 0);
  }
  return Math.min(0.99, Math.max(whole, (sum / q.length) * penalty));
}

/** Scores below this are not a match. */
export const NAME_MATCH_THRESHOLD = 0.88;
