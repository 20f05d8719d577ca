import type { LegiscanBill } from './legiscan-schema.js';

/** Where LegiScan's data is credited (CC BY 4.0 asks for it wherever the data is shown). */
export const LEGISCAN_ATTRIBUTION = 'LegiScan (CC BY 4.0)';

/** A bill named in the config file: `TN SB1234 2024` (state, number, a year of its session). */
export interface StateBillRef {
  state: string;
  number: string;
  year: number;
}

const REF = /^([A-Za-z]{2})\s+([A-Za-z]{1,6}\s?\d{1,6})\s+(\d{4})$/;

/** Reads `TN SB1234 2024` (case and the space inside the number do not matter); undefined otherwise. */
export function parseStateBillRef(text: string): StateBillRef | undefined {
  const match = REF.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[3]);
  if (year < 2009 || year > 2100) return undefined;
  return {
    state: (match[1] as string).toUpperCase(),
    number: (match[2] as string).replace(/\s/g, '').toUpperCase(),
    year,
  };
}

export function formatStateBillRef(ref: StateBillRef): string {
  return `${ref.state} ${ref.number} ${ref.year}`;
}

/**
 * A state bill's thread key: `bill:us-tn-sb1234-2001` (state, number, LegiScan session id, so two
 * sessions' SB1234 are two bills). `bills --state TN` reads the state back from it.
 */
export function stateBillThreadKey(
  bill: Pick<LegiscanBill, 'state' | 'bill_number' | 'session_id' | 'session' | 'bill_id'>,
): string {
  const session = bill.session?.session_id ?? bill.session_id ?? `b${bill.bill_id}`;
  return `bill:us-${bill.state.toLowerCase()}-${bill.bill_number.toLowerCase()}-${session}`;
}

/** `AR HB1044 (2012)`, `AK HB1 (2011-2012)`. */
export function stateBillLabel(bill: Pick<LegiscanBill, 'state' | 'bill_number' | 'session'>): string {
  const start = bill.session?.year_start;
  const end = bill.session?.year_end;
  const years = start ? (end && end !== start ? `${start}-${end}` : `${start}`) : '';
  const special = bill.session?.special ? ' special' : '';
  return `${bill.state.toUpperCase()} ${bill.bill_number}${years ? ` (${years}${special})` : ''}`;
}
