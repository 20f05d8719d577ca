/**
 * A vendor outside the catalogue whose licence a government takes or will not renew, named after
 * the licence ("ICASA revokes spectrum licence of Nembatel", "Anatel revokes certification for
 * Trevalux modems", "France refuses to renew licences for Calverine antennas") or before it
 * ("Stellarune satellite licence revoked in South Africa").
 *
 * People, doctors, broadcasters, airlines and bars hold licences too, so the licence must be a
 * technology one ("spectrum licence", "satellite licence") held by a one-word name English does
 * not have, or the name must show a technology firm: its product follows or it has a technology
 * suffix. A broadcaster's licence is another trade's ("Zuma FM").
 */
import type { NameShape } from './name-shape.js';
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import {
  capitalAt,
  inPlace,
  restrictive,
  restrictivePair,
  restrictiveByGovernment,
  techSuffixed,
  titleCaseName,
  uncommonFrom,
} from './open-names-evidence.js';
import { afterPossessive, nameFrom, productAt } from './open-names-product.js';
import type { ActionMention, Reading, Span } from './reading.js';

/** What a regulator grants and takes back. */
const LICENCES = new Set([
  'licence',
  'licences',
  'license',
  'licenses',
  'permit',
  'permits',
  'authorization',
  'authorizations',
  'authorisation',
  'authorisations',
  'certification',
  'certifications',
  'accreditation',
  'registration',
]);
/**
 * Kinds of licence only a technology firm holds, besides the technology words: "spectrum licence".
 * Not "operating" (airlines and casinos hold those) nor "radio" or "frequency" (broadcasters').
 */
const TECH_LICENCES = new Set(['spectrum', 'equipment']);
/** Words before the licence: "revokes the licence of", "its US operating licence". */
const DETERMINERS = new Set(['the', 'its', 'their']);
/** How many kinds may stand before the licence: "revokes the US spectrum licence of". */
const KINDS_MAX = 2;
/** Passive verbs that take a licence, each an action cue: "Stellarune satellite licence revoked". */
const TAKEN = new Set(['revoked', 'suspended', 'pulled']);

/** A word for a licence: "licence", "permits", "authorization". */
export function isLicenceWord(word: string): boolean {
  return LICENCES.has(word);
}

/** The word after a licence that leads to its holder: "licence of X", "licences for X". */
const holderLink = (word: string | undefined) => word === 'of' || word === 'for';

/** The licence is of a technology firm's kind: "spectrum licence", "telecoms licence". */
function techLicence(shape: NameShape, lex: OpenNameWords, from: number, licence: number): boolean {
  for (let i = from; i < licence; i++) {
    const word = shape.words[i] ?? '';
    if (TECH_LICENCES.has(word) || lex.techWords.has(word)) return true;
  }
  return false;
}

/**
 * The name is a technology firm's: its product follows, a technology suffix, or a technology
 * licence held by one word English does not have ("Nembatel"; "Elon Musk" and "John Mahama" are
 * people, whose names run to two words).
 */
function technologyHolder(shape: NameShape, lex: OpenNameWords, name: Span, techKind: boolean): boolean {
  if (productAt(shape, lex, name.end) || techSuffixed(shape, lex, name)) return true;
  return techKind && name.end - name.start === 1 && uncommonFrom(shape, name) !== undefined;
}

/** Where the licence word is after the action (past a determiner, places and kinds), or -1. */
function licenceAfter(shape: NameShape, reading: Reading, lex: OpenNameWords, a: ActionMention): number {
  // A pair that ends on the licence: "refuses to renew licences".
  if (a.pair && LICENCES.has(shape.words[a.end - 1] ?? '')) return a.end - 1;
  let at = a.end;
  if (DETERMINERS.has(shape.words[at] ?? '')) at++;
  const kinds = at;
  while (
    at - kinds < KINDS_MAX &&
    (inPlace(reading, at) || TECH_LICENCES.has(shape.words[at] ?? '') || lex.techWords.has(shape.words[at] ?? ''))
  )
    at++;
  return LICENCES.has(shape.words[at] ?? '') ? at : -1;
}

function takenAfter(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  for (const a of reading.actions) {
    if (!restrictiveByGovernment(reading, a) && !restrictivePair(reading, a)) continue;
    const licence = licenceAfter(shape, reading, lex, a);
    if (licence < 0 || !holderLink(shape.words[licence + 1])) continue;
    const name = nameFrom(shape, lex, licence + 2);
    if (!name || shape.nonTech(a.start, name.end + 3)) continue;
    const kindFrom = a.pair ? a.firstEnd : a.end;
    if (!technologyHolder(shape, lex, name, techLicence(shape, lex, kindFrom, licence))) continue;
    const taken = titleCaseName(shape, lex, name);
    if (taken) found.push(taken);
  }
}

/** "Stellarune satellite licence revoked in South Africa": the name, its licence, then taken. */
function takenBefore(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  if (reading.places.every((p) => !p.actor) || shape.nonTech(0, shape.words.length)) return;
  for (const a of reading.actions) {
    if (!restrictive(a) || !TAKEN.has(shape.words[a.start] ?? '') || !LICENCES.has(shape.words[a.start - 1] ?? ''))
      continue;
    let kinds = a.start - 1;
    // A capitalised suffix ends the name instead: "Kavaro Telecom licence revoked".
    while (
      kinds > 0 &&
      a.start - 1 - kinds < KINDS_MAX &&
      techLicence(shape, lex, kinds - 1, kinds) &&
      !shape.suffixAt(kinds - 1)
    )
      kinds--;
    // "Zentrix's satellite licence revoked": past the possessive, back to the name.
    const end = kinds > 1 && afterPossessive(shape, kinds - 1) === kinds ? kinds - 1 : kinds;
    const name = shape.backward(end);
    if (!name || name.end !== end || inPlace(reading, name.start)) continue;
    if (!technologyHolder(shape, lex, name, techLicence(shape, lex, kinds, a.start - 1))) continue;
    const taken = titleCaseName(shape, lex, name);
    if (taken) found.push(taken);
  }
}

export function byLicence(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  takenAfter(shape, reading, lex, found);
  takenBefore(shape, reading, lex, found);
}

/** Cheap test before the shape is built: a licence word with a capitalised word where its holder would be named. */
export function licenceAhead(reading: Reading): boolean {
  const words = reading.tokens.words;
  for (let i = 1; i < words.length; i++) {
    if (!LICENCES.has(words[i] ?? '')) continue;
    if (holderLink(words[i + 1]) && capitalAt(reading, i + 2)) return true;
    if (TAKEN.has(words[i + 1] ?? '') && capitalAt(reading, 0)) return true;
  }
  return false;
}
