import { billStageRank, type BillLadderStage, type BillStage, type Chamber } from '../../domain/bill-stage.js';
import { actionEvents, hasLibraryCodes, type BillAction, type BillEvent } from './action-events.js';

/** Where a bill stands after its actions so far. */
export interface BillProgress {
  /** The current stage: the highest rung reached, or a setback (vetoed, failed) that came after it. */
  stage: BillStage;
  /** The highest rung of the ladder ever reached. */
  ladder: BillLadderStage;
  /** Day the current stage was reached (YYYY-MM-DD). */
  date: string;
  /** The action that reached it, in Congress.gov's words. */
  action: string;
  /** The chamber whose action it was, when it was one chamber's. */
  chamber?: Chamber;
  /** Public or private law number, e.g. `115-232`. */
  law?: string;
  /** Enacted by the President's signature (not over a veto or without signature). */
  signed?: boolean;
  /** Enacted as part of another measure: the bill that carried its text into law. */
  carrier?: { id: string; label: string; title: string };
}

export interface ProgressContext {
  /** The chamber the bill started in (from its type), for "introduced in the House". */
  origin: Chamber;
  /** From the bill record, used when the actions do not say it. */
  introducedDate?: string;
  /** Law numbers from the bill record's `laws[]`: a law is enacted even if its actions lag. */
  laws?: readonly string[];
}

/**
 * Orders actions oldest first by day, and within a day by where each stands in the passage of a
 * bill: introduction, committee, the origin chamber's vote, the other chamber's, resolving the
 * differences, presentment, signature, veto, the origin chamber's override, the other's, law.
 * Times do not decide it: the House records times and the Senate does not, so a timed House
 * vote and an untimed Senate vote on the same day say nothing about which came first. Actions
 * that move nothing keep their place after the step before them; ties keep the given order, so
 * callers pass actions oldest first (Congress.gov and BILLSTATUS list newest first).
 */
export function chronological(actions: readonly BillAction[], origin?: Chamber): BillAction[] {
  const coded = hasLibraryCodes(actions);
  const byDay = actions
    .map((action, index) => ({ action, index }))
    .sort((a, b) => a.action.date.localeCompare(b.action.date) || a.index - b.index);
  let day = '';
  let step = 0;
  const keyed = byDay.map((entry) => {
    if (entry.action.date !== day) [day, step] = [entry.action.date, 0];
    const own = dayStep(actionEvents(entry.action, coded), origin);
    if (own !== undefined) step = own;
    return { ...entry, step: own ?? step };
  });
  return keyed
    .sort((a, b) => a.action.date.localeCompare(b.action.date) || a.step - b.step || a.index - b.index)
    .map((entry) => entry.action);
}

/** An event's place in a day's business (see `chronological`); undefined for one that moves nothing. */
function dayStep(events: readonly BillEvent[], origin: Chamber | undefined): number | undefined {
  const steps = events.map((event) => {
    const second = 'chamber' in event && !!event.chamber && !!origin && event.chamber !== origin;
    switch (event.kind) {
      case 'introduced':
        return 0;
      case 'referred':
        return 1;
      case 'reported':
        return 2;
      case 'passed':
      case 'failed':
        return second ? 4 : 3;
      case 'resolving':
      case 'conference-agreed':
        return 5;
      case 'presented':
        return 6;
      case 'signed':
        return 7;
      case 'vetoed':
        return 8;
      case 'override':
        return second ? 10 : 9;
      case 'became-law':
        return 11;
    }
  });
  return steps.length ? Math.max(...steps) : undefined;
}

/**
 * Replays the actions (given oldest first) through the stage model: the first chamber's passage,
 * the second chamber's (with an amendment, the chambers still differ; without, both passed),
 * concurrence or conference reports agreed in both chambers, presentment, signature or law.
 * A stage only moves forward; vetoes and failed votes are setbacks a later stage supersedes.
 * Never decided by the action type alone: codes first, their text where a code covers two
 * events, and the bill's `laws[]`.
 */
export function billProgress(actions: readonly BillAction[], context: ProgressContext): BillProgress {
  const ordered = chronological(actions, context.origin);
  const coded = hasLibraryCodes(ordered);
  const first = ordered[0];
  let progress: BillProgress = {
    stage: 'introduced',
    ladder: 'introduced',
    date: context.introducedDate ?? first?.date ?? '',
    action: `Introduced in the ${context.origin}`,
    chamber: context.origin,
  };
  const passed = new Set<Chamber>();
  const conference = new Set<Chamber>();
  const overridden = new Set<Chamber>();
  let lastDate = progress.date;

  const advance = (stage: BillLadderStage, action: BillAction, extra: Partial<BillProgress> = {}) => {
    if (billStageRank(stage) <= billStageRank(progress.ladder)) return;
    progress = {
      stage,
      ladder: stage,
      date: action.date,
      action: action.text,
      ...extra,
      ...(progress.law ? { law: progress.law } : {}),
    };
  };
  const setback = (stage: 'vetoed' | 'failed', action: BillAction, chamber?: Chamber) => {
    progress = {
      stage,
      ladder: progress.ladder,
      date: action.date,
      action: action.text,
      ...(chamber ? { chamber } : {}),
      ...(progress.law ? { law: progress.law } : {}),
    };
  };

  const apply = (event: BillEvent, action: BillAction) => {
    switch (event.kind) {
      case 'introduced':
        if (progress.ladder === 'introduced')
          progress = { ...progress, date: action.date, action: action.text, chamber: event.chamber ?? context.origin };
        return;
      case 'referred':
        return advance('in-committee', action);
      case 'reported':
        return advance('reported', action);
      case 'passed': {
        const chamber = event.chamber ?? (passed.size ? other([...passed][0] as Chamber) : context.origin);
        if (passed.has(chamber)) return;
        passed.add(chamber);
        if (passed.size === 1) return advance('passed-one-chamber', action, { chamber });
        return event.amended ? advance('passed-other-chamber', action, { chamber }) : advance('passed-both', action);
      }
      case 'failed':
        return setback('failed', action, event.chamber);
      case 'resolving':
        if (!passed.size) return;
        return advance(event.final ? 'passed-both' : 'resolving-differences', action);
      case 'conference-agreed':
        conference.add(event.chamber ?? (conference.has('House') ? 'Senate' : 'House'));
        return advance(conference.size >= 2 ? 'passed-both' : 'resolving-differences', action);
      case 'presented':
        return advance('to-president', action);
      case 'signed':
        if (progress.ladder === 'enacted') progress = { ...progress, signed: true };
        return advance('enacted', action, { signed: true });
      case 'became-law':
        if (event.law && !progress.law) progress = { ...progress, law: event.law };
        return advance('enacted', action, event.law ? { law: event.law } : {});
      case 'vetoed':
        return setback('vetoed', action);
      case 'override':
        // Two-thirds of each chamber, one after the other, make the bill law over the veto.
        if (!event.passed || progress.stage !== 'vetoed') return;
        overridden.add(event.chamber ?? (overridden.has(context.origin) ? other(context.origin) : context.origin));
        if (overridden.size >= 2) advance('enacted', action);
        return;
    }
  };

  for (const action of ordered) {
    lastDate = action.date > lastDate ? action.date : lastDate;
    for (const event of actionEvents(action, coded)) apply(event, action);
  }
  const law = context.laws?.[0];
  if (law) {
    if (progress.ladder !== 'enacted')
      progress = { stage: 'enacted', ladder: 'enacted', date: lastDate, action: `Became Public Law No: ${law}.` };
    progress = { ...progress, law: progress.law ?? law };
  }
  return progress;
}

function other(chamber: Chamber): Chamber {
  return chamber === 'House' ? 'Senate' : 'House';
}
