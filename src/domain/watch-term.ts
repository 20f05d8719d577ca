/**
 * Watch terms an admin sets per channel:
 * - `vendor`: the term counts as a vendor name (a mention plus a ban cue -> alert);
 * - `all`: every item that mentions the term;
 * - `mute`: never an item that mentions the term (a mute always wins).
 * Terms are literal phrases, matched case-insensitively on word boundaries. They are never
 * turned into regular expressions.
 */
export type WatchMode = 'vendor' | 'all' | 'mute';

export interface WatchTerm {
  term: string;
  mode: WatchMode;
  /** Other names of the same thing (a supplier list's aliases): a mention of any counts as the term. */
  aliases?: string[];
  addedBy?: string;
  addedAt: string;
}

export const MAX_TERM_LENGTH = 100;
/** The per-channel cap when the config sets none (`watch.maxTermsPerChannel`). */
export const DEFAULT_MAX_TERMS_PER_CHANNEL = 1_000;
/** Aliases one term may carry: enough for a supplier's names and brands, not a second list. */
export const MAX_ALIASES_PER_TERM = 20;

/** The term and its aliases: every name a mention of the term may use. */
export function termNames(term: Pick<WatchTerm, 'term' | 'aliases'>): string[] {
  return term.aliases?.length ? [term.term, ...term.aliases] : [term.term];
}

// Control characters (C0, DEL, C1) and bidi overrides/isolates that could disguise a term.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export type TermCheck = { ok: true; term: string } | { ok: false; reason: string };

/** Trims and folds spacing, then checks length and characters. */
export function checkTerm(raw: string): TermCheck {
  if (FORBIDDEN.test(raw))
    return { ok: false, reason: 'a watch term cannot contain control or direction-override characters' };
  const term = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!term.length) return { ok: false, reason: 'a watch term cannot be empty' };
  if (term.length > MAX_TERM_LENGTH)
    return { ok: false, reason: `a watch term is at most ${MAX_TERM_LENGTH} characters (this one has ${term.length})` };
  if (!/[\p{L}\p{N}]/u.test(term)) return { ok: false, reason: 'a watch term needs at least one letter or digit' };
  return { ok: true, term };
}

/** Lower-cased, NFKC-folded text with single spaces, prepared once per item. */
export function prepareText(text: string): string {
  return ` ${text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ')} `;
}

const WORD = /[\p{L}\p{N}_]/u;
// Scripts written without spaces: a term in them matches anywhere.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Literal, case-insensitive, word-bounded search of `term` in text from prepareText(). */
export function mentions(prepared: string, term: string): boolean {
  const needle = term.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
  if (!needle) return false;
  const bounded = !UNSPACED.test(needle);
  let from = 0;
  for (;;) {
    const at = prepared.indexOf(needle, from);
    if (at < 0) return false;
    if (!bounded) return true;
    const before = prepared[at - 1] ?? ' ';
    const after = prepared[at + needle.length] ?? ' ';
    const startsWord = WORD.test(needle[0] ?? '');
    const endsWord = WORD.test(needle[needle.length - 1] ?? '');
    if ((!startsWord || !WORD.test(before)) && (!endsWord || !WORD.test(after))) return true;
    from = at + 1;
  }
}
