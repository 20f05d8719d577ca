/**
 * Vendors outside the catalogue, found from the shape of a headline. The first ban on a new
 * vendor is the alert a channel most needs, so a capitalised name counts as a vendor when the
 * sentence puts it where a target goes: after or before a descriptor ("AI app Zenbot", "Vantora
 * spyware maker"), in a list being added ("adds Alpha and Beta to the Entity List"), after a
 * foreign origin next to a list or sanction ("China's Quantix"), or joined to a vendor already
 * found ("bans DeepSeek and Zenbot"). The words behind each shape are data
 * (config/lexicon/open-names.yaml).
 */
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import { countingActions, type Reading, type Span } from './reading.js';
import { RANK } from './lexicon/lexicon-types.js';

export interface OpenName extends Span {
  /** The name as the headline writes it. */
  name: string;
}

/** Longest name taken, in words: longer runs are title-case sentences, not names. */
const MAX_NAME = 4;

class NameShape {
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
        this.cover([{ start: a.start, end: a.start + 1 }], 2);
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

  private suffixAt(i: number): boolean {
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

/** A list, a sanction or an instrument is named: the strongest sign that organisations are the target. */
function listNamed(reading: Reading): boolean {
  return countingActions(reading).some((a) => a.instrument || a.rank >= RANK.listRestriction);
}

function listAhead(shape: NameShape, lex: OpenNameWords, from: number): boolean {
  for (let i = from; i < Math.min(shape.words.length, from + 12); i++) {
    const word = shape.words[i] ?? '';
    if (lex.listWords.some((l) => l === word || l.endsWith(` ${word}`))) return true;
  }
  return false;
}

/** Names joined by commas and "and" from `span` on, rightwards; catalogue vendors are stepped over. */
function coordinated(shape: NameShape, after: number): Span[] {
  const out: Span[] = [];
  let at = after;
  for (;;) {
    const next = shape.listSeparator(at);
    if (next < 0) return out;
    let end = next;
    while (shape.isVendor(end)) end++;
    if (end > next) {
      at = end;
      continue;
    }
    const name = shape.forward(next);
    if (!name) return out;
    out.push(name);
    at = name.end;
  }
}

/** Names joined by commas and "and" before `start`, leftwards ("Alpha, Beta and Gamma among ..."). */
function coordinatedBack(shape: NameShape, start: number): Span[] {
  const out: Span[] = [];
  let at = start;
  for (;;) {
    const end =
      shape.words[at - 1] === 'and' && shape.joined(at - 1) ? at - 1 : shape.listSeparator(at) === at ? at : -1;
    if (end <= 0) return out;
    const name = shape.backward(end);
    if (!name) return out;
    out.push(name);
    at = name.start;
  }
}

/** "Alpha, Beta and Gamma among firms hit by ...": the names come before "among" and a kind of firm. */
function byAmong(shape: NameShape, lex: OpenNameWords, found: Span[]): void {
  for (let v = 1; v < shape.words.length; v++) {
    if (shape.words[v] !== 'among' || !shape.joined(v)) continue;
    const kind = shape.words.slice(v + 1, v + 4).some((w) => lex.groupWords.has(w));
    const last = kind ? shape.backward(v) : undefined;
    if (last) found.push(last, ...coordinatedBack(shape, last.start));
  }
}

function byDescriptor(shape: NameShape, lex: OpenNameWords, listed: boolean, found: Span[]): void {
  for (let d = 0; d < shape.words.length; d++) {
    const word = shape.words[d] as string;
    if (!lex.descriptors.has(word)) continue;
    let from = d;
    while (from > 0 && lex.techWords.has(shape.words[from - 1] ?? '')) from--;
    if (shape.nonTech(from - 2, d + 1)) continue;
    const technical = !lex.genericDescriptors.has(word) || shape.tech(from - 2, d) || listed;
    if (!technical) continue;
    // "maker of Zenbot spyware": the product named stands for its maker.
    if (shape.words[d + 1] === 'of' && shape.joined(d + 2)) {
      const product = shape.forward(d + 2);
      if (product && lex.techWords.has(shape.words[product.end] ?? '')) found.push(product);
    }
    // "... AI app Zenbot": the name follows the descriptor.
    if (shape.joined(d + 1)) {
      const after = shape.forward(d + 1);
      if (after) found.push(after);
    }
    // "Vantora spyware maker": the name comes first; in title case only with a technology word.
    if (from > 0 && shape.joined(from) && (shape.sentenceCase || from < d)) {
      const before = shape.backward(from);
      if (before) found.push(before);
    }
  }
}

function byList(shape: NameShape, lex: OpenNameWords, listed: boolean, found: Span[]): void {
  for (let v = 0; v < shape.words.length; v++) {
    const word = shape.words[v] as string;
    if (!lex.addVerbs.has(word)) continue;
    const blacklist = word.startsWith('blacklist');
    // "... Chinese apps including Zenbot": the names are the members of a kind already named.
    const including = word === 'including';
    if (!blacklist && !including && !listAhead(shape, lex, v + 1)) continue;
    // "adds Alpha, Beta and Gamma to ...": the names follow the verb; catalogue vendors may lead.
    let start = v + 1;
    while (shape.isVendor(start)) start++;
    const first = start > v + 1 ? undefined : shape.forward(start);
    if (first) found.push(first);
    if (first || start > v + 1) found.push(...coordinated(shape, first?.end ?? start));
    // "Alpha and Beta added to the list": the names come first.
    if ((listed || blacklist) && !including && v > 0 && shape.joined(v)) {
      const before = shape.backward(v);
      if (before) found.push(before);
    }
  }
}

function byOrigin(shape: NameShape, reading: Reading, listed: boolean, found: Span[]): void {
  if (reading.origins.length === 0 || !listed || !shape.sentenceCase) return;
  for (const origin of reading.origins) {
    if (!shape.joined(origin.end)) continue;
    const name = shape.forward(origin.end);
    if (name) found.push(name);
  }
}

/** Every open-world name in the reading that is not a catalogue vendor, in text order, each once. */
export function findOpenNames(reading: Reading, lex: OpenNameWords): OpenName[] {
  const shape = new NameShape(reading, lex);
  const listed = listNamed(reading);
  const spans: Span[] = [];
  byDescriptor(shape, lex, listed, spans);
  byList(shape, lex, listed, spans);
  byOrigin(shape, reading, listed, spans);
  byAmong(shape, lex, spans);
  // A name joined to a vendor already found is one too ("bans DeepSeek and Zenbot").
  const found = spans.length;
  for (const v of reading.vendors) spans.push(...coordinated(shape, v.end));
  for (let i = 0; i < found; i++) spans.push(...coordinated(shape, (spans[i] as Span).end));
  const seen = new Set<number>();
  const names: OpenName[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    if (seen.has(span.start) || names.some((n) => span.start < n.end && n.start < span.end)) continue;
    seen.add(span.start);
    const from = reading.tokens.starts[span.start] ?? 0;
    const to = reading.tokens.ends[span.end - 1] ?? from;
    names.push({ ...span, name: reading.text.slice(from, to) });
  }
  return names;
}
