/**
 * Vendors outside the catalogue, found from the shape of a headline. The first ban on a new
 * vendor is the alert a channel most needs, so a capitalised name counts as a vendor when the
 * sentence puts it where a target goes: after or before a descriptor ("AI app Zenbot", "Vantora
 * spyware maker"), in a list being added ("adds Alpha and Beta to the Entity List"), after a
 * foreign origin next to a list or sanction ("China's Quantix"), as the object of a government's
 * action (open-names-object.ts: "bans Unitree robot dogs"), or joined to a vendor already found
 * ("bans DeepSeek and Zenbot"). The words behind each shape are data
 * (config/lexicon/open-names.yaml).
 */
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import { NameShape } from './name-shape.js';
import { byLastResort } from './open-names-last-resort.js';
import { notTheTarget, pastPlace } from './open-names-bystanders.js';
import { byObject } from './open-names-object.js';
import { byLicence } from './open-names-licence.js';
import {
  capitalAt,
  coordinatedBack,
  genericSuffixed,
  inPlace,
  LEGAL_FORMS,
  techSuffixed,
  uncommonFrom,
} from './open-names-evidence.js';
import { countingActions, type Reading, type Span } from './reading.js';
import { RANK } from './lexicon/lexicon-types.js';

export interface OpenName extends Span {
  /** The name as the headline writes it. */
  name: string;
}

/** Parts of a firm, named after it: "Zentrix affiliates", "Zentrix subsidiaries". */
const FIRM_PARTS = new Set(['affiliates', 'subsidiaries', 'units']);

/** Between a name and the list verb that falls on it: "Zentrix is blacklisted", "were added". */
const PASSIVE_AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'gets', 'got']);

/** A list noun or the last word of one: "blacklist", "list" of "Entity List". */
function isListWord(lex: OpenNameWords, word: string): boolean {
  return lex.listWords.some((l) => l === word || l.endsWith(` ${word}`));
}

/** A list, a sanction or an instrument is named: the strongest sign that organisations are the target. */
function listNamed(reading: Reading): boolean {
  return countingActions(reading).some((a) => a.instrument || a.rank >= RANK.listRestriction);
}

/**
 * A list or instrument of technology restrictions is named: enough to read "firm" or "group" as
 * a technology firm. A sanction alone is not: most sanctioned groups and firms are cartels,
 * militias and conglomerates ("sanctions Wagner Group", "Adani Group executives").
 */
function techListNamed(reading: Reading): boolean {
  return countingActions(reading).some(
    (a) => a.instrument || (a.rank >= RANK.listRestriction && a.kind !== 'sanction' && a.kind !== 'lift'),
  );
}

/** A list word, or an instrument ("as Chinese military companies"), within a dozen words from `from`. */
function listAhead(shape: NameShape, reading: Reading, lex: OpenNameWords, from: number): boolean {
  const to = Math.min(shape.words.length, from + 12);
  if (reading.actions.some((a) => a.instrument && a.start >= from && a.start < to)) return true;
  for (let i = from; i < to; i++) {
    if (isListWord(lex, shape.words[i] ?? '')) return true;
  }
  return false;
}

/** "Entity List additions include ...". */
const INCLUDES = new Set(['include', 'includes', 'including']);
/** How far after "Additions to" the colon before the names may come: "Additions to the Entity List: Zentrix". */
const COLON_REACH = 6;

/** Where the names after "Additions to the ... List:" start; else right after the verb. */
function afterColon(shape: NameShape, word: string, v: number): number {
  if (!word.startsWith('addition') || shape.words[v + 1] !== 'to') return v + 1;
  for (let i = v + 3; i <= Math.min(shape.words.length - 1, v + COLON_REACH); i++)
    if (shape.between(i).includes(':')) return i;
  return v + 1;
}
/** How far before "additions" its list may be named: "Entity List additions", "additions to the blacklist". */
const LIST_BEHIND = 3;

/** A list named just before `at`: "Entity List additions include ...". */
function listBehind(shape: NameShape, reading: Reading, lex: OpenNameWords, at: number): boolean {
  const from = Math.max(0, at - LIST_BEHIND);
  if (reading.actions.some((a) => a.instrument && a.end <= at && a.end >= from)) return true;
  for (let i = from; i < at; i++) {
    if (isListWord(lex, shape.words[i] ?? '')) return true;
  }
  return false;
}

/** Reach of a list a name is added to: "added to Pentagon blacklist". */
const RESTRICTED_LIST_REACH = 4;

/**
 * A list that only restricts (a blacklist, the Entity or Covered List; not a "list") within a few
 * words from `from`: "Zentrix added to Pentagon blacklist" names the firm before the verb.
 */
function restrictedListAhead(shape: NameShape, lex: OpenNameWords, from: number): boolean {
  const to = Math.min(shape.words.length, from + RESTRICTED_LIST_REACH);
  for (let i = from; i < to; i++) {
    const word = shape.words[i] ?? '';
    if (word === 'list' || word === 'lists') {
      if (lex.listWords.some((l) => l.endsWith(' list') && l.startsWith(`${shape.words[i - 1] ?? ''} `))) return true;
      continue;
    }
    if (lex.listWords.includes(word)) return true;
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

/** "Alpha, Beta and Gamma among firms hit by ...": the names come before "among" and a kind of firm. */
function byAmong(shape: NameShape, lex: OpenNameWords, found: Span[]): void {
  for (let v = 1; v < shape.words.length; v++) {
    if (shape.words[v] !== 'among' || !shape.joined(v)) continue;
    const kind = shape.words.slice(v + 1, v + 4).some((w) => lex.groupWords.has(w));
    const last = kind ? shape.backward(v) : undefined;
    if (last) found.push(last, ...coordinatedBack(shape, last.start));
  }
}

/** Lower-case words an app's genre may take before "app": "shopping app", "ride-hailing app". */
const GENRE_WORDS = 2;

/** "Bazzoro shopping app": where the genre before "app" starts, when a name comes before it; else `at`. */
function genreStart(shape: NameShape, at: number): number {
  let from = at;
  while (at - from < GENRE_WORDS && from > 1 && shape.joined(from - 1) && /^[a-z]+$/.test(shape.original(from - 1)))
    from--;
  return from < at && shape.nameToken(from - 1) ? from : at;
}

function byDescriptor(shape: NameShape, reading: Reading, lex: OpenNameWords, listed: boolean, found: Span[]): void {
  for (let d = 0; d < shape.words.length; d++) {
    const word = shape.words[d] as string;
    if (!lex.descriptors.has(word)) continue;
    let from = d;
    while (from > 0 && lex.techWords.has(shape.words[from - 1] ?? '')) from--;
    const genre = word === 'app' && shape.sentenceCase ? genreStart(shape, from) : from;
    // A genre is weaker evidence than a technology word: only a name English does not have.
    const viaGenre = genre < from;
    from = genre;
    if (shape.nonTech(from - 2, d + 1)) continue;
    const technical = !lex.genericDescriptors.has(word) || shape.tech(from - 2, d) || listed;
    if (!technical) continue;
    // "maker of Zenbot spyware": the product named stands for its maker.
    if (shape.words[d + 1] === 'of' && shape.joined(d + 2)) {
      const product = shape.forward(d + 2);
      if (product && lex.techWords.has(shape.words[product.end] ?? '')) found.push(product);
    }
    // "electronics firms Rongda and Xinwei": a plural kind names the firms after it (the list is
    // read later), and only in sentence case, where a capital says name ("VPN apps", "Firms
    // Allegedly"). A firm's parts follow their parent's name instead: "Zentrix affiliates".
    const plural = word.endsWith('s') && lex.descriptors.has(word.slice(0, -1)) && !FIRM_PARTS.has(word);
    if (plural && !shape.sentenceCase) continue;
    // "... AI app Zenbot": the name follows the descriptor.
    if (shape.joined(d + 1)) {
      const after = shape.forward(d + 1);
      if (after) found.push(after);
    }
    // "Vantora spyware maker": the name comes first; in title case only with a technology word.
    if (!plural && from > 0 && shape.joined(from) && (shape.sentenceCase || from < d)) {
      const before = shape.backward(from);
      // "Newport Wafer Fab", "Zentrix Software": a capitalised descriptor that names firms is the name's end.
      if (before && viaGenre && uncommonFrom(shape, before) === undefined) continue;
      if (before) found.push(from === d && shape.suffixAt(d) ? { start: before.start, end: d + 1 } : before);
    }
    if (!plural && !viaGenre) byAppositive(shape, reading, lex, from, found);
  }
}

const ARTICLES = new Set(['a', 'an', 'the']);
/** Before a place, not a firm: "In Shenzhen, a drone maker ...". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'across', 'inside', 'outside']);

/** A nationality not read as a foreign origin: "Dovrenko, a Russian drone maker". */
function demonymAt(reading: Reading, i: number): boolean {
  return capitalAt(reading, i) && /^[a-z]+(?:an|ese|ish|i)$/.test(reading.tokens.words[i] ?? '');
}

/**
 * "sanctions Dovrenko, a Russian drone maker", "designates Dovrenko, Russian maker of drone
 * components": the name before the comma of an appositive that describes a technology firm
 * (`from` is where the descriptor and its technology words start). A place comes before such a
 * comma too ("In Shenzhen, a drone maker ..."), so only a name English does not have, or one with
 * a technology suffix, and no place.
 */
function byAppositive(shape: NameShape, reading: Reading, lex: OpenNameWords, from: number, found: Span[]): void {
  let at = reading.origins.find((o) => o.end === from)?.start ?? from;
  if (at === from && at > 0 && demonymAt(reading, at - 1)) at--;
  if (ARTICLES.has(shape.words[at - 1] ?? '')) at--;
  if (at < 1 || shape.listSeparator(at) !== at) return;
  const name = shape.backward(at);
  if (!name || name.end !== at || inPlace(reading, name.start)) return;
  if (PLACE_PREPOSITIONS.has(shape.words[name.start - 1] ?? '')) return;
  if (uncommonFrom(shape, name) !== undefined || techSuffixed(shape, lex, name)) found.push(name);
}

function byList(
  shape: NameShape,
  reading: Reading,
  lex: OpenNameWords,
  listed: boolean,
  techList: boolean,
  found: Span[],
): void {
  for (let v = 0; v < shape.words.length; v++) {
    const word = shape.words[v] as string;
    // Taken off a list ("drops Zentrix from the Entity List"), the shape of an addition; but only
    // a list of technology restrictions: most names taken off a sanctions list are people's.
    // "Entity List adds Zentrix", "1260H list now includes Zentrix": the list leads, the names
    // follow; a list of people too ("OFAC list adds Petrov"), so only with technology named.
    const listLeads =
      (lex.addVerbs.has(word) || INCLUDES.has(word)) &&
      shape.joined(v + 1) &&
      listBehind(shape, reading, lex, v) &&
      (techList || shape.tech(0, shape.words.length)) &&
      !shape.nonTech(0, shape.words.length);
    if (!lex.addVerbs.has(word) && !(techList && lex.removeVerbs.has(word)) && !listLeads) continue;
    const blacklist = word.startsWith('blacklist');
    // "... Chinese apps including Zenbot": the names are the members of a kind already named.
    // Not when the kind is another trade's: "bans flavored e-cigarettes including Vaporix line".
    const including = word === 'including';
    if (including && shape.nonTech(v - 3, v)) continue;
    // "Entity List additions include Zentrix, ...": the list before, the names after "include".
    const included =
      word.startsWith('addition') && INCLUDES.has(shape.words[v + 1] ?? '') && listBehind(shape, reading, lex, v);
    // "...Communications Supply Chain: Designation of Zentrix Technologies" (an FCC order's title).
    const designation =
      word === 'designation' &&
      shape.words[v + 1] === 'of' &&
      (listBehind(shape, reading, lex, v) || listAhead(shape, reading, lex, v + 1));
    if (!blacklist && !including && !included && !designation && !listLeads && !listAhead(shape, reading, lex, v + 1))
      continue;
    // "adds Alpha, Beta and Gamma to ...": the names follow the verb; catalogue vendors may lead.
    // "Addition of Zentrix to the Entity List" (a Federal Register title): the noun, then "of".
    const names =
      included || designation || (word.startsWith('addition') && shape.words[v + 1] === 'of')
        ? v + 2
        : afterColon(shape, word, v);
    let start = names;
    while (shape.isVendor(start)) start++;
    const first = start > names ? undefined : shape.forward(start);
    if (first) found.push(first);
    if (first || start > names) found.push(...coordinated(shape, first?.end ?? start));
    // "Alpha and Beta added to the list", "Zentrix is blacklisted": the names come first.
    const end = productBefore(
      shape,
      lex,
      v - (PASSIVE_AUXILIARIES.has(shape.words[v - 1] ?? '') && shape.joined(v) ? 1 : 0),
    );
    // A blacklist takes people and banks too ("Petrov added to Treasury blacklist"): only in a
    // headline about technology, with no other trade named.
    const whole = shape.words.length;
    const blacklisted =
      blacklist || (restrictedListAhead(shape, lex, v + 1) && shape.tech(0, whole) && !shape.nonTech(0, whole));
    if ((listed || blacklisted) && !including && end > 0 && shape.joined(end)) {
      const before = shape.backward(end);
      // "Wagner Group blacklisted by EU": a firm of any trade, in a headline with no technology.
      if (before && !(genericSuffixed(shape, before) && !shape.tech(0, whole))) found.push(before);
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

/** "Zentrix IoT modules land on the Covered List": before a product and its technology words, the maker. */
function productBefore(shape: NameShape, lex: OpenNameWords, end: number): number {
  if (end < 2 || !lex.objectNouns.has(shape.words[end - 1] ?? '') || !shape.joined(end - 1)) return end;
  let at = end - 1;
  while (at > 1 && end - at < 3 && lex.techWords.has(shape.words[at - 1] ?? '') && shape.joined(at - 1)) at--;
  return at;
}

/** Every open-world name in the reading that is not a catalogue vendor, in text order, each once. */
export function findOpenNames(reading: Reading, lex: OpenNameWords): OpenName[] {
  const shape = new NameShape(reading, lex);
  const listed = listNamed(reading);
  const spans: Span[] = [];
  const techList = techListNamed(reading);
  byDescriptor(shape, reading, lex, techList, spans);
  byList(shape, reading, lex, listed, techList, spans);
  byOrigin(shape, reading, listed, spans);
  byAmong(shape, lex, spans);
  byObject(shape, reading, lex, spans);
  byLicence(shape, reading, lex, spans);
  // Only when no shape above found a name: the last resort, on the weakest evidence.
  if (spans.length === 0) byLastResort(shape, reading, spans);
  // A name joined to a vendor already found is one too ("bans DeepSeek and Zenbot").
  const found = spans.length;
  for (const v of reading.vendors) spans.push(...coordinated(shape, v.end));
  for (let i = 0; i < found; i++) spans.push(...coordinated(shape, (spans[i] as Span).end));
  const seen = new Set<number>();
  const names: OpenName[] = [];
  // Of two readings that start at one word, the longer: "Newport Wafer Fab", not the "Newport
  // Wafer" before its descriptor.
  for (const span of spans.map((found) => pastPlace(shape, found)).sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (seen.has(span.start) || names.some((n) => span.start < n.end && n.start < span.end)) continue;
    if (notTheTarget(shape, span)) continue;
    seen.add(span.start);
    // "Vantory Microelectronics Co., Ltd.": the firm is named without its legal form, so that
    // headlines with and without it name one vendor.
    let end = span.end;
    while (end - span.start > 1 && LEGAL_FORMS.has(shape.words[end - 1] ?? '')) end--;
    const from = reading.tokens.starts[span.start] ?? 0;
    const to = reading.tokens.ends[end - 1] ?? from;
    names.push({ start: span.start, end, name: reading.text.slice(from, to) });
  }
  return names;
}
