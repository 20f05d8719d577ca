/**
 * Names the shapes of open-names.ts find that are not a measure's target: the firm a measure
 * favours, a place, a firm of another trade, the people or ships of a firm; and the firm behind
 * the place it is based in ("sanctions Moscow-based Kresttek Systems").
 */
import type { NameShape } from './name-shape.js';
import type { Span } from './reading.js';

/** A measure's gain for someone: "in win for domestic maker Skyvane", "a boost for local maker Korvel". */
const GAINS = new Set(['win', 'boost', 'boon', 'windfall', 'victory', 'lifeline', 'tailwind', 'gift']);
/** How far before a name the "win for" may stand: "for the domestic drone maker X". */
const GAIN_REACH = 5;

/** After a firm's name, the people or assets a measure falls on instead: "adds Norilsk executives to ...". */
const NOT_THE_FIRM = new Set([
  'executives',
  'executive',
  'officials',
  'founder',
  'founders',
  'ceo',
  'chairman',
  'owner',
  'owners',
  'ships',
  'family',
  'financier',
  'financiers',
  'operative',
  'operatives',
  'commander',
  'commanders',
]);

/**
 * True when the name is the one a measure favours ("in win for domestic maker Skyvane"), a place
 * a trade goes to ("exports to Penang-based distributors"), a firm of another trade ("Zamora
 * Fisheries", "Sovcomflot vessels"), or the firm whose people a measure names: none is the target.
 */
export function notTheTarget(shape: NameShape, span: Span): boolean {
  if (shape.basedAt(span.end)) return true;
  if (shape.nonTech(span.start, span.end + 1) || NOT_THE_FIRM.has(shape.words[span.end] ?? '')) return true;
  for (let k = span.start - 1; k > 0 && k >= span.start - GAIN_REACH; k--) {
    if (!shape.joined(k + 1)) return false;
    if (shape.words[k] === 'for' && GAINS.has(shape.words[k - 1] ?? '')) return true;
  }
  return false;
}

/**
 * "sanctions Moscow-based Kresttek Systems", "Adds Minsk-Based Belavtek Systems": the firm is the
 * name after the place it is based in.
 */
export function pastPlace(shape: NameShape, span: Span): Span {
  for (let k = span.start + 1; k < span.end; k++) if (shape.basedAt(k)) return { start: k + 1, end: span.end };
  if (!shape.basedAt(span.end) || !shape.joined(span.end + 1)) return span;
  return shape.forward(span.end + 1) ?? span;
}
