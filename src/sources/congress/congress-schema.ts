import { z } from 'zod';
import type { BillAction } from './action-events.js';

/**
 * The parts of Congress.gov API v3 responses banwatch reads (format=json). Lenient: unknown
 * fields are ignored and missing optional ones are fine, so a new field upstream never breaks
 * a poll; a response without what is required is a parse failure.
 */
const latestAction = z.object({ actionDate: z.string().nullish(), text: z.string().nullish() }).nullish();

const billRecord = z.object({
  congress: z.union([z.number(), z.string()]),
  number: z.union([z.string(), z.number()]),
  type: z.string(),
  title: z.string().nullish(),
  updateDate: z.string().nullish(),
  introducedDate: z.string().nullish(),
  originChamber: z.string().nullish(),
  latestAction,
  laws: z.array(z.object({ number: z.string().nullish(), type: z.string().nullish() })).nullish(),
});
export type CongressBill = z.output<typeof billRecord>;

export const billResponse = z.object({ bill: billRecord });

const action = z.object({
  actionDate: z.string(),
  actionTime: z.string().nullish(),
  text: z.string().nullish(),
  actionCode: z.union([z.string(), z.number()]).nullish(),
  sourceSystem: z.object({ code: z.union([z.number(), z.string()]).nullish(), name: z.string().nullish() }).nullish(),
});

const pagination = z.object({ count: z.number().nullish(), next: z.string().nullish() }).nullish();

export const actionsResponse = z.object({ actions: z.array(action), pagination });

const listedBill = z.object({
  congress: z.union([z.number(), z.string()]),
  number: z.union([z.string(), z.number()]),
  type: z.string(),
  title: z.string().nullish(),
  updateDate: z.string().nullish(),
});
export type ListedBill = z.output<typeof listedBill>;

export const billListResponse = z.object({ bills: z.array(listedBill), pagination });

const relatedBill = z.object({
  congress: z.union([z.number(), z.string()]),
  number: z.union([z.string(), z.number()]),
  type: z.string(),
  title: z.string().nullish(),
  relationshipDetails: z.array(z.object({ type: z.string().nullish(), identifiedBy: z.string().nullish() })).nullish(),
});
export type RelatedBill = z.output<typeof relatedBill>;

export const relatedBillsResponse = z.object({ relatedBills: z.array(relatedBill), pagination });

/**
 * One entry of `/law/{congress}`: a bill that became law, with its law numbers (the item shape
 * of the OpenAPI file's `Law`; the list wraps them in `bills`, as `/bill` does).
 */
const lawEntry = z.object({
  congress: z.union([z.number(), z.string()]),
  number: z.union([z.string(), z.number()]),
  type: z.string(),
  title: z.string().nullish(),
  latestAction,
  laws: z.array(z.object({ number: z.string().nullish(), type: z.string().nullish() })).nullish(),
});
export type LawEntry = z.output<typeof lawEntry>;

export const lawListResponse = z.object({ bills: z.array(lawEntry), pagination });

const RECORDED_BY: Record<string, BillAction['recordedBy']> = {
  'library of congress': 'library-of-congress',
  'house floor actions': 'house',
  'house committee actions': 'committee',
  senate: 'senate',
};

/** One Congress.gov action in banwatch's terms. */
export function toBillAction(raw: z.output<typeof action>): BillAction {
  const code = raw.actionCode === null || raw.actionCode === undefined ? undefined : String(raw.actionCode);
  const recordedBy = RECORDED_BY[(raw.sourceSystem?.name ?? '').toLowerCase()];
  return {
    date: raw.actionDate.slice(0, 10),
    text: (raw.text ?? '').replace(/\s+/g, ' ').trim(),
    ...(raw.actionTime ? { time: raw.actionTime } : {}),
    ...(code ? { code } : {}),
    ...(recordedBy ? { recordedBy } : {}),
  };
}
