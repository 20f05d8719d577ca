/**
 * A product after a name, which says the name is a technology firm's ("Zentrix cameras",
 * "Zentrix 5G equipment", "Zentrix's AI model"), and the name an object shape takes before it
 * (without the technology words that lead the product).
 */
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import type { NameShape } from './name-shape.js';
import type { Span } from './reading.js';

/**
 * How many words from `at` are technology words ahead of a product noun ("surveillance cameras",
 * "5G equipment", "connected vehicles"): at most two, joined to the name and to each other.
 */
function modifiersAt(shape: NameShape, lex: OpenNameWords, at: number): number {
  // "Zentrix license-plate readers": the one technology named by two words English has.
  if (/^licen[cs]e$/.test(shape.words[at] ?? '') && shape.words[at + 1] === 'plate' && shape.joined(at + 1)) return 2;
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

/** Past a possessive at `at` ("Zentrix's 5G gear"): where what is owned starts; `at` when there is none. */
export function afterPossessive(shape: NameShape, at: number): number {
  return shape.words[at] === 's' && /^['’]$/.test(shape.between(at)) ? at + 1 : at;
}

/** Trade in a technology named before it: "Zentrix antivirus sales", "Zentrix drone shipments". */
const TECH_TRADE = new Set(['sales', 'shipments', 'imports']);
/** A product only after a technology word: "AI model", "surveillance systems"; not a fashion house's "model". */
const TECH_ONLY_PRODUCTS = new Set(['model', 'models', 'system', 'systems']);

/**
 * A product noun at `at`, after technology words or none: "Zentrix cameras", "Zentrix 5G
 * equipment"; or trade in the technology those words name, or a model of it: "Zentrix antivirus
 * sales", "Zentrix's AI model".
 */
export function productAt(shape: NameShape, lex: OpenNameWords, at: number): boolean {
  const modifiers = modifiersAt(shape, lex, at);
  const word = shape.words[at + modifiers] ?? '';
  if (!shape.joined(at + modifiers)) return false;
  return lex.objectNouns.has(word) || (modifiers > 0 && (TECH_TRADE.has(word) || TECH_ONLY_PRODUCTS.has(word)));
}

/**
 * A title-case name that runs into the technology words before its product ("Zentrix
 * Surveillance Cameras") ends before them; a suffix stays ("Zentrix Tech").
 */
export function withoutModifiers(shape: NameShape, lex: OpenNameWords, name: Span): Span {
  let end = name.end;
  while (
    end - name.start > 1 &&
    lex.techWords.has(shape.words[end - 1] ?? '') &&
    !lex.suffixes.has(shape.words[end - 1] ?? '')
  )
    end--;
  return end === name.end || !productAt(shape, lex, end) ? name : { start: name.start, end };
}

/**
 * The name an object shape takes at word `start`, joined to the word before it: the whole
 * capitalised run there without the technology words before its product ("Zentrix Surveillance
 * Cameras" -> "Zentrix"). None when no name starts there or it starts with a number ("5G").
 */
export function nameFrom(shape: NameShape, lex: OpenNameWords, start: number): Span | undefined {
  if (!shape.joined(start)) return undefined;
  const whole = shape.forward(start);
  if (!whole || /\d/.test(shape.words[start] ?? '')) return undefined;
  return withoutModifiers(shape, lex, whole);
}
