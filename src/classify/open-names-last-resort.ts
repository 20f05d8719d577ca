/**
 * The last resort for a vendor outside the catalogue, when no shape of the sentence placed a name
 * as the target: a government bans or restricts something in a headline about technology, and
 * the headline holds a capitalised name English does not have ("Kazakhstan restricts use of
 * Rimsoft antivirus in state agencies", "India excludes Dongrui, Tianbo from 5G trials"). Blind
 * probes showed most of the vendors the shapes missed were named this plainly.
 *
 * The evidence is weak, so the name must be one a firm would have and a person or place would
 * not: in sentence case (in title case every word is capitalised), no sanction (people are
 * sanctioned), no deal (competition regulators block those), no other trade named, the name
 * uncommon from its first word ("Matt Hancock" is a person) and without digits ("H20" is a
 * chip), not quoted (a slogan or a group's name), not a dateline ("Liberia: ..."), not ending as
 * a place does ("Marlowe Park"), and no place or catalogued vendor.
 */
import type { NameShape } from './name-shape.js';
import { capitalAt, DEALS, inPlace, restrictiveByGovernment, uncommonFrom } from './open-names-evidence.js';
import type { Reading, Span } from './reading.js';

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

/** Opening quotes: a quoted name is a slogan, a title or a group's name as often as a firm's. */
const QUOTES = /["“‘']\s*$/;

export function byLastResort(shape: NameShape, reading: Reading, found: Span[]): void {
  if (reading.vendors.length > 0) return;
  if (!reading.actions.some((a) => a.kind !== 'sanction' && restrictiveByGovernment(reading, a))) return;
  const whole = shape.words.length;
  if (!shape.sentenceCase || !shape.tech(0, whole) || shape.nonTech(0, whole)) return;
  // A deal blocked is a competition regulator's as often (its own rule asks for a security reason).
  if (shape.words.some((w) => DEALS.has(w))) return;
  for (let i = 0; i < whole; i++) {
    if (!capitalAt(reading, i) || inPlace(reading, i) || shape.isVendor(i)) continue;
    const name = shape.forward(i);
    if (!name) continue;
    i = name.end - 1;
    if (uncommonFrom(shape, name)?.start !== name.start || /\d/.test(shape.words[name.start] ?? '')) continue;
    if (PLACE_ENDS.has(shape.words[name.end - 1] ?? '')) continue;
    // The quote may open before capitalised words the name does not take ("'National Fula Security'").
    let run = name.start;
    while (run > 0 && capitalAt(reading, run - 1) && shape.joined(run)) run--;
    if (QUOTES.test(shape.between(run)) || shape.between(name.end).startsWith(':')) continue;
    found.push(name);
    return;
  }
}
