/**
 * A channel's watch terms ("Unitree") as extra vendor names for one call. Terms are user text,
 * so they are matched literally (no pattern is ever built from them): case-insensitive, on word
 * boundaries, and anywhere inside CJK text.
 */
import type { Reading, Span, VendorMention } from './reading.js';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x3040 && code <= 0x30ff);
}

/** A word character that needs a boundary next to it (CJK characters do not). */
function needsBoundary(char: string | undefined): boolean {
  if (char === undefined || char === '') return false;
  return !isCjk(char.charCodeAt(0)) && WORD_CHAR.test(char);
}

/** Lower-cases without moving offsets: unit by unit when lower-casing would change the length. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const unit of text.split('')) {
    const lower = unit.toLowerCase();
    out += lower.length === 1 ? lower : unit;
  }
  return out;
}

/** Token span covering the characters [from, to); undefined if no token lies inside. */
function tokenSpan(reading: Reading, from: number, to: number): Span | undefined {
  const { starts, ends } = reading.tokens;
  let start = -1;
  let end = -1;
  for (let i = 0; i < starts.length; i++) {
    if ((starts[i] as number) >= from && (ends[i] as number) <= to) {
      if (start < 0) start = i;
      end = i + 1;
    }
  }
  return start < 0 ? undefined : { start, end };
}

/** Every occurrence of each term in the reading's text, as vendor mentions named after the term. */
export function findWatchTerms(reading: Reading, terms: readonly string[]): VendorMention[] {
  const found: VendorMention[] = [];
  let folded: string | undefined;
  for (const raw of terms) {
    const term = raw.trim();
    if (term === '') continue;
    folded ??= foldCase(reading.text);
    const needle = foldCase(term);
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (needsBoundary(term[0]) && needsBoundary(reading.text[at - 1])) continue;
      if (needsBoundary(term[term.length - 1]) && needsBoundary(reading.text[end])) continue;
      const span = tokenSpan(reading, at, end);
      if (!span) continue;
      found.push({ ...span, vendor: term, pattern: -1, weak: false, watchTerm: true, role: 'target' });
    }
  }
  return found;
}
