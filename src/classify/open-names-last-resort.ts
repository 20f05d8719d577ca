/**
 * The last resort for a vendor outside the catalogue, when no shape of the sentence placed a name
 * as the target: a government bans or restricts something in a headline about technology, and
 * right after the measure, where its object goes, stands a name English does not have ("Kazakhstan
 * restricts use of Rimsoft antivirus in state agencies", "India excludes Dongrui, Tianbo from 5G
 * trials"). Blind probes showed many of the vendors the shapes missed were named this plainly.
 *
 * The evidence is weak, so the name must stand where the object goes (a red-team set of 120
 * headlines named speakers, sources, events, regulators and beneficiaries when any uncommon name
 * in the headline was taken: "..., says minister Kowalczyk", "during Wimbledon", "a boon for
 * Samsung"), and be one a firm would have: in sentence case (in title case every word is
 * capitalised), no sanction (people are sanctioned), no deal (competition regulators block those),
 * no other trade named, "security" not the only technology word, the name uncommon from its first
 * word ("Matt Hancock" is a person) and without digits ("H20" is a chip), not quoted, not before a
 * colon, not ending as a place does ("Marlowe Park"), and no place or catalogued vendor.
 */
import type { NameShape } from './name-shape.js';
import { capitalAt, DEALS, inPlace, restrictiveByGovernment, uncommonFrom } from './open-names-evidence.js';
import type { ActionMention, Reading, Span } from './reading.js';

/** Last words of a place's name: "EU extends drone ban to Marlowe Park". */
const PLACE_ENDS = new Set([
  'park',
  'street',
  'square',
  'county',
  'city',
  'island',
  'islands',
  'bay',
  'river',
  'lake',
  'valley',
  'airport',
  'station',
  'bridge',
  'road',
  'stadium',
  'beach',
  'hall',
  'school',
  'university',
  'college',
  'hospital',
]);

/**
 * Words that may stand between a measure and its object besides technology words: "restricts
 * use of Rimsoft", "bans remote access to Dravon Power", "bars all new Zentrix".
 */
const OBJECT_FILLERS = new Set([
  'a',
  'an',
  'the',
  'all',
  'new',
  'further',
  'use',
  'of',
  'access',
  'remote',
  'purchases',
  'imports',
  'deployment',
  'installation',
  'procurement',
]);
/** How many words may stand between the measure and the name. */
const OBJECT_REACH = 4;

/** Opening quotes: a quoted name is a slogan, a title or a group's name as often as a firm's. */
const QUOTES = /["“‘']\s*$/;

/**
 * A technology word other than "security", which names a reason as often as a trade: "restricts
 * Al Jazeera broadcasts over security fears" is not about technology.
 */
function aboutTechnology(shape: NameShape): boolean {
  return shape.words.some((word, i) => word !== 'security' && shape.tech(i, i + 1));
}

/** Where the measure's object starts: after "on" ("ban on"), fillers and technology words; -1 past punctuation. */
function objectAt(shape: NameShape, a: ActionMention): number {
  let at = a.end;
  if (shape.words[at] === 'on') at++;
  while (at - a.end <= OBJECT_REACH && at < shape.words.length) {
    if (!/^\s+$/.test(shape.between(at))) return -1;
    const word = shape.words[at] ?? '';
    const linked = word === 'to' && shape.words[at - 1] === 'access';
    if (!OBJECT_FILLERS.has(word) && !linked && !shape.tech(at, at + 1)) return at;
    at++;
  }
  return -1;
}

/** A name English does not have, of a firm: see the file's comment. */
function firmLike(shape: NameShape, reading: Reading, name: Span): boolean {
  if (uncommonFrom(shape, name)?.start !== name.start || /\d/.test(shape.words[name.start] ?? '')) return false;
  if (PLACE_ENDS.has(shape.words[name.end - 1] ?? '') || inPlace(reading, name.start)) return false;
  return !QUOTES.test(shape.between(name.start)) && !shape.between(name.end).startsWith(':');
}

export function byLastResort(shape: NameShape, reading: Reading, found: Span[]): void {
  if (reading.vendors.length > 0) return;
  const measures = reading.actions.filter((a) => a.kind !== 'sanction' && restrictiveByGovernment(reading, a));
  if (measures.length === 0) return;
  const whole = shape.words.length;
  if (!shape.sentenceCase || !aboutTechnology(shape) || shape.nonTech(0, whole)) return;
  // A deal blocked is a competition regulator's as often (its own rule asks for a security reason).
  if (shape.words.some((w) => DEALS.has(w))) return;
  for (const a of measures) {
    const at = objectAt(shape, a);
    if (at < 0 || !capitalAt(reading, at) || shape.isVendor(at)) continue;
    const name = shape.forward(at);
    if (name && firmLike(shape, reading, name)) {
      found.push(name);
      return;
    }
  }
}
