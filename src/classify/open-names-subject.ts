/**
 * A vendor outside the catalogue named before the measure that falls on it: "Zentrix cameras
 * banned from UK government sites", "Quillon Networks barred by Pentagon", "Zentrix faces US ban
 * over national security concerns", "Zentrix, Halvex hit with US export curbs", or answering its
 * listing: "Zentrix Optics sues Commerce over Entity List designation".
 */
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import type { NameShape } from './name-shape.js';
import type { ActionMention, Reading, Span } from './reading.js';
import { RANK } from './lexicon/lexicon-types.js';
import {
  capitalAt,
  coordinatedBack,
  fromTechnology,
  inPlace,
  isNounMeasure,
  offGovernmentDevices,
  onExports,
  SALE,
  restrictive,
  takesEffect,
  techSuffixed,
  titleCaseName,
  uncommonFrom,
  weakFirmEvidence,
} from './open-names-evidence.js';

/** Words between a passive measure and the name it befalls: "Zentrix cameras are to be banned", "must be removed". */
const AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'to',
  'get',
  'gets',
  'got',
  'will',
  'must',
  'could',
  'would',
  'should',
  'may',
  'might',
  'can',
]);
/** Verbs that make the name before them what a measure falls on: "Zentrix faces US ban", "hit with curbs". */
const UNDERGOES = new Set(['faces', 'face', 'facing', 'hit', 'slapped', 'targeted']);
/** Words between such a verb and its measure: "hit with new US export curbs", "faces a possible ban". */
const UNDERGO_FILLERS = new Set([
  'with',
  'a',
  'an',
  'new',
  'possible',
  'potential',
  'fresh',
  'more',
  'further',
  'sweeping',
  'tougher',
  'expanded',
  'stricter',
  'tighter',
  'additional',
  'export',
  'import',
  'procurement',
  // "targeted in sweeping new US export controls", "hit by US sanctions"
  'in',
  'by',
]);

/** What a listed firm does about its listing: "sues ... over", "challenges", "responds to". */
const REACTS = new Set([
  'sues',
  'sued',
  'challenges',
  'challenged',
  'contests',
  'contested',
  'appeals',
  'appealed',
  'fights',
  'wins',
  'won',
  'loses',
  'lost',
  'responds',
  'responded',
  'reacts',
  'slams',
  'condemns',
  'denounces',
  'rejects',
  'blasts',
]);
/**
 * The market's answer: "Zentrix shares plunge after Entity List addition". Only to a listing, not
 * to export controls, which move the shares of the firms that sell abroad ("Nvidia shares fall
 * as US tightens export controls").
 */
const MARKET = new Set(['shares', 'stock']);
/** How far before the listing the firm's reaction may be: "sues Commerce over Entity List designation". */
const REACTION_REACH = 6;

/** A maker's mark between a name and its product: "Zentrix-made routers". */
const MAKER_MARKS = new Set(['made', 'built', 'branded', 'brand', 'owned']);

function governmentNamed(reading: Reading): boolean {
  return reading.places.some((p) => p.actor && !p.reverse);
}

interface SubjectEnd {
  /** Where the name (with its product) ends; -1 when no shape holds. */
  end: number;
  via?: 'passive' | 'undergoer' | 'compound' | 'reaction';
  /** The measure offers a sale instead ("to be sold or banned"): only a firm is sold. */
  sale?: boolean;
}

/**
 * Where the name before a passive measure ends ("Zentrix cameras banned by the Pentagon"), or
 * -1: a one-word participle, a government named anywhere, and before it only auxiliaries.
 */
function passiveEnd(reading: Reading, a: ActionMention): SubjectEnd {
  const words = reading.tokens.words;
  // "Halcyra drones grounded by Interior Department": a pair of the product and its participle;
  // the name goes before the product, which stays the subject's.
  if (
    a.pair &&
    a.status === 'counts' &&
    a.kind === 'ban' &&
    a.firstEnd === a.start + 1 &&
    a.end === a.firstEnd + 1 &&
    (words[a.end - 1] ?? '').endsWith('ed') &&
    governmentNamed(reading)
  )
    return { end: a.firstEnd, via: 'passive' };
  if (!restrictive(a) || a.end - a.start !== 1 || !(words[a.start] ?? '').endsWith('ed')) return { end: -1 };
  if (!governmentNamed(reading)) return { end: -1 };
  let end = a.start;
  // "requiring Zentrix to be sold or banned": the sale offered instead of the ban.
  const sale = words[end - 1] === 'or' && SALE.has(words[end - 2] ?? '');
  if (sale) end -= 2;
  while (end > 0 && AUXILIARIES.has(words[end - 1] ?? '')) end--;
  return { end, via: 'passive', sale };
}

/**
 * Where the name before "faces" or "hit with" and a government's measure ends, or -1; between
 * the verb and the measure only fillers and places ("faces a possible US ban").
 */
function undergoerEnd(reading: Reading, a: ActionMention): number {
  if (!restrictive(a) || !governmentNamed(reading)) return -1;
  const words = reading.tokens.words;
  let at = a.start;
  while (at > 0 && a.start - at < 5 && (UNDERGO_FILLERS.has(words[at - 1] ?? '') || inPlace(reading, at - 1))) at--;
  return UNDERGOES.has(words[at - 1] ?? '') ? at - 1 : -1;
}

/**
 * Where the name of a firm answering a listing ends (at its reaction verb), or -1: a list or an
 * instrument of technology restrictions, not a sanction (people sue over those), named after it.
 */
function reactorEnd(reading: Reading, a: ActionMention): number {
  const listing = a.instrument || (a.kind === 'restriction' && a.rank >= RANK.genericRestriction);
  if (a.status !== 'counts' || !listing || !(a.instrument || governmentNamed(reading))) return -1;
  const words = reading.tokens.words;
  const listed = a.instrument || (a.rank === RANK.genericRestriction && a.strength === 'hard');
  for (let at = a.start - 1; at > 0 && a.start - at <= REACTION_REACH; at--) {
    const word = words[at] ?? '';
    if (REACTS.has(word) || (listed && MARKET.has(word))) return at;
  }
  return -1;
}

/**
 * Where a product and its maker's name end before a measure named as a noun, or -1: a government
 * named, or the measure taking effect ("Zentrix router ban takes effect").
 */
function compoundEnd(reading: Reading, a: ActionMention): number {
  if (!restrictive(a) || !(isNounMeasure(reading, a) || sellOrBan(reading, a))) return -1;
  return governmentNamed(reading) || takesEffect(reading, a) ? a.start : -1;
}

/** Only a firm is made to sell: "Zentrix sell-or-ban bill", "divest-or-ban law". */
function sellOrBan(reading: Reading, a: ActionMention): boolean {
  const words = reading.tokens.words;
  const first = words[a.start];
  return (
    a.kind === 'ban' &&
    a.end - a.start === 3 &&
    (first === 'sell' || first === 'divest') &&
    words[a.start + 1] === 'or' &&
    words[a.start + 2] === 'ban'
  );
}

/** Where the name the measure `a` falls on ends, when it comes before the measure, and by which shape. */
function subjectEnd(reading: Reading, a: ActionMention): SubjectEnd {
  const passive = passiveEnd(reading, a);
  if (passive.end >= 0) return passive;
  const undergoer = undergoerEnd(reading, a);
  if (undergoer >= 0) return { end: undergoer, via: 'undergoer' };
  // A reaction first: "challenges Pentagon blacklisting" is a firm's answer, not a compound.
  const reaction = reactorEnd(reading, a);
  if (reaction >= 0) return { end: reaction, via: 'reaction' };
  const compound = compoundEnd(reading, a);
  return compound >= 0 ? { end: compound, via: 'compound' } : { end: -1 };
}

/**
 * Cheap test before the shape is built: a capitalised word where the name before a measure would
 * be (with its product noun and up to two technology words before that).
 */
export function subjectAhead(reading: Reading, a: ActionMention): boolean {
  const { end } = subjectEnd(reading, a);
  for (let back = 1; back <= 4 && end - back >= 0; back++) if (capitalAt(reading, end - back)) return true;
  return false;
}

function isMakersMark(shape: NameShape, i: number, possessive: boolean): boolean {
  const word = shape.words[i] ?? '';
  if (MAKER_MARKS.has(word)) return shape.between(i) === '-';
  return possessive && word === 's' && /^['’]$/.test(shape.between(i));
}

/** What a firm says or does about a measure on its own products: "Zentrix says US ban on its software ...". */
const SPEAKS = new Set(['says', 'said', 'calls', 'claims', 'slams', 'denies', 'insists', 'argues', 'vows', 'fights']);

/**
 * A measure on "its" products ("ban on its software", "restrictions on its chips"), where "its"
 * stands for the firm that leads the headline.
 */
export function onOwnProducts(reading: Reading, lex: OpenNameWords, a: ActionMention): boolean {
  const words = reading.tokens.words;
  if (!restrictive(a) || (words[a.end] !== 'on' && words[a.end] !== 'of') || words[a.end + 1] !== 'its') return false;
  const goods = words[a.end + 2] ?? '';
  return lex.objectNouns.has(goods) || lex.techWords.has(goods);
}

/**
 * "Zentrix says US ban on its software is politically motivated": the firm that leads the
 * headline and speaks about a government's measure on its own products. A name English does not
 * have or a technology suffix, as people speak about measures too.
 */
export function bySpeaker(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  if (!governmentNamed(reading)) return;
  const name = shape.forward(0);
  if (!name || !SPEAKS.has(shape.words[name.end] ?? '')) return;
  if (!reading.actions.some((a) => a.start > name.end && onOwnProducts(reading, lex, a))) return;
  if (!techSuffixed(shape, lex, name) && uncommonFrom(shape, name) === undefined) return;
  if (shape.nonTech(name.start, shape.words.length)) return;
  const taken = titleCaseName(shape, lex, name);
  if (taken) found.push(taken);
}

/**
 * The name before a measure, when a product noun or a technology suffix says it is a technology
 * firm's, an instrument cue (the Covered List, Section 889) is named, the firm is barred from
 * government contracts under a procurement law ("... from federal contracts under NDAA"), or the
 * measure is a ban over a security concern ("Zentrix faces US ban over national security
 * concerns") or export curbs ("Zentrix, Halvex hit with US export curbs").
 */
export function bySubject(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  const instrument = reading.actions.some((a) => a.instrument && a.status === 'counts');
  // A ban (not a sanction: people are sanctioned too) over a security concern, or export curbs.
  const security = reading.motives.some((m) => m.strong);
  for (const a of reading.actions) {
    const subject = subjectEnd(reading, a);
    let end = subject.end;
    if (end <= 0) continue;
    const product = lex.objectNouns.has(shape.words[end - 1] ?? '') && shape.joined(end - 1);
    if (product) end--;
    // "Zentrix surveillance cameras banned": up to two technology words before the product too.
    for (let skipped = 0; product && skipped < 2 && end > 1; skipped++) {
      if (!lex.techWords.has(shape.words[end - 1] ?? '') || !shape.joined(end - 1)) break;
      end--;
    }
    // A noun measure needs its product: "Zentrix ban" alone may be anyone's, and a possessive
    // before it is a politician's as often ("Youngkin's drone ban"). Unless the measure itself
    // says technology or a firm: only software is banned on a government's devices ("Zentrix ban
    // on government phones"), and only a firm is made to sell ("Zentrix sell-or-ban bill"); or
    // the name has a technology suffix (checked once the name is found).
    const compound = subject.via === 'compound';
    const measureSays =
      (compound && (offGovernmentDevices(shape, lex, a.end) || sellOrBan(reading, a))) || subject.sale === true;
    // "Zentrix-made routers", "Zentrix's routers": the maker's mark or possessive before them.
    if (product && end > 1 && isMakersMark(shape, end - 1, !compound)) end--;
    const name = shape.backward(end);
    if (!name || name.end !== end || /\d/.test(shape.words[name.start] ?? '')) continue;
    // "Rivenhall Tech ban delayed": a technology suffix says firm as well as a product would.
    if (!product && compound && !measureSays && !techSuffixed(shape, lex, name)) continue;
    const evidence =
      subject.via === 'reaction' ||
      product ||
      measureSays ||
      techSuffixed(shape, lex, name) ||
      instrument ||
      (security && a.kind === 'ban') ||
      fromTechnology(shape, lex, a.end) ||
      onExports(shape, end, a.end) ||
      // "Zentrix hit with ban on federal networks", "Calvenor faces procurement ban" (what a
      // government buys is banned): said of people too, so only of a name English does not have.
      ((weakFirmEvidence(shape, reading, lex, a.end) || shape.words[a.start - 1] === 'procurement') &&
        uncommonFrom(shape, name) !== undefined);
    if (!evidence || shape.nonTech(name.start, a.end + 3)) continue;
    // Before a noun measure a capitalised word is as often a sponsor's or a place's: only a name
    // English does not have ("Zentrix router ban", not "Smith drone ban").
    if ((compound || subject.sale) && uncommonFrom(shape, name) === undefined) continue;
    const taken = titleCaseName(shape, lex, name);
    // "Zentrix, Halvex hit with ...": the names listed before it are hit too.
    if (taken) found.push(taken, ...coordinatedBack(shape, name.start));
  }
}
