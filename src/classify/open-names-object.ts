/**
 * A vendor outside the catalogue as the object of a government's restrictive action, the shapes
 * of open-names.ts that need no descriptor or list: "Pentagon bans Unitree robot dogs",
 * "Treasury sanctions Zentrix Networks for ...", "bars exports to Zentrix", "Sweden excludes
 * Zentrix from 5G", "bans agencies from buying Zentrix drones". In title case a capital says
 * nothing: there the name is an acronym ("ASML") or starts at a word English does not have
 * (open-names-evidence.ts). Names before the measure, "Zentrix cameras banned ...", are
 * open-names-subject.ts's; names inside a two-part measure or an order, open-names-pair.ts's.
 */
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import type { NameShape } from './name-shape.js';
import type { ActionMention, Reading, Span } from './reading.js';
import {
  afterCount,
  afterOrigin,
  capitalAt,
  DEALINGS,
  firmAfter,
  inPlace,
  isNounMeasure,
  onExports,
  restrictive,
  restrictiveByGovernment,
  restrictivePair,
  takesEffect,
  techSuffixed,
  titleCaseName,
  uncommonFrom,
} from './open-names-evidence.js';
import { productAt, nameFrom } from './open-names-product.js';
import { bySpeaker, bySubject, onOwnProducts, subjectAhead } from './open-names-subject.js';
import {
  byDealingsEnded,
  byHit,
  byOrder,
  byPair,
  byPairObject,
  hitWith,
  objectAfterPair,
  pairNameAt,
} from './open-names-pair.js';
import { byMeasureTarget, measureTargetAt } from './open-names-target.js';

/** Words between an action and its object: "ban on X", "removal of X", "strip out X". */
const OBJECT_LINKS = new Set(['on', 'of', 'out', 'against']);

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
  // "suspends certification of Zentrix routers": a regulator's approval of the product.
  'certification',
  'certifications',
  // "bars entry of Zentrix batteries": goods kept out at the border.
  'entry',
]);
/** A regulator's approvals, then "for" and the firm: "bar new equipment authorizations for Zentrix Networks". */
const AUTHORIZATIONS = new Set(['authorizations', 'authorisations', 'authorization', 'authorisation', 'approvals']);
const BEFORE_OF = new Set(['the', 'its', 'their', 'federal', 'state', 'government', 'further', 'future', 'new']);

/** Trade the action cuts, then "to" and the firm it goes to: "bars exports to Zentrix". */
const TRADE = new Set(['exports', 'export', 'sales', 'shipments', 'supplies', 'supply', 'technology']);

/**
 * Who a ban stops from buying, between the ban and "from": "bans state agencies from buying X"
 * (a government named there counts too: "NDAA bans Pentagon from buying X"), or from selling to
 * a firm: "bans American firms from selling to X". Anyone else there is
 * the ban's own object ("bans Zentrix from buying US chips"), and what follows is not a vendor.
 */
const BUYERS = new Set([
  'the',
  'public',
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
  'soldiers',
  'ministries',
  'ministry',
  'schools',
  'police',
  'staff',
  'firms',
  'companies',
  'suppliers',
  'chipmakers',
  'operators',
  'telcos',
  'carriers',
  'national',
  'labs',
  'laboratories',
  'hospitals',
  'universities',
]);
const BUYERS_MAX = 3;
/** A town's own buyers: only its government bars them. */
const MUNICIPAL = new Set(['city', 'county', 'municipal', 'town']);
/** Trade a ban stops, then "to" and the firm: "from selling to X", "from supplying to X". */
const SELLING = new Set(['selling', 'supplying', 'exporting', 'shipping']);

/**
 * Where the object of a government's restrictive action starts, or -1 ("bans X", "ban on X"); a
 * ban that takes effect is a government's even when the headline does not say whose.
 */
function objectStart(reading: Reading, lex: OpenNameWords, a: ActionMention): number {
  if (!restrictiveByGovernment(reading, a) && !(restrictive(a) && takesEffect(reading, a))) return -1;
  const words = reading.tokens.words;
  const linked =
    OBJECT_LINKS.has(words[a.end] ?? '') ||
    (words[a.end] === 'for' && AUTHORIZATIONS.has(words[a.end - 1] ?? '')) ||
    // "expands chip curbs to Zentrix": curbs on a technology extended to a firm (a ban extended
    // "to" somewhere is as often extended to a place).
    (words[a.end] === 'to' &&
      a.kind === 'restriction' &&
      isNounMeasure(reading, a) &&
      lex.techWords.has(words[a.start - 1] ?? ''));
  const at = linked ? a.end + 1 : a.end;
  return afterOrigin(reading, afterCount(words, afterOfNoun(reading, afterTrade(words, lex, at))));
}

/**
 * Past the trade a measure cuts and "to" or "with" ("bars exports to X", "chip sales to X",
 * "exports of chipmaking tools to X", "state contracts with X"): where the firm is named, or `at`.
 */
function afterTrade(words: readonly string[], lex: OpenNameWords, at: number): number {
  const dealing = BEFORE_OF.has(words[at] ?? '') ? at + 1 : at;
  if (DEALINGS.has(words[dealing] ?? '') && words[dealing + 1] === 'with') return dealing + 2;
  const goods = words[at] ?? '';
  const trade =
    (lex.techWords.has(goods) || lex.objectNouns.has(goods)) && TRADE.has(words[at + 1] ?? '') ? at + 1 : at;
  if (!TRADE.has(words[trade] ?? '')) return at;
  if (words[trade + 1] === 'to') return trade + 2;
  if (words[trade + 1] !== 'of') return at;
  // "exports of chipmaking tools to X": technology goods ("exports of seafood to X" names no vendor).
  for (let to = trade + 3; to <= trade + 5; to++) {
    if (words[to] !== 'to') continue;
    const traded = words.slice(trade + 2, to);
    return traded.some((w) => lex.techWords.has(w) || lex.objectNouns.has(w)) ? to + 1 : at;
  }
  return at;
}

/**
 * Past "federal purchases of", "the use of new", "Pentagon purchases of": where the product is
 * named; `at` when none.
 */
function afterOfNoun(reading: Reading, at: number): number {
  const words = reading.tokens.words;
  let noun = at;
  while (noun < at + 2 && (BEFORE_OF.has(words[noun] ?? '') || inPlace(reading, noun))) noun++;
  if (!OF_NOUNS.has(words[noun] ?? '') || words[noun + 1] !== 'of') return at;
  return words[noun + 2] === 'new' ? noun + 3 : noun + 2;
}

/**
 * Where the product a government is stopped from buying is named, or -1: "bans agencies from
 * buying X", "Pentagon barred from using X", "contracting with X".
 */
function purchaseStart(reading: Reading, lex: OpenNameWords, a: ActionMention): number {
  if (!restrictive(a)) return -1;
  // "San Diego bars city departments from buying X": a city's own buyers say whose ban it is when
  // the city is a place the lexicon does not know. Not "state" or "agencies": a firm may bar its
  // staff from buying for them ("Kroger bars state employees from buying ...").
  let government = restrictiveByGovernment(reading, a);
  const words = reading.tokens.words;
  for (let at = a.end; at <= a.end + BUYERS_MAX; at++) {
    const word = words[at] ?? '';
    if (word === 'from' && lex.purchaseVerbs.has(words[at + 1] ?? ''))
      return !government ? -1 : words[at + 2] === 'with' ? at + 3 : at + 2;
    // "bans American firms from selling to X": the firm that trade is cut with.
    if (word === 'from' && SELLING.has(words[at + 1] ?? '') && words[at + 2] === 'to') return government ? at + 3 : -1;
    if (!BUYERS.has(word) && !inPlace(reading, at)) return -1;
    if (MUNICIPAL.has(word)) government = true;
  }
  return -1;
}

/** Goods named by where they come from: "equipment from X", "chips from X". */
const GOODS = new Set(['equipment', 'gear', 'hardware', 'software', 'chips', 'components', 'modules', 'kit']);
/** What is bought, before "of" and the product: "purchases of drones from X". */
const PURCHASE_OF = new Set(['purchase', 'purchases', 'procurement', 'import', 'imports']);

/** Verbs of a product's maker before "by": "spyware made by X", "drones built by X". */
const MADE = new Set(['made', 'built', 'produced', 'manufactured', 'supplied', 'sold', 'developed']);

/**
 * Where the maker of a product named at `at` is named, or -1: "spyware made by X", "drones built
 * by X", and where a purchase is barred, "batteries from X". Up to two technology words may lead
 * the product ("surveillance cameras made by X").
 */
function makerAt(words: readonly string[], lex: OpenNameWords, at: number, bought: boolean): number {
  // "purchases of drones from X", "imports of chips from X": what is bought comes from its maker.
  const fromMaker = bought || PURCHASE_OF.has(words[at - 2] ?? '') || PURCHASE_OF.has(words[at - 3] ?? '');
  let product = at;
  while (product < at + 2 && lex.techWords.has(words[product] ?? '') && !lex.objectNouns.has(words[product] ?? ''))
    product++;
  const word = words[product] ?? '';
  if (!lex.objectNouns.has(word) && !(product > at && lex.techWords.has(words[product - 1] ?? ''))) return -1;
  let noun = lex.objectNouns.has(word) ? product : product - 1;
  // "connected-car software from X": the goods a product noun qualifies.
  if (lex.objectNouns.has(word) && GOODS.has(words[noun + 1] ?? '')) noun++;
  if (MADE.has(words[noun + 1] ?? '') && words[noun + 2] === 'by') return noun + 3;
  if (words[noun + 1] !== 'from') return -1;
  // "ban on equipment from X": goods come from their maker; drones and cameras are banned from places.
  return fromMaker || GOODS.has(words[noun] ?? '') ? noun + 2 : -1;
}

/**
 * Cheap test before the shape is built: a government's restrictive action with a capitalised
 * word where its object would be named (after it, before "to" and it, or before the measure).
 */
export function objectAhead(reading: Reading, lex: OpenNameWords): boolean {
  const words = reading.tokens.words;
  return reading.actions.some((a) => {
    const start = objectStart(reading, lex, a);
    if (start >= 0 && capitalAt(reading, start)) return true;
    const bought = purchaseStart(reading, lex, a);
    if (bought >= 0 && capitalAt(reading, bought)) return true;
    const made = start >= 0 ? makerAt(words, lex, start, false) : -1;
    if (made >= 0 && capitalAt(reading, made)) return true;
    const boughtFrom = bought >= 0 ? makerAt(words, lex, bought, true) : -1;
    if (boughtFrom >= 0 && capitalAt(reading, boughtFrom)) return true;
    if (start >= 0 && words[a.start - 1] === 'to' && capitalAt(reading, a.start - 2)) return true;
    const afterPair = objectAfterPair(reading, a);
    if (afterPair && capitalAt(reading, afterPair.start)) return true;
    if (capitalAt(reading, 0) && onOwnProducts(reading, lex, a)) return true;
    const hit = hitWith(reading, a);
    if (hit > 0 && capitalAt(reading, hit - 1)) return true;
    const targeted = measureTargetAt(reading, a);
    if (targeted > 0 && capitalAt(reading, targeted)) return true;
    if (restrictivePair(reading, a)) {
      if (capitalAt(reading, pairNameAt(words, a))) return true;
      if (words[a.end] === 'with' && capitalAt(reading, a.end + 1)) return true;
    }
    return subjectAhead(reading, a);
  });
}

/**
 * "blocks Spark from using Huawei 5G equipment": a name stopped from buying or using a catalogued
 * vendor's products is the buyer, and the vendor the target.
 */
function buysFromVendor(shape: NameShape, lex: OpenNameWords, name: Span): boolean {
  if (shape.words[name.end] !== 'from' || !lex.purchaseVerbs.has(shape.words[name.end + 1] ?? '')) return false;
  for (let i = name.end + 2; i < Math.min(shape.words.length, name.end + 6); i++) if (shape.isVendor(i)) return true;
  return false;
}

/** Kinds a name is listed among: "Zentrix, 53 other apps", "Zentrix, other foreign apps". */
const OTHER_KINDS = new Set([
  'apps',
  'firms',
  'companies',
  'entities',
  'vendors',
  'suppliers',
  'chipmakers',
  'platforms',
]);

/**
 * "bans Shein, TikTok and 57 other apps": listed before a catalogued vendor, before "other" apps
 * or firms, or before a name and its product, the name shares their fate. Not under a sanction,
 * which falls on people as often ("sanctions Petrov, Huawei executives").
 */
function listedWithOthers(shape: NameShape, lex: OpenNameWords, name: Span, a: ActionMention): boolean {
  const next = shape.listSeparator(name.end);
  if (a.kind === 'sanction' || next < 0) return false;
  if (shape.isVendor(next)) return true;
  // "bans Ferrolux, Dravia connected vehicles": the product named after the last is both names'.
  const second = shape.forward(next);
  if (second && productAt(shape, lex, second.end)) return true;
  const other = afterCount(shape.words, next);
  if (shape.words[other] !== 'other') return false;
  for (let i = other + 1; i <= other + 3; i++) if (OTHER_KINDS.has(shape.words[i] ?? '')) return true;
  return false;
}

/** The measure forces a sale: "forces sale", "forced divestiture". */
function forcedSale(shape: NameShape, a: ActionMention): boolean {
  const last = shape.words[a.end - 1] ?? '';
  return a.kind === 'restriction' && (last === 'sale' || last === 'divestiture' || last === 'divestment');
}

export function byObject(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  for (const a of reading.actions) {
    const object = objectStart(reading, lex, a);
    const bought = purchaseStart(reading, lex, a);
    const starts = [object, bought];
    // "bans sale of spyware made by X", "bars Pentagon from buying batteries from X": the maker.
    const makers = [
      object >= 0 ? makerAt(shape.words, lex, object, false) : -1,
      bought >= 0 ? makerAt(shape.words, lex, bought, true) : -1,
    ];
    for (const at of [...starts, ...makers]) {
      // "sanctions Moscow-based Kresttek Systems": the firm after the place it is based in.
      const start = at >= 0 && shape.basedAt(at + 1) ? at + 2 : at;
      const name = start < 0 ? undefined : nameFrom(shape, lex, start);
      if (!name) continue;
      const link = at > a.end ? shape.words[at - 1] : undefined;
      const traded = link === 'to' || link === 'with' ? link : undefined;
      // The product says technology; the maker is a firm, not "Smith" or "Ford": a name English does not have.
      const maker = makers.includes(at) && (uncommonFrom(shape, name) !== undefined || techSuffixed(shape, lex, name));
      // "imposes export controls on Zentrix": controls on exports fall on the firms that buy them;
      // "forces sale of Zentrix": only a firm is sold by order.
      const exportsOrSale =
        (link === 'on' && onExports(shape, a.start, a.end)) || (link === 'of' && forcedSale(shape, a));
      // "bars agencies from using Pindrel cloud services": what a government stops its own from
      // using, with a technology word after it, is a technology firm's (a name English does not have).
      const usedTech =
        at === bought &&
        shape.joined(name.end) &&
        lex.techWords.has(shape.words[name.end] ?? '') &&
        uncommonFrom(shape, name) !== undefined;
      const firm =
        maker ||
        usedTech ||
        (exportsOrSale && uncommonFrom(shape, name) !== undefined) ||
        firmAfter(shape, reading, lex, name, traded) ||
        listedWithOthers(shape, lex, name, a);
      if (!firm || shape.nonTech(name.start, name.end + 3) || buysFromVendor(shape, lex, name)) continue;
      // With no government named, a capitalised word may be anyone's ("ban on Smith drones takes
      // effect"): only a name English does not have.
      if (!restrictiveByGovernment(reading, a) && uncommonFrom(shape, name) === undefined) continue;
      const taken = titleCaseName(shape, lex, name);
      if (taken) found.push(taken);
    }
  }
  byOrder(shape, reading, lex, found);
  bySubject(shape, reading, lex, found);
  bySpeaker(shape, reading, lex, found);
  byPair(shape, reading, lex, found);
  byDealingsEnded(shape, reading, lex, found);
  byPairObject(shape, reading, lex, found);
  byHit(shape, reading, lex, found);
  byMeasureTarget(shape, reading, lex, found);
}
