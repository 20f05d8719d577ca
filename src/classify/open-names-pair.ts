/**
 * A vendor outside the catalogue named inside a government's two-part measure ("Canada kicks
 * Zentrix out of 5G network", "FCC revokes Zentrix's US authorization"), as the firm it orders to
 * act ("Canada orders Zentrix to wind down ..."), or as the firm whose contracts it ends. The
 * object and subject shapes are open-names-object.ts's and open-names-subject.ts's.
 */
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import { MAX_NAME, type NameShape } from './name-shape.js';
import { atomAt, atomEndingAt, type ActionMention, type Reading, type Span } from './reading.js';
import {
  afterCount,
  afterOrigin,
  DEALINGS,
  DEALS,
  firmAfter,
  onExports,
  regulatedTechnology,
  restrictiveByGovernment,
  restrictivePair,
  securityContext,
  shutDownForSecurity,
  techSuffixed,
  titleCaseName,
  uncommonFrom,
} from './open-names-evidence.js';
import { productAt, nameFrom, withoutModifiers } from './open-names-product.js';

/** "orders Zentrix to wind down": verbs that make a firm the doer of the government's measure. */
const ORDERS = new Set(['orders', 'ordered', 'order', 'forces', 'forced', 'tells', 'told', 'directs', 'directed']);

/**
 * Where the name inside a two-part measure starts: right after its first part, or after the noun's
 * "of" ("designation of Zentrix as a security threat").
 */
export function pairNameAt(words: readonly string[], a: ActionMention): number {
  return afterCount(words, words[a.firstEnd] === 'of' ? a.firstEnd + 1 : a.firstEnd);
}

/** Verbs that bring a measure down on a firm: "US hits Zentrix with export curbs". */
const HITS = new Set(['hits', 'hit', 'slaps', 'slapped']);
/** How many words may come between "with" and the measure: "with seven-year export denial order". */
const HIT_REACH = 4;

/** Where the "with" before a government's measure is ("hits Zentrix with new curbs"), or -1. */
export function hitWith(reading: Reading, a: ActionMention): number {
  if (!restrictiveByGovernment(reading, a)) return -1;
  const words = reading.tokens.words;
  for (let w = a.start - 1; w > 1 && w >= a.start - 1 - HIT_REACH; w--) if (words[w] === 'with') return w;
  return -1;
}

/**
 * "Commerce hits Zentrix with seven-year export denial order", "EU hits Spectrava with ban on
 * selling surveillance tools": the firm between the verb and "with" and a government's measure,
 * on exports or on technology, or itself named as a technology firm.
 */
export function byHit(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  for (const a of reading.actions) {
    const w = hitWith(reading, a);
    if (w < 0 || !shape.joined(w)) continue;
    const name = shape.backward(w);
    if (!name || name.end !== w || !HITS.has(shape.words[name.start - 1] ?? '')) continue;
    const technology = techSuffixed(shape, lex, name) || shape.tech(w + 1, a.end + 4);
    if (!(onExports(shape, w + 1, a.end) || technology) || shape.nonTech(name.start, a.end + 4)) continue;
    if (!techSuffixed(shape, lex, name) && uncommonFrom(shape, name) === undefined) continue;
    const taken = titleCaseName(shape, lex, name);
    if (taken) found.push(taken);
  }
}

/** What staff delete that is not an app: "told to delete WhatsApp messages" keeps records, it bans nothing. */
const CONTENT = new Set([
  'messages',
  'message',
  'chats',
  'emails',
  'posts',
  'tweets',
  'texts',
  'records',
  'files',
  'data',
  'photos',
  'history',
]);

/** Verbs between a warning's "against" and what it warns against: "against using X". */
const USING = new Set(['using', 'buying', 'installing', 'purchasing']);

/**
 * The object of a two-part measure, and what its name needs: to be a name English does not have
 * (an app staff delete, a firm a restricting law targets) or a product or technology suffix.
 */
interface PairObject {
  start: number;
  by: 'uninstall' | 'instrument' | 'product';
}

/**
 * Where the object of a two-part measure that names it last starts, if it has one: staff told to remove it
 * ("tells officials to uninstall X"), a warning against using it ("warns agencies against using
 * X"), its use halted ("halts use of X").
 */
export function objectAfterPair(reading: Reading, a: ActionMention): PairObject | undefined {
  if (!restrictivePair(reading, a)) return undefined;
  const words = reading.tokens.words;
  if (atomAt(reading, 'uninstall', a.end - 1)) return { start: a.end, by: 'uninstall' };
  // "warns agencies against using X": the verb may follow the pair's last word.
  if (atomEndingAt(reading, 'against', a.end))
    return { start: a.end + (USING.has(words[a.end] ?? '') ? 1 : 0), by: 'product' };
  if (atomAt(reading, 'use', a.end - 1) && words[a.end] === 'of') return { start: a.end + 1, by: 'product' };
  // "ministries told to stop buying X routers": the verb of use ends the pair, its object follows.
  if (USING.has(words[a.end - 1] ?? '') && atomAt(reading, 'use', a.end - 1)) return { start: a.end, by: 'product' };
  // "tells grid operators to replace Tervolt Electronics inverters": what they must replace.
  if (atomAt(reading, 'replace', a.end - 1)) return { start: a.end, by: 'product' };
  // "Countering CCP Drones Act targeting X": a law that exists to restrict vendors, aimed at one.
  if (words[a.end - 1] === 'targeting' && reading.actions.some((i) => i.instrument && i.status === 'counts'))
    return { start: a.end, by: 'instrument' };
  return undefined;
}

/**
 * "tells officials to uninstall Zentrix", "agencies told to delete Zentrix by April": what staff
 * are told to delete from their devices is an app, a name English does not have ("delete Smith
 * emails" is not one). "warns against using Zentrix software", "halts use of Zentrix drones": a
 * product or a technology name says it is a vendor's.
 */
export function byPairObject(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  for (const a of reading.actions) {
    const object = objectAfterPair(reading, a);
    const name = object && nameFrom(shape, lex, object.start);
    if (!object || !name) continue;
    const evidence =
      object.by === 'product'
        ? firmAfter(shape, reading, lex, name, undefined)
        : uncommonFrom(shape, name) !== undefined && !CONTENT.has(shape.words[name.end] ?? '');
    if (!evidence || shape.nonTech(name.start, name.end + 3)) continue;
    const taken = titleCaseName(shape, lex, name);
    if (taken) found.push(taken);
  }
}

/**
 * "Pentagon ends contract with Zentrix Robotics over China ties": the firm after "with" when a
 * two-part measure calls off dealings, on the terms of cut contracts (technology or security).
 */
export function byDealingsEnded(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  for (const a of reading.actions) {
    if (!restrictivePair(reading, a) || shape.words[a.end] !== 'with' || !DEALINGS.has(shape.words[a.end - 1] ?? ''))
      continue;
    const name = shape.joined(a.end + 1) ? shape.forward(a.end + 1) : undefined;
    if (!name || !firmAfter(shape, reading, lex, name, 'with') || shape.nonTech(name.start, name.end + 3)) continue;
    const taken = titleCaseName(shape, lex, name);
    if (taken) found.push(taken);
  }
}

/**
 * "Canada kicks Zentrix out of 5G network", "Italy vetoes Zentrix deal on chip plant": the name
 * right after the first part of a two-part measure, with a product, a technology suffix, or
 * technology words before the measure's end or just after it.
 */
export function byPair(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  for (const a of reading.actions) {
    // "orders Chinese-owned Zentrix Photonics to sell ...": the firm's origin may lead.
    const at = afterOrigin(reading, pairNameAt(shape.words, a));
    if (!restrictivePair(reading, a) || !shape.joined(at)) continue;
    const whole = shape.forward(at);
    // "blocks Fastweb-Huawei 5G deal": a partner named with a catalogued vendor is not the target.
    if (!whole || whole.end >= a.end || shape.isVendor(whole.end) || /\d/.test(shape.words[whole.start] ?? ''))
      continue;
    const name = withoutModifiers(shape, lex, whole);
    const licensed = regulatedTechnology(shape, lex, name, a.end);
    const technology =
      licensed ||
      productAt(shape, lex, name.end) ||
      techSuffixed(shape, lex, name) ||
      shape.tech(name.end, a.end + 3) ||
      shutDownForSecurity(shape, reading, name, a);
    // A deal blocked ("vetoes X deal"): for security, not competition. A regulator's "bid" is to operate.
    const deal = !licensed && shape.words.slice(name.end, a.end).some((w) => DEALS.has(w));
    if (!technology || (deal && !securityContext(reading)) || shape.nonTech(name.start, a.end + 3)) continue;
    const taken = titleCaseName(shape, lex, name);
    if (taken) found.push(taken);
  }
}

/** How far after the measure the country it is ordered out of may stand ("stake in U.S. game studio"). */
const OUT_OF_REACH = 4;

/**
 * Any firm may be ordered to stop ("Canada orders Walmart to cease operations"): the order is a
 * technology vendor's when technology or a security reason is named, when an investment-security
 * board gives it (CFIUS), or when the firm is sent out of a country ("wind down Canadian
 * operations", "divest stake in U.S. game studio"), as national-security orders read.
 */
function orderOnForeignTech(
  shape: NameShape,
  reading: Reading,
  lex: OpenNameWords,
  name: Span,
  verb: number,
  a: ActionMention,
): boolean {
  return (
    productAt(shape, lex, name.end) ||
    techSuffixed(shape, lex, name) ||
    shape.tech(verb - 1, a.end + 5) ||
    securityContext(reading) ||
    shape.words.includes('cfius') ||
    reading.places.some((p) => p.start >= a.end - 1 && p.start < a.end + OUT_OF_REACH)
  );
}

/**
 * "Canada orders Zentrix to wind down ...": the firm between "orders" (and its origin, if named)
 * and "to" and the measure.
 */
export function byOrder(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  for (const a of reading.actions) {
    if (!restrictiveByGovernment(reading, a) || shape.words[a.start - 1] !== 'to' || !shape.joined(a.start - 1))
      continue;
    const name = shape.backward(a.start - 1);
    if (!name || name.end - name.start > MAX_NAME) continue;
    // "orders Chinese-owned Halvora to divest": the firm's origin may come between.
    const verb = (reading.origins.find((o) => o.end === name.start)?.start ?? name.start) - 1;
    if (!ORDERS.has(shape.words[verb] ?? '')) continue;
    if (shape.nonTech(name.start, a.end + 5)) continue;
    if (!orderOnForeignTech(shape, reading, lex, name, verb, a)) continue;
    const taken = titleCaseName(shape, lex, name);
    if (taken) found.push(taken);
  }
}
