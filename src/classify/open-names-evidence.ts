/**
 * What the open-name rules of open-names-object.ts, open-names-pair.ts and open-names-subject.ts
 * share: which actions restrict, and what says a name is a technology firm's (a product noun, a
 * technology suffix, procurement, a government's devices, a telecoms regulator, what follows the
 * name: firmAfter) and where it starts in a title-case headline.
 */
import { isCommonWord } from './common-words.js';
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import type { NameShape } from './name-shape.js';
import { atomAt, type ActionMention, type Reading, type Span } from './reading.js';
import { pastTakingPart, procurementExcluded } from './open-names-procurement.js';
import { hasObjectNoun, overTechTrade } from './open-names-trade.js';
import { afterPossessive, productAt } from './open-names-product.js';

/** Action kinds that restrict: a name right after one of them is its object. */
const RESTRICTIVE = new Set(['ban', 'restriction', 'sanction']);

/** Suffixes any organisation may have ("Wagner Group", "Smith Holdings"): they say firm, not technology. */
const GENERIC_SUFFIXES = new Set(['group', 'holdings', 'inc', 'ltd', 'corp', 'co', 'international']);
/** Legal forms that end a firm's registered name ("Vantory Microelectronics Co., Ltd."). */
export const LEGAL_FORMS = new Set(['co', 'ltd', 'inc', 'corp', 'llc', 'plc', 'gmbh', 'limited', 'corporation']);
/** Words that may end a firm's name after the word that says its trade. */
const TRAILING = new Set([...GENERIC_SUFFIXES, ...LEGAL_FORMS, 'services', 'trading', 'company']);

export function restrictive(a: ActionMention): boolean {
  return a.status === 'counts' && !a.pair && !a.instrument && RESTRICTIVE.has(a.kind);
}

/**
 * The headline gives a security reason or a foreign origin: what tells a deal blocked for national
 * security ("Italy vetoes Zentrix deal on national security grounds") from one blocked by a
 * competition regulator ("UK regulator blocks Microsoft deal for Activision"), and contracts cut
 * with a vendor from contracts cut with anyone.
 */
export function securityContext(reading: Reading): boolean {
  return reading.motives.some((m) => m.strong) || reading.origins.length > 0;
}

/** A government named before the action, or at its start ("Treasury targets"), or implied by whom it orders. */
function byGovernment(reading: Reading, a: ActionMention): boolean {
  return reading.places.some((p) => p.actor && !p.reverse && p.start <= a.start) || orderedIndustry(reading, a);
}

/**
 * Who only a government or a court orders to drop a vendor: network operators and the app stores.
 * (Staff and retailers are told so by their employer and their owners too.)
 */
const ORDERED_ONLY_BY_GOVERNMENT = new Set(['operators', 'telcos', 'carriers', 'telecoms', 'isps', 'apple', 'google']);
/** How far before the action the order may be: "told to rip out", "ordered to stop selling". */
const ORDER_REACH = 3;

/**
 * "Operators told to rip out Sorelink RAN gear", "Google ordered to pull Sordai app": the order
 * names no government, but only a government or a court gives it to these.
 */
export function orderedIndustry(reading: Reading, a: ActionMention): boolean {
  const words = reading.tokens.words;
  // The order may open the cue itself: "told to replace".
  for (let at = Math.max(1, a.start - ORDER_REACH); at <= a.start; at++) {
    // An order given ("operators told to"): the lexicon's `compel` words, which its pairs read too.
    if (atomAt(reading, 'compel', at) && words[at + 1] === 'to')
      return ORDERED_ONLY_BY_GOVERNMENT.has(words[at - 1] ?? '');
  }
  return false;
}

/** A two-part measure by a government, with a name between its parts: "kicks X out of". */
export function restrictivePair(reading: Reading, a: ActionMention): boolean {
  return a.pair === true && a.status === 'counts' && RESTRICTIVE.has(a.kind) && byGovernment(reading, a);
}

/** A measure named as a noun: "Zentrix router ban", "ban on Zentrix routers". */
const NOUN_MEASURES = new Set(['ban', 'bans', 'restrictions', 'curbs', 'blacklisting', 'prohibition']);
/** First words of a stage cue that says a measure has legal force: "takes effect", "in force", "kicks in". */
const TAKES_EFFECT = new Set([
  'takes',
  'take',
  'took',
  'goes',
  'go',
  'went',
  'comes',
  'come',
  'came',
  'in',
  'becomes',
  'kicks',
  'kicked',
  'kick',
]);
/** How far after the measure its taking effect may be said: "ban on Zentrix routers in Texas takes effect". */
const EFFECT_REACH = 8;

/** The measure is one word that names it as a noun ("ban", "curbs"), not a verb or a pair. */
export function isNounMeasure(reading: Reading, a: ActionMention): boolean {
  return a.end - a.start === 1 && NOUN_MEASURES.has(reading.tokens.words[a.start] ?? '');
}

/**
 * A measure named as a noun that takes legal effect ("Ban on Zentrix routers takes effect"): only
 * a government's measures do, so it stands for the government the headline leaves unnamed.
 */
export function takesEffect(reading: Reading, a: ActionMention): boolean {
  if (!isNounMeasure(reading, a)) return false;
  return reading.stages.some(
    (s) =>
      s.stage === 'in-effect' &&
      s.start >= a.end &&
      s.start - a.end <= EFFECT_REACH &&
      TAKES_EFFECT.has(reading.tokens.words[s.start] ?? ''),
  );
}

/** A restrictive action by a government. */
export function restrictiveByGovernment(reading: Reading, a: ActionMention): boolean {
  return restrictive(a) && byGovernment(reading, a);
}

/** Token i is part of a place or government ("Pentagon", "state"). */
export function inPlace(reading: Reading, i: number): boolean {
  return reading.places.some((p) => p.start <= i && i < p.end);
}

/** Token i starts with a capital (a name may start or end there). */
export function capitalAt(reading: Reading, i: number): boolean {
  const first = reading.text[reading.tokens.starts[i] ?? -1] ?? '';
  return first !== first.toLowerCase();
}

/** The span from its first word that is not common English, or nothing when every word is. */
export function uncommonFrom(shape: NameShape, span: Span): Span | undefined {
  for (let i = span.start; i < span.end; i++)
    if (!isCommonWord(shape.words[i] ?? '')) return { start: i, end: span.end };
  return undefined;
}

/** The name ends with a suffix any organisation may have: "Wagner Group", "Smith Holdings". */
export function genericSuffixed(shape: NameShape, name: Span): boolean {
  return name.end - name.start >= 2 && GENERIC_SUFFIXES.has(shape.words[name.end - 1] ?? '');
}

/** The name ends with a technology suffix ("Zentrix Networks"), not one any firm has ("Wagner Group"). */
export function techSuffixed(shape: NameShape, lex: OpenNameWords, name: Span): boolean {
  // "Morvanta Satellite Services", "Drenmark Electronics Trading Co.": the suffix before the trailing words.
  let end = name.end;
  while (end - name.start > 2 && TRAILING.has(shape.words[end - 1] ?? '')) end--;
  const last = shape.words[end - 1] ?? '';
  return end - name.start >= 2 && lex.suffixes.has(last) && !GENERIC_SUFFIXES.has(last);
}

/** How many words after "on" or "from" a government's device noun may come: "on government-issued mobile devices". */
const DEVICE_REACH = 4;

/**
 * "bans Zentrix on government devices", "removal of Zentrix from federal networks": only software
 * and technology are banned from a government's own devices and networks. (Not "for its staff":
 * games and services are too, "Pentagon bans Fortnite for troops".)
 */
export function offGovernmentDevices(shape: NameShape, lex: OpenNameWords, at: number): boolean {
  const link = shape.words[at];
  if (link !== 'on' && link !== 'from') return false;
  let owned = false;
  // "bans Zentrix on devices": devices right after the link are a government's when it bans.
  const first = shape.words[at + 1] === 'all' ? at + 2 : at + 1;
  for (let i = at + 1; i <= Math.min(shape.words.length - 1, at + DEVICE_REACH); i++) {
    const word = shape.words[i] ?? '';
    if (lex.deviceNouns.has(word)) return owned || (i === first && link === 'on');
    if (lex.deviceOwners.has(word)) owned = true;
  }
  return false;
}

/** "from 5G", "from selling equipment": barred from a technology or from trading in a product. */
export function fromTechnology(shape: NameShape, lex: OpenNameWords, from: number): boolean {
  if (shape.words[from] !== 'from') return false;
  const at = pastTakingPart(shape, from);
  return shape.tech(at, at + 3) || hasObjectNoun(shape, lex, at);
}

/** Title case: only an acronym, or the name from its first uncommon word (not a suffix alone). */
export function titleCaseName(shape: NameShape, lex: OpenNameWords, name: Span): Span | undefined {
  if (shape.sentenceCase || shape.acronym(name)) return name;
  const rest = uncommonFrom(shape, name);
  if (!rest || (rest.end - rest.start === 1 && lex.suffixes.has(shape.words[rest.start] ?? ''))) return undefined;
  return rest;
}

/** Names joined by commas and "and" before `start`, leftwards ("Alpha, Beta and Gamma among ..."). */
export function coordinatedBack(shape: NameShape, start: number): Span[] {
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

/**
 * What a telecoms regulator's measure takes from a carrier: its authorization, the right to operate
 * or serve, the market ("revokes Zentrix's US authorization", "bid to operate in US", "boots
 * Zentrix from U.S. market"). Not a licence alone: the same regulators license broadcasters
 * ("Ofcom revokes RT licence") and rule on their deals ("FCC denies Sinclair bid to buy Tribune").
 */
const OPERATING = new Set([
  'authorization',
  'authorisation',
  'authorizations',
  'operate',
  'operating',
  'market',
  'service',
  'services',
]);
const OPERATING_REACH = 5;

/**
 * A technology regulator (a telecoms one) takes away a firm's right to operate: the firm is a
 * carrier, a technology firm. People hold licences too ("revokes Smith's license"): a name English
 * does not have.
 */
export function regulatedTechnology(shape: NameShape, lex: OpenNameWords, name: Span, from: number): boolean {
  const to = Math.min(shape.words.length, from + OPERATING_REACH);
  return (
    shape.words.slice(name.end, to).some((w) => OPERATING.has(w)) &&
    shape.words.some((w) => lex.techRegulators.has(w)) &&
    uncommonFrom(shape, name) !== undefined
  );
}

/** Operations a government orders shut: "orders Zentrix to cease operations", "to wind up". */
const OPERATIONS = new Set(['operations', 'operation', 'business', 'businesses', 'services', 'service']);

/**
 * "Ottawa orders Zentrix Canada to wind up operations on national security grounds": a firm's
 * business shut for national security is a technology firm's, once the name is not English.
 */
export function shutDownForSecurity(shape: NameShape, reading: Reading, name: Span, a: ActionMention): boolean {
  const operations = shape.words.slice(a.end - 1, a.end + 3).some((w) => OPERATIONS.has(w));
  return operations && reading.motives.some((m) => m.strong) && uncommonFrom(shape, name) !== undefined;
}

/** Dealings a measure cuts, then "with" the firm: "prohibiting state contracts with Zentrix". */
export const DEALINGS = new Set([
  'contracts',
  'contract',
  'contracting',
  'business',
  'dealings',
  'deals',
  'transactions',
]);
/** A deal a government blocks, after the firm's name: "blocks Zentrix takeover of chip firm". */
export const DEALS = new Set(['takeover', 'acquisition', 'deal', 'merger', 'bid']);

/**
 * A measure on exports between tokens `from` and `to` ("export controls", "hit with US export
 * curbs"): it falls on the firms that buy or sell abroad.
 */
export function onExports(shape: NameShape, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (shape.words[i] === 'export' || shape.words[i] === 'exports') return true;
  return false;
}

/** A sale a measure forces: "ban Zentrix unless it is sold", "to be sold or banned". */
export const SALE = new Set(['sold', 'sells', 'sell', 'divests', 'divest', 'divested', 'divestiture', 'sale']);
/** How far "unless" may follow the name ("Zentrix nationwide unless"). */
const UNLESS_REACH = 3;
/** How far the sale may follow "unless" ("unless its Chinese owner sells"). */
const SALE_REACH = 4;

/** "ban Zentrix nationwide unless it is sold", "unless its Chinese owner sells": only a firm is made to sell. */
export function unlessSold(shape: NameShape, at: number): boolean {
  const words = shape.words;
  for (let u = at; u < Math.min(words.length, at + UNLESS_REACH); u++) {
    if (words[u] !== 'unless') continue;
    for (let i = u + 1; i <= Math.min(words.length - 1, u + SALE_REACH); i++) if (SALE.has(words[i] ?? '')) return true;
    return false;
  }
  return false;
}

/** Past a count that leads the object ("rip out 1,300 Zentrix cameras"): where what is counted starts. */
export function afterCount(words: readonly string[], at: number): number {
  // "1,300" may be read as two tokens, "1" and "300".
  let past = at;
  while (past < at + 3 && /^\d[\d,.]*$/.test(words[past] ?? '')) past++;
  return past;
}

/** Past a foreign origin that leads the object ("bans China's Zentrix on ..."): where its name starts. */
export function afterOrigin(reading: Reading, at: number): number {
  return reading.origins.find((o) => o.start === at)?.end ?? at;
}

/**
 * What follows a name at `at` and says firm only when the name is one English does not have, as
 * people meet it too: banned from a government's devices or networks ("bans Smith from federal
 * networks"), punished over trade in technology, shut out of what a government buys. Callers ask
 * `uncommonFrom` after it, as that look-up is the dearer.
 */
export function weakFirmEvidence(shape: NameShape, reading: Reading, lex: OpenNameWords, at: number): boolean {
  return (
    offGovernmentDevices(shape, lex, at) ||
    overTechTrade(shape, lex, at) ||
    procurementExcluded(shape, reading, lex, at)
  );
}

/**
 * The name is a technology firm's: a product noun follows it, it ends with a technology suffix
 * ("Zentrix Networks"), it is banned on a government's own devices or networks, a telecoms
 * regulator takes its right to operate, it is barred "from" a technology ("from 5G") or from
 * government contracts under a procurement law or for security, a deal of its in technology is
 * blocked for security, trade to it or contracts with it are cut, or it is banned unless sold.
 */
export function firmAfter(
  shape: NameShape,
  reading: Reading,
  lex: OpenNameWords,
  name: Span,
  traded: 'to' | 'with' | undefined,
): boolean {
  const next = shape.words[name.end] ?? '';
  if (productAt(shape, lex, name.end) || productAt(shape, lex, afterPossessive(shape, name.end))) return true;
  if (techSuffixed(shape, lex, name)) return true;
  if (next === 'from' && fromTechnology(shape, lex, name.end)) return true;
  if (regulatedTechnology(shape, lex, name, name.end)) return true;
  // "blocks Zentrix takeover of chip firm over security concerns": a deal, in technology, for security.
  if (DEALS.has(next) && shape.tech(name.end, name.end + 5) && securityContext(reading)) return true;
  if (traded === 'to') return true;
  const weak = weakFirmEvidence(shape, reading, lex, name.end) || unlessSold(shape, name.end);
  if (weak && uncommonFrom(shape, name) !== undefined) return true;
  // Contracts with anyone may be cut ("Smith & Wesson"): a name English does not have, in a
  // headline about technology, a security concern or a foreign origin.
  const context = shape.tech(0, shape.words.length) || securityContext(reading);
  return traded === 'with' && context && uncommonFrom(shape, name) !== undefined;
}
