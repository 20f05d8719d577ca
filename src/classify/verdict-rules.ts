/**
 * Which action, stage and jurisdiction a relevant headline reports, from the cues it holds.
 * Each rule returns its answer with the words that decided it, for the reasons list.
 */
import type { Action, Stage } from '../domain/classification.js';
import { RANK } from './lexicon/lexicon-types.js';
import { countingActions, hasAtom, quote, type ActionMention, type Reading, type Span } from './reading.js';

export interface Decided<T> {
  value: T;
  reason: string;
}

export interface DecidedAction extends Decided<Action> {
  /** Rank of the deciding cue (see RANK); 0 when no cue decided. */
  rank: number;
}

/** A list agency decides what its "blacklist" means: the FCC's is a ban (Covered List). */
function agencyAction(reading: Reading): { action: Action; agency: string } | undefined {
  if (hasAtom(reading, 'agency-ban')) return { action: 'ban', agency: 'FCC' };
  if (hasAtom(reading, 'agency-sanction')) return { action: 'sanction', agency: 'Treasury' };
  if (hasAtom(reading, 'agency-restriction')) return { action: 'restriction', agency: 'Commerce' };
  return undefined;
}

/**
 * The strongest action named: a lift beats a sanction, which beats a list restriction, which
 * beats a ban; a generic "blacklist" takes the meaning of the agency that keeps the list.
 */
export function chooseAction(reading: Reading, usable: readonly ActionMention[]): DecidedAction {
  const best = [...usable].sort((a, b) => b.rank - a.rank || a.start - b.start)[0];
  const agency = agencyAction(reading);
  if (!best) {
    const value = agency?.action ?? 'ban';
    return {
      value,
      rank: 0,
      reason: agency ? `action ${value}: a ${agency.agency} matter` : 'action ban: no action word, a ban is assumed',
    };
  }
  const words = quote(reading, best);
  if (best.rank === RANK.genericRestriction && agency && agency.action !== 'restriction') {
    return {
      value: agency.action,
      rank: best.rank,
      reason: `action ${agency.action}: "${words}" by the ${agency.agency}`,
    };
  }
  return { value: best.kind, rank: best.rank, reason: `action ${best.kind}: "${words}"` };
}

export function chooseStage(reading: Reading, action: Action, fallback: { stage: Stage; why: string }): Decided<Stage> {
  if (action === 'lift') return { value: 'lifted', reason: 'stage lifted: the action lifts a restriction' };
  if (action === 'investigation')
    return { value: 'proposed', reason: 'stage proposed: an investigation comes before any rule' };
  const best = [...reading.stages].sort((a, b) => b.prio - a.prio || a.start - b.start)[0];
  if (best) return { value: best.stage, reason: `stage ${best.stage}: "${quote(reading, best)}"` };
  return { value: fallback.stage, reason: `stage ${fallback.stage}: ${fallback.why}` };
}

function pickPlace(reading: Reading): { code: string; span: Span } | undefined {
  const usable = reading.places.filter((p) => p.code !== null && !p.reverse);
  const place = usable.find((p) => p.strong) ?? usable[0];
  return place && place.code !== null ? { code: place.code, span: place } : undefined;
}

/** The first strong place named decides; the summary helps only when the title names none. */
export function chooseJurisdiction(title: Reading, summary: Reading | undefined): Decided<string> {
  const fromTitle = pickPlace(title);
  if (fromTitle)
    return { value: fromTitle.code, reason: `jurisdiction ${fromTitle.code}: "${quote(title, fromTitle.span)}"` };
  const fromSummary = summary ? pickPlace(summary) : undefined;
  if (fromSummary && summary) {
    return {
      value: fromSummary.code,
      reason: `jurisdiction ${fromSummary.code}: "${quote(summary, fromSummary.span)}" in the summary`,
    };
  }
  return { value: 'US-federal', reason: 'jurisdiction US-federal: no place named, the US is assumed' };
}

/** "Chinese drones", "foreign-made surveillance equipment": an origin word near a product word. */
export function findClass(reading: Reading): Span | undefined {
  // "Chinese drones" reads origin first; "drones made in China" the other way round.
  for (const origin of reading.origins) {
    const product = reading.products.find((p) => p.start >= origin.end && p.start - origin.end <= 3);
    if (product) return { start: origin.start, end: product.end };
  }
  for (const origin of reading.origins) {
    const product = reading.products.find((p) => p.end <= origin.start && origin.start - p.end <= 3);
    if (product) return { start: product.start, end: origin.end };
  }
  return undefined;
}

/** Action cues that count here: weak ones ("restricts", "probe") only with a government actor. */
export function usableActions(reading: Reading, governmentActor: boolean): ActionMention[] {
  return countingActions(reading).filter((a) => a.strength !== 'weak' || governmentActor);
}
