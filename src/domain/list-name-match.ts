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

/** Jaro-Winkler similarity, 0..1. */
function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, k = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * How well a query names a listed name, 0..1: 1 when equal once normalized; else the better of
 * the whole-name similarity and the share of query words found (each by its closest word) in
 * the listed name, so "Hikvision" finds "Hangzhou Hikvision Digital Technology Co., Ltd.".
 */
export function nameScore(query: string, listed: string): number {
  const q = nameTokens(query);
  const l = nameTokens(listed);
  if (!q.length || !l.length) return 0;
  const qs = q.join(' ');
  const ls = l.join(' ');
  if (qs === ls) return 1;
  const whole = jaroWinkler(qs, ls);
  const perWord = q.map((word) => Math.max(...l.map((other) => jaroWinkler(word, other))));
  // Words found in the name count fully only when the name is not much longer than the query.
  const coverage = perWord.reduce((sum, s) => sum + s, 0) / q.length;
  const extra = Math.max(0, l.length - q.length);
  const words = coverage * (1 - Math.min(0.15, extra * 0.03));
  return Math.min(0.99, Math.max(whole, words));
}

/** Scores below this are not a match. */
export const NAME_MATCH_THRESHOLD = 0.88;
