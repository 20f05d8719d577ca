import { stagePhrase } from '../../domain/alert-text.js';
import { billLabel, billThreadKey, congressGovUrl, formatBillId, type BillId } from '../../domain/bill-id.js';
import { isBillSetback, isConclusiveStage } from '../../domain/bill-stage.js';
import type { MatchedText } from '../../domain/instrument.js';
import type { Item } from '../../domain/item.js';
import type { BillProgress } from './stage-history.js';

export interface BillItemInput {
  sourceId: string;
  bill: BillId;
  /** The bill's title on Congress.gov (its short title when it has one). */
  title: string;
  progress: BillProgress;
  /** The tracked bill's own watch terms. */
  vendors: readonly string[];
  /** The first alert since tracking started: it states the current stage. */
  tracking: boolean;
  /** The section of its text that full-text discovery found it by. */
  matched?: MatchedText;
}

/** `Sec. 632: "...Huawei Technologies Company, ZTE Corporation..."` */
export function matchedLine(matched: MatchedText): string {
  return `${matched.section ? `${matched.section}: ` : ''}"${matched.excerpt}"`;
}

/**
 * The item's key names the stage (`bill:hr5515-115:enacted`), so each stage is claimed once
 * by the item ledger and a restart between polls repeats nothing. A setback can happen more
 * than once (a vote fails, passes, fails in the other chamber), so its key carries its day.
 */
export function billItemKey(bill: BillId, progress: BillProgress): string {
  const base = `${billThreadKey(bill)}:${progress.stage}`;
  return isBillSetback(progress.stage) ? `${base}:${progress.date}` : base;
}

function phrase(progress: BillProgress): string {
  switch (progress.stage) {
    case 'enacted':
      if (progress.carrier)
        return `enacted as part of ${progress.carrier.label}${progress.law ? `, Public Law ${progress.law}` : ''}`;
      return progress.signed ? 'signed into law' : 'became law';
    case 'in-committee':
      return 'referred to committee';
    case 'resolving-differences':
      return 'resolving differences between the House and Senate';
    case 'vetoed':
      return 'vetoed by the President';
    default:
      return stagePhrase(progress.stage, progress.chamber);
  }
}

/** One stage of a tracked bill as an item: "H.R.5515 (115th) passed the House: <short title>". */
export function billStageItem(input: BillItemInput): Item {
  const { bill, progress } = input;
  const label = billLabel(bill);
  const law = progress.law
    ? `Public Law ${progress.law}${progress.carrier ? ` (as part of ${progress.carrier.label})` : ''}`
    : undefined;
  const name = input.title.trim() || label;
  const head = input.tracking ? `Now tracking ${label}, ${phrase(progress)}` : `${label} ${phrase(progress)}`;
  const title = `${head}: ${name}${law && progress.stage === 'enacted' && !progress.carrier ? ` — ${law}` : ''}`;
  const summary = [
    input.tracking
      ? `banwatch started tracking ${label} (${formatBillId(bill)}); its current stage is ${phrase(progress)}.`
      : undefined,
    `${progress.date}: ${progress.action}`,
    input.matched ? `Its text names ${input.matched.term} in ${matchedLine(input.matched)}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const publishedAt = /^\d{4}-\d{2}-\d{2}$/.test(progress.date) ? new Date(`${progress.date}T00:00:00Z`) : undefined;
  return {
    sourceId: input.sourceId,
    key: billItemKey(bill, progress),
    title,
    summary,
    link: congressGovUrl(bill),
    ...(publishedAt ? { publishedAt } : {}),
    kind: 'bill',
    // A stage counts from when banwatch saw it: a law that took months must not look stale.
    exemptFromAgeLimit: true,
    thread: {
      key: billThreadKey(bill),
      label,
      stage: progress.stage,
      conclusive: isConclusiveStage('bill', progress.stage),
      ...(input.vendors.length ? { vendors: [...input.vendors] } : {}),
      title: name,
      ...(law ? { reference: law } : {}),
      ...(progress.chamber &&
      ['introduced', 'passed-one-chamber', 'passed-other-chamber', 'failed'].includes(progress.stage)
        ? { chamber: progress.chamber }
        : {}),
    },
  };
}
