import type { Cursor } from '../../domain/source.js';
import { readUsage, type MonthlyUsage } from './monthly-usage.js';

/** What the source remembers about one state bill between polls. */
export interface StateBillState {
  /** LegiScan's change_hash when the bill was last read: the same hash, nothing to read. */
  changeHash: string;
  sessionId: number;
  /** Last stage alerted (or recorded when tracking started), its day, and the highest rung reached. */
  stage: string;
  ladder: string;
  date: string;
  checkedAt?: string;
}

/** A bill a search found and that is tracked from then on, with the vendors its title and description name. */
export interface FoundBill {
  title: string;
  vendors: string[];
  foundAt: string;
}

/**
 * The legiscan source's cursor (persisted in the feed state, so in the store): per bill id its
 * state, the bills searches found, the configured bills' ids once resolved, and the month's
 * request count that `status` shows.
 */
export interface LegiscanCursor extends Cursor {
  bills: Record<string, StateBillState>;
  found: Record<string, FoundBill>;
  /** `TN SB1234 2024` -> LegiScan bill id. */
  resolved: Record<string, number>;
  usage?: MonthlyUsage;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const entries = (value: unknown): Array<[string, Record<string, unknown>]> =>
  value && typeof value === 'object'
    ? Object.entries(value as Record<string, unknown>).filter(
        (entry): entry is [string, Record<string, unknown>] => Boolean(entry[1]) && typeof entry[1] === 'object',
      )
    : [];

/** Reads a stored cursor defensively: an entry that is not what it should be is dropped, not trusted. */
export function readLegiscanCursor(cursor: Cursor | undefined): LegiscanCursor {
  const bills: Record<string, StateBillState> = {};
  for (const [id, s] of entries(cursor?.bills)) {
    if (!isText(s.changeHash) || typeof s.sessionId !== 'number' || !isText(s.stage) || !isText(s.ladder)) continue;
    bills[id] = {
      changeHash: s.changeHash,
      sessionId: s.sessionId,
      stage: s.stage,
      ladder: s.ladder,
      date: typeof s.date === 'string' ? s.date : '',
      ...(isText(s.checkedAt) ? { checkedAt: s.checkedAt } : {}),
    };
  }
  const found: Record<string, FoundBill> = {};
  for (const [id, f] of entries(cursor?.found)) {
    if (!isText(f.title) || !Array.isArray(f.vendors)) continue;
    found[id] = { title: f.title, vendors: f.vendors.filter(isText), foundAt: isText(f.foundAt) ? f.foundAt : '' };
  }
  const resolved: Record<string, number> = {};
  const stored = cursor?.resolved;
  if (stored && typeof stored === 'object')
    for (const [ref, id] of Object.entries(stored as Record<string, unknown>))
      if (typeof id === 'number') resolved[ref] = id;
  const usage = readUsage(cursor?.usage);
  return { bills, found, resolved, ...(usage ? { usage } : {}) };
}
