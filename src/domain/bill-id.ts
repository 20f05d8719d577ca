/**
 * Identity of a bill in a Congress: `hr5515-115` is H.R.5515 of the 115th Congress. The same
 * spelling is used in the config file, in `track`/`untrack` and in thread keys
 * (`bill:hr5515-115`).
 */
export const BILL_TYPES = ['hr', 's', 'hjres', 'sjres', 'hconres', 'sconres', 'hres', 'sres'] as const;
export type BillType = (typeof BILL_TYPES)[number];

export interface BillId {
  type: BillType;
  number: number;
  congress: number;
}

const LABELS: Record<BillType, string> = {
  hr: 'H.R.',
  s: 'S.',
  hjres: 'H.J.Res.',
  sjres: 'S.J.Res.',
  hconres: 'H.Con.Res.',
  sconres: 'S.Con.Res.',
  hres: 'H.Res.',
  sres: 'S.Res.',
};

/** Path segment of congress.gov's public pages for each type. */
const PAGE_TYPES: Record<BillType, string> = {
  hr: 'house-bill',
  s: 'senate-bill',
  hjres: 'house-joint-resolution',
  sjres: 'senate-joint-resolution',
  hconres: 'house-concurrent-resolution',
  sconres: 'senate-concurrent-resolution',
  hres: 'house-resolution',
  sres: 'senate-resolution',
};

// Longest types first, so `hjres` is not read as `h` + garbage.
const PATTERN = /^(hconres|sconres|hjres|sjres|hres|sres|hr|s)(\d{1,5})-(\d{1,3})$/;

/**
 * Reads `hr5515-115`; case, dots and spaces do not matter (`H.R. 5515-115`). Undefined for
 * anything else. Congresses before the 93rd (1973) are not on Congress.gov's API.
 */
export function parseBillId(text: string): BillId | undefined {
  const folded = text.toLowerCase().replace(/[.\s]/g, '');
  const match = PATTERN.exec(folded);
  if (!match) return undefined;
  const number = Number(match[2]);
  const congress = Number(match[3]);
  if (number < 1 || congress < 93 || congress > 200) return undefined;
  return { type: match[1] as BillType, number, congress };
}

export function formatBillId(bill: BillId): string {
  return `${bill.type}${bill.number}-${bill.congress}`;
}

export function billThreadKey(bill: BillId): string {
  return `bill:${formatBillId(bill)}`;
}

/** `115th`, `101st`, `112th`. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

/** `H.R.5515 (115th)`. */
export function billLabel(bill: BillId): string {
  return `${LABELS[bill.type]}${bill.number} (${ordinal(bill.congress)})`;
}

/** The bill's public page, e.g. https://www.congress.gov/bill/115th-congress/house-bill/5515. */
export function congressGovUrl(bill: BillId): string {
  return `https://www.congress.gov/bill/${ordinal(bill.congress)}-congress/${PAGE_TYPES[bill.type]}/${bill.number}`;
}

/** The chamber a bill starts in, from its type. */
export function originChamber(bill: BillId): 'House' | 'Senate' {
  return bill.type.startsWith('h') ? 'House' : 'Senate';
}
