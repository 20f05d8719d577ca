/**
 * The shape of a headline as the open-name rules (open-names.ts) read it: which tokens are cue
 * words, which may be part of a name, and how tokens are joined. The words are data
 * (config/lexicon/open-names.yaml).
 */
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import type { Reading, Span } from './reading.js';

/** Longest name taken, in words: longer runs are title-case sentences, not names. */
export const MAX_NAME = 4;

export class NameShape {
  readonly words: readonly string[];
  private readonly covered: Uint8Array;
  private titleCase: boolean | undefined;

  constructor(
    private readonly reading: Reading,
    private readonly lex: OpenNameWords,
  ) {
    this.words = reading.tokens.words;
    this.covered = new Uint8Array(this.words.length);
    // 1: a descriptor or kind of vendor (may still end a name: "Zenith Technologies"); 2: a cue.
    this.cover(reading.products, 1);
    for (const spans of [reading.origins, reading.stages, reading.places, reading.traps, reading.motives])
      this.cover(spans, 2);
    for (const a of reading.actions) {
      // A pair ("adds ... to the list") holds the names between its two ends.
      if (a.pair) {
        this.cover([{ start: a.start, end: a.firstEnd }], 2);
        this.cover([{ start: a.end - 1, end: a.end }], 2);
      } else this.cover([a], 2);
    }
    this.cover(reading.vendors, 3);
  }

  private cover(spans: readonly Span[], mark: number): void {
    for (const s of spans)
      for (let i = s.start; i < s.end; i++) if ((this.covered[i] ?? 0) < mark) this.covered[i] = mark;
  }

  original(i: number): string {
    const { starts, ends } = this.reading.tokens;
    return this.reading.text.slice(starts[i] ?? 0, ends[i] ?? 0);
  }

  private capitalised(i: number): boolean {
    const code = this.reading.text.charCodeAt(this.reading.tokens.starts[i] ?? 0);
    if (code < 128) return code >= 65 && code <= 90;
    const first = this.reading.text[this.reading.tokens.starts[i] ?? 0] ?? '';
    return first !== first.toLowerCase();
  }

  /** Only spaces, hyphens, dots or an ampersand between token i-1 and token i. */
  joined(i: number): boolean {
    const from = this.reading.tokens.ends[i - 1];
    const to = this.reading.tokens.starts[i];
    if (from === undefined || to === undefined) return false;
    for (let at = from; at < to; at++) {
      const code = this.reading.text.charCodeAt(at);
      // space, &, -, .
      if (code !== 32 && code !== 38 && code !== 45 && code !== 46) return false;
    }
    return true;
  }

  /** The text between token i-1 and token i ("-" in "Zentrix-made", "'" in "Zentrix's"). */
  between(i: number): string {
    const from = this.reading.tokens.ends[i - 1];
    const to = this.reading.tokens.starts[i];
    return from === undefined || to === undefined ? '' : this.reading.text.slice(from, to);
  }

  /** Token i is "based", glued to the place before it: "Moscow-based". */
  basedAt(i: number): boolean {
    return this.words[i] === 'based' && this.between(i) === '-';
  }

  /** The separator before token i: a comma, "and", "&", or nothing. */
  listSeparator(i: number): number {
    const from = this.reading.tokens.ends[i - 1];
    const to = this.reading.tokens.starts[i];
    if (from !== undefined && to !== undefined && /^\s*,\s*$/.test(this.reading.text.slice(from, to))) return i;
    if (this.words[i] === 'and' && this.joined(i)) return i + 1;
    return -1;
  }

  nameToken(i: number): boolean {
    const word = this.words[i] ?? '';
    return (
      (this.covered[i] ?? 0) === 0 &&
      word.length >= 2 &&
      !this.lex.stopWords.has(word) &&
      !this.lex.techWords.has(word) &&
      !this.lex.descriptors.has(word) &&
      /\p{L}/u.test(word) &&
      this.capitalised(i)
    );
  }

  /** A capitalised word that may continue a name ("Group", "Fab", "Software"). */
  suffixAt(i: number): boolean {
    return (this.covered[i] ?? 0) <= 1 && this.lex.suffixes.has(this.words[i] ?? '') && this.capitalised(i);
  }

  isVendor(i: number): boolean {
    return this.covered[i] === 3;
  }

  forward(i: number): Span | undefined {
    if (!this.nameToken(i)) return undefined;
    let end = i + 1;
    while (
      end < this.words.length &&
      end - i < MAX_NAME &&
      this.joined(end) &&
      (this.nameToken(end) || this.suffixAt(end))
    )
      end++;
    return { start: i, end };
  }

  backward(end: number): Span | undefined {
    let start = end;
    while (start > 0 && end - start < MAX_NAME && (start === end || this.joined(start))) {
      if (this.nameToken(start - 1) || (start < end && this.suffixAt(start - 1))) start--;
      else if (start === end && this.suffixAt(start - 1)) start--;
      else break;
    }
    while (start < end && !this.nameToken(start)) start++;
    return start < end ? { start, end } : undefined;
  }

  /** Every letter of the name upper case ("ASML"): a name even in title case. */
  acronym(span: Span): boolean {
    for (let i = span.start; i < span.end; i++) {
      const word = this.original(i);
      if (word.length < 2 || word !== word.toUpperCase()) return false;
    }
    return true;
  }

  tech(from: number, to: number): boolean {
    for (let i = Math.max(0, from); i < to; i++) if (this.lex.techWords.has(this.words[i] ?? '')) return true;
    return false;
  }

  nonTech(from: number, to: number): boolean {
    for (let i = Math.max(0, from); i < to; i++) if (this.lex.nonTech.has(this.words[i] ?? '')) return true;
    return false;
  }

  /** Title case capitalises every word, so a capital says nothing there. */
  get sentenceCase(): boolean {
    this.titleCase ??= !this.words.some((w, i) => w.length > 3 && !this.capitalised(i) && /^\p{L}/u.test(w));
    return !this.titleCase;
  }
}
