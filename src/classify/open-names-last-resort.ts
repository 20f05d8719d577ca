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
 * a place does ("Marlowe Park"), not a leader or a leader's government ("Erdogan bans ...",
 * "Netanyahu government restricts ..."), not an exporter (in a headline about exports only the
 * buyer: "sales to", "bound for", "curbs on"), not after "in", "at" or "over" (a place: "ban
 * drones over Wimbledon"), and no place or catalogued vendor.
 */
import type { NameShape } from './name-shape.js';
import {
  capitalAt,
  DEALS,
  inPlace,
  restrictive,
  restrictiveByGovernment,
  uncommonFrom,
} from './open-names-evidence.js';
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

/** Words after a leader's name that make it the government's: "Netanyahu government restricts ...". */
const GOVERNING = new Set(['government', 'govt', 'administration', 'cabinet', 'regime', 'ministry', 'coalition']);

/** Words of trade in technology: a firm named with them is as often the exporter who loses sales. */
const EXPORTING: ReadonlySet<string> = new Set([
  'export',
  'exports',
  'exporting',
  'exporter',
  'exporters',
  'shipments',
  'sales',
]);
/** Before the buyer a measure on exports falls on: "exports to Helixon", "chips bound for Helixon". */
const BUYER_LINKS = new Set(['to', 'for', 'on']);
/** Words before such a link: "sales to", "bound for", "curbs on" (not "a blow to Nvidia"). */
const TRADE_BEFORE_LINK = new Set([...EXPORTING, 'bound', 'controls', 'curbs', 'restrictions']);
/** Before a place: "Police ban drones over Wimbledon". */
const LOCATIVE = new Set(['in', 'at', 'over', 'near', 'across', 'around', 'outside', 'inside', 'within', 'throughout']);

/** A verb in the present, third person: "bans", "restricts", "bars" (not "banned", not "ban"). */
const ACTIVE = /[^s]s$/;

/** Opening quotes: a quoted name is a slogan, a title or a group's name as often as a firm's. */
const QUOTES = /["“‘']\s*$/;

/**
 * A technology word other than "security", which names a reason as often as a trade: "restricts
 * Al Jazeera broadcasts over security fears" is not about technology.
 */
function aboutTechnology(shape: NameShape): boolean {
  return shape.words.some((word, i) => word !== 'security' && shape.tech(i, i + 1));
}

export function byLastResort(shape: NameShape, reading: Reading, found: Span[]): void {
  if (reading.vendors.length > 0) return;
  if (!reading.actions.some((a) => a.kind !== 'sanction' && restrictiveByGovernment(reading, a))) return;
  const whole = shape.words.length;
  if (!shape.sentenceCase || !aboutTechnology(shape) || shape.nonTech(0, whole)) return;
  // A deal blocked is a competition regulator's as often (its own rule asks for a security reason).
  if (shape.words.some((w) => DEALS.has(w))) return;
  // "US restricts AI chip exports to China, hurting Nvidia": the exporter is not the target.
  const exports = shape.words.some((w) => EXPORTING.has(w));
  for (let i = 0; i < whole; i++) {
    if (!capitalAt(reading, i) || inPlace(reading, i) || shape.isVendor(i)) continue;
    const name = shape.forward(i);
    if (!name) continue;
    i = name.end - 1;
    if (uncommonFrom(shape, name)?.start !== name.start || /\d/.test(shape.words[name.start] ?? '')) continue;
    if (PLACE_ENDS.has(shape.words[name.end - 1] ?? '')) continue;
    const link = shape.words[name.start - 1] ?? '';
    if (exports && !(BUYER_LINKS.has(link) && TRADE_BEFORE_LINK.has(shape.words[name.start - 2] ?? ''))) continue;
    if (LOCATIVE.has(link)) continue;
    const next = shape.words[name.end] === 's' ? name.end + 1 : name.end;
    if (GOVERNING.has(shape.words[next] ?? '')) continue;
    // "Erdogan bans ...": the name right before the measure's active verb is who acts ("Zentrix
    // banned" is what it falls on).
    if (reading.actions.some((a) => a.start === name.end && restrictive(a) && ACTIVE.test(shape.words[a.start] ?? '')))
      continue;
    // The quote may open before capitalised words the name does not take ("'National Fula Security'").
    let run = name.start;
    while (run > 0 && capitalAt(reading, run - 1) && shape.joined(run)) run--;
    if (QUOTES.test(shape.between(run)) || shape.between(name.end).startsWith(':')) continue;
    found.push(name);
    return;
  }
}
