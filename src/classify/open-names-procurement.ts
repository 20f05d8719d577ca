/**
 * A firm shut out of what a government buys: "Zentrix barred from federal contracts under NDAA",
 * "bars Zentrix from bidding on government IT projects".
 */
import type { OpenNameWords } from './lexicon/lexicon-types.js';
import type { NameShape } from './name-shape.js';
import type { Reading } from './reading.js';

/** How many words from "from" what is bought may end: "from Norway's public tenders". */
const PROCUREMENT_REACH = 4;

/**
 * Words that may come between "from" and what the firm is shut out of: "from bidding on
 * government IT projects", "from taking part in", "from participation in 5G", "from providing tech".
 */
const TAKING_PART = new Set([
  'bidding',
  'competing',
  'participating',
  'participation',
  'taking',
  'part',
  'in',
  'on',
  'for',
  'providing',
  'supplying',
]);

/** The word after up to three of those after "from" at `from`. */
export function pastTakingPart(shape: NameShape, from: number): number {
  let at = from + 1;
  while (at < from + 4 && TAKING_PART.has(shape.words[at] ?? '')) at++;
  return at;
}

/** Word i and the one before it name what a government buys or runs: "federal contracts", "public sector". */
function procurementAt(shape: NameShape, lex: OpenNameWords, i: number): boolean {
  const word = shape.words[i] ?? '';
  return lex.procurementNouns.has(word) || (word === 'sector' && shape.words[i - 1] === 'public');
}

/**
 * Why a firm is shut out, as a vendor is: a procurement law, a security concern or review, critical
 * infrastructure, or technology named ("government IT projects", where "IT" is only read in capitals).
 */
function vendorReason(shape: NameShape, reading: Reading, lex: OpenNameWords): boolean {
  if (reading.motives.some((m) => m.strong)) return true;
  return shape.words.some(
    (w, i) =>
      lex.procurementLaws.has(w) ||
      w === 'security' ||
      w === 'infrastructure' ||
      lex.techWords.has(w) ||
      shape.original(i) === 'IT',
  );
}

/**
 * "Zentrix barred from federal contracts under NDAA", "exclude Zentrix from public tenders over
 * security risks", "bars Zentrix from bidding on government IT projects": shut out of what the
 * government buys, by a law about it, over a security concern or in technology. People are barred
 * from contracts too ("John Smith barred ..." for fraud), so callers also ask for a name English
 * does not have (as vendors' names are: Hikvision, Hytera, Quectel), last, as that look-up is the
 * dearest (the first builds the word list: tens of milliseconds and some MB, once).
 */
export function procurementExcluded(shape: NameShape, reading: Reading, lex: OpenNameWords, at: number): boolean {
  if (shape.words[at] !== 'from') return false;
  const first = pastTakingPart(shape, at);
  let contracts = false;
  for (let i = first; i < Math.min(shape.words.length, first + PROCUREMENT_REACH) && !contracts; i++)
    contracts = procurementAt(shape, lex, i);
  return contracts && vendorReason(shape, reading, lex);
}
