import { isBillSetback, isConclusiveStage } from '../../domain/bill-stage.js';
import type { Item } from '../../domain/item.js';
import type { LegiscanBill } from './legiscan-schema.js';
import type { StateStage } from './legiscan-stages.js';
import { LEGISCAN_ATTRIBUTION, stateBillLabel, stateBillThreadKey } from './state-bill-id.js';
import { stateName } from '../../domain/us-states.js';

export interface StateItemInput {
  sourceId: string;
  bill: LegiscanBill;
  stage: StateStage;
  vendors: readonly string[];
  /** The first alert since tracking started: it states the current stage. */
  tracking: boolean;
}

function phrase(stage: StateStage, state: string): string {
  switch (stage.stage) {
    case 'introduced':
      return stage.chamber ? `introduced in the ${stage.chamber}` : 'introduced';
    case 'in-committee':
      return 'referred to committee';
    case 'reported':
      return 'reported by committee';
    case 'passed-one-chamber':
      return stage.chamber ? `passed the ${stage.chamber}` : 'passed its first chamber';
    case 'passed-both':
      return 'passed both chambers';
    case 'to-president':
      return 'sent to the Governor';
    case 'enacted':
      return `became ${state} law`;
    case 'vetoed':
      return 'vetoed by the Governor';
    case 'failed':
      return 'failed';
    default:
      return stage.stage;
  }
}

/** Same rule as federal bills: a stage is claimed once; a setback can recur, so its key has its day. */
export function stateItemKey(bill: LegiscanBill, stage: StateStage): string {
  const base = `${stateBillThreadKey(bill)}:${stage.stage}`;
  return isBillSetback(stage.stage) ? `${base}:${stage.date}` : base;
}

/**
 * One stage of a state bill: "Arkansas HB1044 (2012) passed the House: <title>", threaded by the
 * bill, carrying its state as jurisdiction and the source's vendors, and crediting LegiScan
 * (its data is CC BY 4.0) in the text every platform shows.
 */
export function stateStageItem(input: StateItemInput): Item {
  const { bill, stage } = input;
  const state = stateName(bill.state);
  const label = stateBillLabel(bill);
  const spoken = `${state} ${label.slice(bill.state.length + 1)}`;
  const name = (bill.title ?? '').trim() || label;
  const reference = stage.stage === 'enacted' ? stage.reference : undefined;
  const head = input.tracking ? `Now tracking ${spoken}, ${phrase(stage, state)}` : `${spoken} ${phrase(stage, state)}`;
  const summary = [
    input.tracking ? `banwatch started tracking ${label}; its current stage is ${phrase(stage, state)}.` : undefined,
    stage.action ? `${stage.date}: ${stage.action}` : stage.date,
    `Source: ${LEGISCAN_ATTRIBUTION}.`,
  ]
    .filter(Boolean)
    .join(' ');
  const publishedAt = /^\d{4}-\d{2}-\d{2}$/.test(stage.date) ? new Date(`${stage.date}T00:00:00Z`) : undefined;
  const chamber = stage.chamber === 'House' || stage.chamber === 'Senate' ? stage.chamber : undefined;
  return {
    sourceId: input.sourceId,
    key: stateItemKey(bill, stage),
    title: `${head}: ${name}${reference ? ` — ${reference}` : ''}`,
    summary,
    ...(bill.url ? { link: bill.url } : bill.state_link ? { link: bill.state_link } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    kind: 'bill',
    // A stage counts from when banwatch saw it, as for federal bills.
    exemptFromAgeLimit: true,
    thread: {
      key: stateBillThreadKey(bill),
      label,
      stage: stage.stage,
      conclusive: isConclusiveStage('bill', stage.stage),
      ...(input.vendors.length ? { vendors: [...input.vendors] } : {}),
      title: name,
      ...(reference ? { reference: `${bill.state} ${reference}` } : {}),
      ...(chamber && ['introduced', 'passed-one-chamber'].includes(stage.stage) ? { chamber } : {}),
      jurisdiction: `US-state:${bill.state.toUpperCase()}`,
    },
  };
}
