/**
 * A vendor outside the catalogue as the object of a government's restrictive action, the shapes
 * of open-names.ts that need no descriptor or list: "Pentagon bans Unitree robot dogs",
 * "Treasury sanctions Zentrix Networks for ...", "bars exports to Zentrix", "Sweden excludes
 * Zentrix from 5G", "Canada orders Zentrix to wind down ...". In title case a capital says
 * nothing: there the name is an acronym ("ASML") or starts at a word English does not have.
 */
import { isCommonWord } from './common-words.js';
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import { MAX_NAME, type NameShape } from './name-shape.js';
import type { ActionMention, Reading, Span } from './reading.js';

/** Action kinds that restrict: a name right after one of them is its object. */
const RESTRICTIVE = new Set(['ban', 'restriction', 'sanction']);
/** Words between an action and its object: "ban on X", "removal of X", "strip out X". */
const OBJECT_LINKS = new Set(['on', 'of', 'out']);
/**
 * What of the product an action stops, then "of": "barring federal purchases of X", "ban on the
 * use of X", "approvals of new X" (a word of `BEFORE_OF` may come first, "new" after).
 */
const OF_NOUNS = new Set([
  'purchase',
  'purchases',
  'use',
  'sale',
  'sales',
  'import',
  'imports',
  'approval',
  'approvals',
  'procurement',
  'installation',
]);
const BEFORE_OF = new Set(['the', 'federal', 'state', 'government', 'further', 'future']);
/** Trade the action cuts, then "to" and the firm it goes to: "bars exports to Zentrix". */
const TRADE = new Set(['exports', 'export', 'sales', 'shipments', 'supplies', 'supply', 'technology']);
/** Suffixes any organisation may have ("Wagner Group", "Smith Holdings"): they say firm, not technology. */
const GENERIC_SUFFIXES = new Set(['group', 'holdings', 'inc', 'ltd', 'corp', 'co', 'international']);
/** "orders Zentrix to wind down": verbs that make a firm the doer of the government's measure. */
const ORDERS = new Set(['orders', 'ordered', 'order', 'forces', 'forced', 'tells', 'told', 'directs', 'directed']);

/**
 * Who a ban stops from buying, between the ban and "from": "bans state agencies from buying X"
 * (a government named there counts too: "NDAA bans Pentagon from buying X"). Anyone else there is
 * the ban's own object ("bans Zentrix from buying US chips"), and what follows is not a vendor.
 */
const BUYERS = new Set([
  'the',
  'its',
  'their',
  'state',
  'federal',
  'government',
  'agencies',
  'agency',
  'employees',
  'workers',
  'contractors',
  'departments',
  'department',
  'officials',
  'military',
  'troops',
  'schools',
  'police',
  'staff',
]);
const BUYERS_MAX = 3;

/** Words between a passive measure and the name it befalls: "Zentrix cameras are to be banned". */
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'to', 'get', 'gets', 'got']);

function restrictive(a: ActionMention): boolean {
  return a.status === 'counts' && !a.pair && !a.instrument && RESTRICTIVE.has(a.kind);
}

function restrictiveByGovernment(reading: Reading, a: ActionMention): boolean {
  return restrictive(a) && reading.places.some((p) => p.actor && !p.reverse && p.end <= a.start);
}

/**
 * Where the name before a passive measure ends ("Zentrix cameras banned by the Pentagon"), or
 * -1: a one-word participle, a government named anywhere, and before it only auxiliaries.
 */
function passiveEnd(reading: Reading, a: ActionMention): number {
  if (!restrictive(a) || a.end - a.start !== 1 || !(reading.tokens.words[a.start] ?? '').endsWith('ed')) return -1;
  if (!reading.places.some((p) => p.actor && !p.reverse)) return -1;
  let end = a.start;
  while (end > 0 && AUXILIARIES.has(reading.tokens.words[end - 1] ?? '')) end--;
  return end;
}

/** Where the object of a government's restrictive action starts, or -1 ("bans X", "ban on X"). */
function objectStart(reading: Reading, a: ActionMention): number {
  if (!restrictiveByGovernment(reading, a)) return -1;
  const words = reading.tokens.words;
  let at = OBJECT_LINKS.has(words[a.end] ?? '') ? a.end + 1 : a.end;
  if (TRADE.has(words[at] ?? '') && words[at + 1] === 'to') at += 2;
  return afterOfNoun(words, at);
}

/** Past "federal purchases of", "the use of new": where the product is named; `at` when none. */
function afterOfNoun(words: readonly string[], at: number): number {
  const noun = BEFORE_OF.has(words[at] ?? '') ? at + 1 : at;
  if (!OF_NOUNS.has(words[noun] ?? '') || words[noun + 1] !== 'of') return at;
  return words[noun + 2] === 'new' ? noun + 3 : noun + 2;
}

/**
 * Where the product a government is stopped from buying is named, or -1: "bans agencies from
 * buying X", "Pentagon barred from using X", "contracting with X".
 */
function purchaseStart(reading: Reading, lex: OpenNameWords, a: ActionMention): number {
  if (!restrictiveByGovernment(reading, a)) return -1;
  const words = reading.tokens.words;
  const inPlace = (i: number) => reading.places.some((p) => p.start <= i && i < p.end);
  for (let at = a.end; at <= a.end + BUYERS_MAX; at++) {
    const word = words[at] ?? '';
    if (word === 'from' && lex.purchaseVerbs.has(words[at + 1] ?? ''))
      return words[at + 2] === 'with' ? at + 3 : at + 2;
    if (!BUYERS.has(word) && !inPlace(at)) return -1;
  }
  return -1;
}

/**
 * "Zentrix barred from federal contracts under NDAA": shut out of what the government buys, by a
 * law about it. People are barred from contracts too ("John Smith barred ..."), so the name must
 * have a word English does not (as vendors' names do: Hikvision, Hytera, Quectel).
 */
function procurementExcluded(shape: NameShape, lex: OpenNameWords, name: Span, at: number): boolean {
  if (shape.words[at] !== 'from' || !uncommonFrom(shape, name)) return false;
  const contracts = shape.words.slice(at + 1, at + 4).some((w) => lex.procurementNouns.has(w));
  return contracts && shape.words.some((w) => lex.procurementLaws.has(w));
}

/** Token i starts with a capital (a name may start or end there). */
function capitalAt(reading: Reading, i: number): boolean {
  const first = reading.text[reading.tokens.starts[i] ?? -1] ?? '';
  return first !== first.toLowerCase();
}

/**
 * Cheap test before the shape is built: a government's restrictive action with a capitalised
 * word where its object would be named (after it, before "to" and it, or before a passive one).
 */
export function objectAhead(reading: Reading, lex: OpenNameWords): boolean {
  return reading.actions.some((a) => {
    const start = objectStart(reading, a);
    if (start >= 0 && capitalAt(reading, start)) return true;
    const bought = purchaseStart(reading, lex, a);
    if (bought >= 0 && capitalAt(reading, bought)) return true;
    if (start >= 0 && reading.tokens.words[a.start - 1] === 'to' && capitalAt(reading, a.start - 2)) return true;
    const end = passiveEnd(reading, a);
    // The name, its product noun and up to two technology words before that.
    for (let back = 1; back <= 4 && end - back >= 0; back++) if (capitalAt(reading, end - back)) return true;
    return false;
  });
}

/** The span from its first word that is not common English, or nothing when every word is. */
function uncommonFrom(shape: NameShape, span: Span): Span | undefined {
  for (let i = span.start; i < span.end; i++)
    if (!isCommonWord(shape.words[i] ?? '')) return { start: i, end: span.end };
  return undefined;
}

/**
 * The name is a technology firm's: a product noun follows it, it ends with a technology suffix
 * ("Zentrix Networks"), it is barred "from" a technology ("from 5G") or from government
 * contracts under a procurement law, or trade to it is cut.
 */
function firmAfter(shape: NameShape, lex: OpenNameWords, name: Span, traded: boolean): boolean {
  const next = shape.words[name.end] ?? '';
  if (productAt(shape, lex, name.end)) return true;
  if (techSuffixed(shape, lex, name)) return true;
  if (
    next === 'from' &&
    (shape.tech(name.end + 1, name.end + 4) ||
      hasObjectNoun(shape, lex, name.end + 1) ||
      procurementExcluded(shape, lex, name, name.end))
  )
    return true;
  return traded;
}

/** The name ends with a technology suffix ("Zentrix Networks"), not one any firm has ("Wagner Group"). */
function techSuffixed(shape: NameShape, lex: OpenNameWords, name: Span): boolean {
  const last = shape.words[name.end - 1] ?? '';
  return name.end - name.start >= 2 && lex.suffixes.has(last) && !GENERIC_SUFFIXES.has(last);
}

/**
 * How many words from `at` are technology words ahead of a product noun ("surveillance cameras",
 * "5G equipment", "connected vehicles"): at most two, joined to the name and to each other.
 */
function modifiersAt(shape: NameShape, lex: OpenNameWords, at: number): number {
  let n = 0;
  while (
    n < 2 &&
    shape.joined(at + n) &&
    lex.techWords.has(shape.words[at + n] ?? '') &&
    !lex.objectNouns.has(shape.words[at + n] ?? '')
  )
    n++;
  return n;
}

/** A product noun at `at`, after technology words or none: "Zentrix cameras", "Zentrix 5G equipment". */
function productAt(shape: NameShape, lex: OpenNameWords, at: number): boolean {
  const noun = at + modifiersAt(shape, lex, at);
  return shape.joined(noun) && lex.objectNouns.has(shape.words[noun] ?? '');
}

/**
 * A title-case name that runs into the technology words before its product ("Zentrix
 * Surveillance Cameras") ends before them; a suffix stays ("Zentrix Tech").
 */
function withoutModifiers(shape: NameShape, lex: OpenNameWords, name: Span): Span {
  let end = name.end;
  while (
    end - name.start > 1 &&
    lex.techWords.has(shape.words[end - 1] ?? '') &&
    !lex.suffixes.has(shape.words[end - 1] ?? '')
  )
    end--;
  return end === name.end || !productAt(shape, lex, end) ? name : { start: name.start, end };
}

function hasObjectNoun(shape: NameShape, lex: OpenNameWords, from: number): boolean {
  for (let i = from; i < Math.min(shape.words.length, from + 3); i++)
    if (lex.objectNouns.has(shape.words[i] ?? '')) return true;
  return false;
}

/** Title case: only an acronym, or the name from its first uncommon word (not a suffix alone). */
function titleCaseName(shape: NameShape, lex: OpenNameWords, name: Span): Span | undefined {
  if (shape.sentenceCase || shape.acronym(name)) return name;
  const rest = uncommonFrom(shape, name);
  if (!rest || (rest.end - rest.start === 1 && lex.suffixes.has(shape.words[rest.start] ?? ''))) return undefined;
  return rest;
}

export function byObject(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  for (const a of reading.actions) {
    for (const start of [objectStart(reading, a), purchaseStart(reading, lex, a)]) {
      if (start < 0 || start >= shape.words.length || !shape.joined(start)) continue;
      const whole = shape.forward(start);
      if (!whole || /\d/.test(shape.words[start] ?? '')) continue;
      const name = withoutModifiers(shape, lex, whole);
      const traded = start > a.end && shape.words[start - 1] === 'to';
      if (!firmAfter(shape, lex, name, traded) || shape.nonTech(name.start, name.end + 3)) continue;
      const taken = titleCaseName(shape, lex, name);
      if (taken) found.push(taken);
    }
  }
  byOrder(shape, reading, lex, found);
  byPassive(shape, reading, lex, found);
}

/**
 * "Zentrix cameras banned from UK government sites", "Zentrix Networks barred by Pentagon": the
 * name before a passive measure, when a product noun or a technology suffix says it is a
 * technology firm's, an instrument cue (the Covered List, Section 889) is named, or the firm is
 * barred from government contracts under a procurement law ("... from federal contracts under NDAA").
 */
function byPassive(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  const instrument = reading.actions.some((a) => a.instrument && a.status === 'counts');
  for (const a of reading.actions) {
    let end = passiveEnd(reading, a);
    if (end <= 0) continue;
    const product = lex.objectNouns.has(shape.words[end - 1] ?? '') && shape.joined(end - 1);
    if (product) end--;
    // "Zentrix surveillance cameras banned": the technology words before the product too.
    while (product && end > 1 && lex.techWords.has(shape.words[end - 1] ?? '') && shape.joined(end - 1)) end--;
    const name = shape.backward(end);
    if (!name || name.end !== end || /\d/.test(shape.words[name.start] ?? '')) continue;
    const evidence =
      product || techSuffixed(shape, lex, name) || instrument || procurementExcluded(shape, lex, name, a.end);
    if (!evidence || shape.nonTech(name.start, a.end + 3)) continue;
    const taken = titleCaseName(shape, lex, name);
    if (taken) found.push(taken);
  }
}

/** "Canada orders Zentrix to wind down ...": the firm between "orders" and "to" and the measure. */
function byOrder(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  for (const a of reading.actions) {
    if (!restrictiveByGovernment(reading, a) || shape.words[a.start - 1] !== 'to' || !shape.joined(a.start - 1))
      continue;
    const name = shape.backward(a.start - 1);
    if (!name || name.end - name.start > MAX_NAME || !ORDERS.has(shape.words[name.start - 1] ?? '')) continue;
    if (shape.nonTech(name.start, a.end + 3)) continue;
    const taken = titleCaseName(shape, lex, name);
    if (taken) found.push(taken);
  }
}
