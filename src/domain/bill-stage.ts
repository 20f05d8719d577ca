/**
 * The stages a tracked bill or rule moves through, in order. A stage only moves forward:
 * sources alert a stage whose rank is above the last one alerted. `vetoed` and `failed` are
 * setbacks, not rungs: they are alerted when they happen and a later forward stage (a veto
 * overridden into law, a failed vote taken again and won) supersedes them.
 */
export const BILL_STAGES = [
  'introduced',
  'in-committee',
  'reported',
  'passed-one-chamber',
  /** The second chamber passed it with an amendment: the chambers must still agree. */
  'passed-other-chamber',
  'resolving-differences',
  'passed-both',
  'to-president',
  'enacted',
] as const;
export type BillLadderStage = (typeof BILL_STAGES)[number];

export const BILL_SETBACKS = ['vetoed', 'failed'] as const;
export type BillSetback = (typeof BILL_SETBACKS)[number];
export type BillStage = BillLadderStage | BillSetback;

/** Rulemaking documents: proposed < interim < final; `effective` is the day a rule takes effect. */
export const RULE_STAGES = ['proposed', 'interim', 'final', 'effective'] as const;
export type RuleStage = (typeof RULE_STAGES)[number];

/**
 * Federal Register documents in a rulemaking's thread that do not move its stage; a document
 * on public inspection (filed, to be published the next day or so) is one until it is published.
 */
export type RuleNote = 'notice' | 'presidential-document' | 'public-inspection';

/** What a thread's item reports and the `bills` record keeps: a bill or rule stage, or a rule note. */
export type InstrumentStage = BillStage | RuleStage | RuleNote;

export type Chamber = 'House' | 'Senate';

/** Position on the bill ladder (1-based), 0 for a setback or an unknown stage. */
export function billStageRank(stage: string): number {
  return (BILL_STAGES as readonly string[]).indexOf(stage) + 1;
}

export function isBillSetback(stage: string): stage is BillSetback {
  return (BILL_SETBACKS as readonly string[]).includes(stage);
}

/** Position among rule stages (1-based), 0 for anything else (a notice, an order). */
export function ruleStageRank(stage: string): number {
  return (RULE_STAGES as readonly string[]).indexOf(stage) + 1;
}

/** The stages that end a story: Slack also broadcasts their thread reply to the channel. */
export function isConclusiveStage(kind: 'bill' | 'rule', stage: string): boolean {
  return kind === 'bill' ? stage === 'enacted' : stage === 'final' || stage === 'effective';
}
