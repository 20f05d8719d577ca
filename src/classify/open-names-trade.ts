/**
 * A firm named by its trade in technology, which people do not carry on: "Zentrix hit with US
 * sanctions over sales of surveillance tech to Iran", "bans Zentrix from selling equipment".
 */
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import type { NameShape } from './name-shape.js';

/** A product noun within three words from `from`: "from selling equipment". */
export function hasObjectNoun(shape: NameShape, lex: OpenNameWords, from: number): boolean {
  for (let i = from; i < Math.min(shape.words.length, from + 3); i++)
    if (lex.objectNouns.has(shape.words[i] ?? '')) return true;
  return false;
}

/** How far after the measure its reason may start: "sanctioned by the UK over ...". */
const TRADE_REACH = 4;
/** What a firm is sanctioned "over": "over sales of surveillance tech to Iran". */
const TRADE_IN = new Set([
  'sales',
  'sale',
  'selling',
  'supplying',
  'supply',
  'supplies',
  'shipments',
  'shipping',
  'exports',
  'exporting',
  'providing',
  'transfers',
]);

/**
 * "Zentrix hit with US sanctions over sales of surveillance tech to Iran", "sanctions Zentrix for
 * supplying drone parts": punished for trading in technology, as only a firm that makes or sells
 * it is (people are sanctioned over sales of oil or arms, not of technology).
 */
export function overTechTrade(shape: NameShape, lex: OpenNameWords, at: number): boolean {
  // "sanctioned by UK over supplying electronics": the reason may come after who acted.
  for (let over = at; over < Math.min(shape.words.length, at + TRADE_REACH); over++) {
    if (shape.words[over] !== 'over' && shape.words[over] !== 'for') continue;
    let i = over + 1;
    if (shape.words[i] === 'its' || shape.words[i] === 'the') i++;
    if (!TRADE_IN.has(shape.words[i] ?? '')) return false;
    if (shape.words[i + 1] === 'of') i++;
    return shape.tech(i + 1, i + 4) || hasObjectNoun(shape, lex, i + 1);
  }
  return false;
}
