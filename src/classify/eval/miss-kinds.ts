/**
 * Sorts the misses of an evaluation by what the classifier lacked, so the next rule to write is
 * the one that would fix most of them: a vendor it could not name, a list or instrument it does
 * not know, a place or agency it does not know, an action said in other words, or a trap it
 * fell into (or one that ruled a real headline out).
 */
import type { Miss } from './evaluate.js';

export const MISS_KINDS = ['unknown vendor', 'unknown list', 'unknown place', 'paraphrase', 'trap'] as const;
export type MissKind = (typeof MISS_KINDS)[number];

const has = (miss: Miss, text: string): boolean => miss.got.reasons.some((r) => r.includes(text));

/** Words that name a list, law or programme in a headline the classifier did not recognise. */
const INSTRUMENT_WORD = /\b(list|blacklist|act|rule|rules|order|programme|program|regime|screening|review)\b/i;

export function missKind(miss: Miss): MissKind {
  if (miss.kind === 'false positive') return 'trap';
  if (miss.kind === 'wrong field') {
    if (miss.details.some((d) => d.startsWith('vendors:'))) return 'unknown vendor';
    if (miss.details.some((d) => d.startsWith('jurisdiction:'))) return 'unknown place';
    return 'paraphrase';
  }
  if (miss.got.reasons.some((r) => r.startsWith('trap:'))) return 'trap';
  if (has(miss, 'no government action cue')) return INSTRUMENT_WORD.test(miss.title) ? 'unknown list' : 'paraphrase';
  if (has(miss, 'needs a government actor') || has(miss, 'no government actor')) return 'unknown place';
  if (has(miss, 'no vendor or vendor class named')) return 'unknown vendor';
  return 'paraphrase';
}

/** Misses by kind, in the order of MISS_KINDS; kinds with no miss are left out. */
export function groupMisses(misses: readonly Miss[]): Array<[MissKind, Miss[]]> {
  const groups = new Map<MissKind, Miss[]>(MISS_KINDS.map((k) => [k, []]));
  for (const miss of misses) groups.get(missKind(miss))?.push(miss);
  return [...groups].filter(([, list]) => list.length > 0);
}
