import { billStageRank, isBillSetback, type BillStage } from '../../domain/bill-stage.js';
import type { HistoryEntry, LegiscanBill } from './legiscan-schema.js';

/** One stage a state bill reached, from its progress[] event and the history line behind it. */
export interface StateStage {
  stage: BillStage;
  /** YYYY-MM-DD. */
  date: string;
  /** The history line behind it, in the legislature's words (empty when none matched). */
  action: string;
  /** The chamber that acted, for the stages a chamber reaches (introduced, passed one chamber). */
  chamber?: string;
  /** What it became: `Act 36`, `Chapter 123`. */
  reference?: string;
}

/**
 * LegiScan's progress event codes (its API manual, "Progress"): 1 introduced, 2 engrossed
 * (passed its first chamber), 3 enrolled (passed both), 4 passed (law), 5 vetoed, 6 failed,
 * 7 veto override, 8 chaptered, 9 referred to committee, 10 reported. 11 (reported do not pass)
 * and 12 (draft) move no stage: a "do not pass" report is not yet a bill's death.
 */
const EVENT_STAGES: Record<number, BillStage> = {
  1: 'introduced',
  2: 'passed-one-chamber',
  3: 'passed-both',
  4: 'enacted',
  5: 'vetoed',
  6: 'failed',
  7: 'enacted',
  8: 'enacted',
  9: 'in-committee',
  10: 'reported',
};

/** The history line that says the stage happened, when the day has several. */
const STAGE_WORDS: Partial<Record<BillStage, RegExp>> = {
  introduced: /introduc|prefil|first time/i,
  'in-committee': /refer/i,
  reported: /report|do pass|returned by the committee/i,
  'passed-one-chamber': /passed/i,
  'passed-both': /passed|enroll|concur/i,
  'to-president': /governor/i,
  enacted: /signed|\bact\b|chapter|became law|approved/i,
  vetoed: /veto/i,
  failed: /fail|died|dead|indefinitely/i,
};

// LegiScan has no progress event for it; the history says so in words.
const TO_GOVERNOR = /\b(?:sent|transmitted|delivered|presented|forwarded)\b.{0,20}\bto (?:the )?governor/i;
const REFERENCE = /\b(Act|Chapter|Public Chapter|Session Law)\s+(?:No\.\s*)?(\d{1,5})\b/;

const CHAMBERS: Record<string, string> = { H: 'House', S: 'Senate', A: 'Assembly', L: 'Legislature' };

/** `House`, `Senate`, `Assembly` for LegiScan's body letters; undefined for the rest. */
export function chamberName(body: string | null | undefined): string | undefined {
  return body ? CHAMBERS[body] : undefined;
}

function actionFor(history: readonly HistoryEntry[], date: string, stage: BillStage): string {
  const day = history.filter((entry) => entry.date === date);
  const words = STAGE_WORDS[stage];
  const found =
    (words && day.find((entry) => words.test(entry.action))) ??
    day.find((entry) => Number(entry.importance) === 1) ??
    day[day.length - 1];
  return found ? found.action.replace(/\s+/g, ' ').trim() : '';
}

/**
 * Every stage the record shows, oldest first, only forward on the ladder (a referral in the
 * second chamber after passing the first moves nothing) and with setbacks where they happened.
 */
export function stateStages(bill: LegiscanBill): StateStage[] {
  const history = [...bill.history].sort((a, b) => a.date.localeCompare(b.date));
  const origin = chamberName(bill.body);
  const raw: Array<{ stage: BillStage; date: string }> = bill.progress
    .map((event, index) => ({ stage: EVENT_STAGES[event.event], date: event.date.slice(0, 10), index }))
    .filter((event): event is { stage: BillStage; date: string; index: number } => Boolean(event.stage));
  if (!raw.some((event) => event.stage === 'introduced') && history[0])
    raw.unshift({ stage: 'introduced', date: history[0].date.slice(0, 10) });
  const toGovernor = history.find((entry) => TO_GOVERNOR.test(entry.action));
  if (toGovernor) raw.push({ stage: 'to-president', date: toGovernor.date.slice(0, 10) });
  // Same day: the ladder decides the order (sent to the governor after passing both).
  raw.sort((a, b) => a.date.localeCompare(b.date) || billStageRank(a.stage) - billStageRank(b.stage));

  const stages: StateStage[] = [];
  let rank = 0;
  for (const event of raw) {
    const setback = isBillSetback(event.stage);
    if (!setback && billStageRank(event.stage) <= rank) continue;
    if (!setback) rank = billStageRank(event.stage);
    const action =
      event.stage === 'to-president' && toGovernor ? toGovernor.action : actionFor(history, event.date, event.stage);
    const later = history.filter((entry) => entry.date >= event.date).map((entry) => REFERENCE.exec(entry.action));
    const reference = event.stage === 'enacted' ? later.find(Boolean) : undefined;
    stages.push({
      stage: event.stage,
      date: event.date,
      action,
      ...(origin && (event.stage === 'introduced' || event.stage === 'passed-one-chamber') ? { chamber: origin } : {}),
      ...(reference ? { reference: `${reference[1]} ${reference[2]}` } : {}),
    });
  }
  return stages;
}

/** Highest ladder stage among `stages` (introduced when none), for the cursor. */
export function ladderOf(stages: readonly StateStage[]): string {
  return stages.filter((s) => !isBillSetback(s.stage)).at(-1)?.stage ?? 'introduced';
}
