import type { Cursor } from '../../domain/source.js';
import { readTextScan, type TextScan } from '../govinfo/text-discovery.js';
import { readDiscoveryWindow, type DiscoveryWindow } from './discovery-window.js';

/** What the congress source remembers about one tracked bill between polls. */
export interface BillState {
  /** The bill record's `updateDate` when its actions were last read. */
  updateDate?: string;
  /** The last stage alerted (or recorded when tracking started). */
  stage: string;
  /** The highest rung of the ladder reached, so setbacks never hide a later advance. */
  ladder: string;
  /** Day of that stage. */
  date: string;
  /** When the bill was last read: the least recently read go first when the budget is short. */
  checkedAt?: string;
  /** When its related bills were last read for a measure that carried its text into law. */
  carrierCheckedAt?: string;
}

/**
 * The congress source's cursor, persisted in the feed state after each successful poll:
 * per-bill state keyed by bill id, and where discovery stands in the stream of updates.
 */
export interface CongressCursor extends Cursor {
  bills: Record<string, BillState>;
  discovery?: DiscoveryWindow;
  /** Full-text discovery (GovInfo) progress. */
  textScan?: TextScan;
}

const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Reads a stored cursor defensively: an entry that is not a bill state is dropped, not trusted. */
export function readCongressCursor(cursor: Cursor | undefined, overlapMs: number): CongressCursor {
  const bills: Record<string, BillState> = {};
  const stored = cursor?.bills;
  if (stored && typeof stored === 'object') {
    for (const [id, value] of Object.entries(stored as Record<string, unknown>)) {
      const state = value as Partial<BillState> | null;
      if (!state || !text(state.stage) || !text(state.ladder) || typeof state.date !== 'string') continue;
      bills[id] = {
        stage: state.stage,
        ladder: state.ladder,
        date: state.date,
        ...(text(state.updateDate) ? { updateDate: state.updateDate } : {}),
        ...(text(state.checkedAt) ? { checkedAt: state.checkedAt } : {}),
        ...(text(state.carrierCheckedAt) ? { carrierCheckedAt: state.carrierCheckedAt } : {}),
      };
    }
  }
  const discovery = readDiscoveryWindow(cursor, overlapMs);
  const textScan = readTextScan(cursor?.textScan);
  return { bills, ...(discovery ? { discovery } : {}), ...(textScan ? { textScan } : {}) };
}
