/**
 * A vendor outside the catalogue named as what a government's measure targets: "EU sanctions
 * package targets Belomir Microchips and Tsarvek Instruments", "new US export rule targets
 * Zentrix chips". The measure is the subject; the names follow its verb.
 */
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import type { NameShape } from './name-shape.js';
import { restrictiveByGovernment, techSuffixed, titleCaseName, uncommonFrom } from './open-names-evidence.js';
import { productAt, nameFrom } from './open-names-product.js';
import type { ActionMention, Reading, Span } from './reading.js';

/** What a measure is called after its cue: "sanctions package", "export rule", "chip curbs round". */
const MEASURE_NOUNS = new Set([
  'package',
  'packages',
  'round',
  'rule',
  'rules',
  'law',
  'bill',
  'order',
  'measure',
  'measures',
  'regime',
  'list',
  'update',
]);
const TARGETS = new Set(['targets', 'targeting', 'hits', 'names']);
/** Words between the cue and its noun: "sanctions package", "export controls update". */
const NOUN_REACH = 2;

/** Where the names after a restrictive measure's "<noun> targets" start, or -1. */
export function measureTargetAt(reading: Reading, a: ActionMention): number {
  if (!restrictiveByGovernment(reading, a)) return -1;
  const words = reading.tokens.words;
  for (let at = a.end; at <= a.end + NOUN_REACH; at++) {
    if (MEASURE_NOUNS.has(words[at] ?? '') && TARGETS.has(words[at + 1] ?? '')) return at + 2;
  }
  return -1;
}

export function byMeasureTarget(shape: NameShape, reading: Reading, lex: OpenNameWords, found: Span[]): void {
  for (const a of reading.actions) {
    const start = measureTargetAt(reading, a);
    const name = start < 0 ? undefined : nameFrom(shape, lex, start);
    if (!name) continue;
    // Measures target people and ships too: a firm only with its product or a technology suffix.
    const firm = productAt(shape, lex, name.end) || techSuffixed(shape, lex, name);
    if (!firm || uncommonFrom(shape, name) === undefined || shape.nonTech(name.start, name.end + 3)) continue;
    const taken = titleCaseName(shape, lex, name);
    if (taken) found.push(taken);
  }
}
