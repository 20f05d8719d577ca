/**
 * Splits text into lower-case word tokens once, so every phrase lookup afterwards is a walk
 * over tokens instead of a regular expression per phrase.
 *
 * - A word is a run of letters, digits and combining marks (any script except CJK):
 *   punctuation and spaces separate words, so "TP-Link", "TP Link" and "tp‑link" (with a
 *   non-breaking hyphen) all give `tp`, `link`, and phrases match on whole words only.
 * - Each CJK character (Han, kana) is a token of its own, because CJK text has no spaces:
 *   a CJK name then matches anywhere inside a CJK run, as a substring.
 */
export interface Tokens {
  /** Lower-case token texts. */
  words: string[];
  /** Start offset of each token in the source text. */
  starts: number[];
  /** End offset (exclusive) of each token in the source text. */
  ends: number[];
}

function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0x3040 && code <= 0x30ff) || // hiragana, katakana
    (code >= 0xf900 && code <= 0xfaff) // compatibility ideographs
  );
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Class of each ASCII code: letters and digits are word characters, the rest separators. */
const ASCII_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  ASCII_CLASS[code] = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
}

/** 0: separator, 1: word character, 2: a CJK character (a token alone). */
function charClass(text: string, index: number, code: number): number {
  if (code < 128) return ASCII_CLASS[code] as number;
  if (isCjk(code)) return 2;
  // Astral characters (emoji, rare scripts) are separators; BMP letters are looked up.
  if (code >= 0xd800 && code <= 0xdfff) return 0;
  return NON_ASCII_WORD_CHAR.test(text[index] ?? '') ? 1 : 0;
}

/**
 * Tokenizes `text`; with `limit`, stops at the first word boundary at or after that offset, so
 * a summary can be read only up to a few hundred characters without cutting a word in half.
 */
export function tokenize(text: string, limit = text.length): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // Lower-case once; per token only when lower-casing changed the length (a few rare letters).
  const folded = text.toLowerCase();
  const lower = folded.length === text.length ? folded : undefined;
  let wordStart = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = charClass(text, i, code);
    if (kind === 1) {
      if (wordStart < 0) {
        if (i >= limit) break;
        wordStart = i;
      }
      continue;
    }
    if (wordStart >= 0) {
      words.push(lower ? lower.slice(wordStart, i) : text.slice(wordStart, i).toLowerCase());
      starts.push(wordStart);
      ends.push(i);
      wordStart = -1;
    }
    if (i >= limit) break;
    if (kind === 2) {
      words.push(text[i] ?? '');
      starts.push(i);
      ends.push(i + 1);
    }
  }
  if (wordStart >= 0) {
    words.push(lower ? lower.slice(wordStart) : text.slice(wordStart).toLowerCase());
    starts.push(wordStart);
    ends.push(text.length);
  }
  return { words, starts, ends };
}

/** The token texts of a phrase, as the matcher compares them. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).words;
}
