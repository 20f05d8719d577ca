import type { Cursor } from '../../domain/source.js';

/**
 * Where discovery stands in the stream of bill updates. A scan reads a fixed window
 * `[from, to]` oldest update first; a poll that runs out of pages or budget keeps the window and
 * resumes at `from`/`skip` next time, so nothing in it is skipped. When the window is read to
 * its end, the next one starts at `to` (less a small overlap) and ends at the next scan's now.
 */
export interface DiscoveryWindow {
  /** `YYYY-MM-DDTHH:MM:SSZ`: the oldest update not yet known to be read. */
  from: string;
  /** Set while a window is being read; absent when the last one was read to its end. */
  to?: string;
  /** Bills with exactly the update time `from` already read (date-only update dates share one). */
  skip: number;
}

const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * A Congress.gov update date as an API timestamp: the list gives either a day (`2022-04-03`)
 * or a time (`2022-04-03T10:00:00Z`); both compare as `YYYY-MM-DDTHH:MM:SSZ`.
 */
export function updateStamp(value: string | Date): string {
  if (value instanceof Date) return `${value.toISOString().slice(0, 19)}Z`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? value : `${new Date(parsed).toISOString().slice(0, 19)}Z`;
}

/** Reads the stored window, or the older `discoveredAt` (a scan time), defensively. */
export function readDiscoveryWindow(cursor: Cursor | undefined, overlapMs: number): DiscoveryWindow | undefined {
  const stored = cursor?.discovery as Partial<DiscoveryWindow> | undefined;
  if (stored && typeof stored === 'object' && typeof stored.from === 'string' && STAMP.test(stored.from)) {
    const skip = typeof stored.skip === 'number' && Number.isInteger(stored.skip) && stored.skip > 0 ? stored.skip : 0;
    const to = typeof stored.to === 'string' && STAMP.test(stored.to) ? stored.to : undefined;
    return { from: stored.from, skip, ...(to ? { to } : {}) };
  }
  const legacy = typeof cursor?.discoveredAt === 'string' ? Date.parse(cursor.discoveredAt) : Number.NaN;
  if (!Number.isNaN(legacy)) return { from: updateStamp(new Date(legacy - overlapMs)), skip: 0 };
  return undefined;
}

/**
 * The window after reading one page of it (sorted by update, oldest first). Moving `from` to the
 * last update read, rather than counting an offset from the window's start, keeps the place
 * when bills updated meanwhile leave the window.
 */
export function afterPage(
  window: Required<DiscoveryWindow>,
  updates: readonly string[],
  complete: boolean,
  overlapMs: number,
): DiscoveryWindow {
  if (complete) return { from: updateStamp(new Date(Date.parse(window.to) - overlapMs)), skip: 0 };
  const last = updates.at(-1);
  if (last === undefined) return window;
  if (last === window.from) return { ...window, skip: window.skip + updates.length };
  return { ...window, from: last, skip: updates.filter((stamp) => stamp === last).length };
}
