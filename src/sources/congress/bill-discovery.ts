import { formatBillId, parseBillId } from '../../domain/bill-id.js';
import type { Clock } from '../../domain/clock.js';
import type { TrackedBillStore } from '../../domain/ports.js';
import type { SourceFailure } from '../../domain/source.js';
import type { Logger } from '../../shared/logger.js';
import type { CongressApi } from './congress-api.js';
import type { ListedBill } from './congress-schema.js';
import { afterPage, updateStamp, type DiscoveryWindow } from './discovery-window.js';

/** What the classifier says about a bill title. */
export interface TitleVerdict {
  relevant: boolean;
  vendors: string[];
}

export interface DiscoveryDeps {
  api: CongressApi;
  clock: Clock;
  tracked: Pick<TrackedBillStore, 'list' | 'add'>;
  classifyTitle(title: string): TitleVerdict;
  sourceId: string;
  logger?: Logger;
  /** How far back the very first scan looks (default 30 days). */
  lookbackMs?: number;
  /** Pages of updates read per poll at most; the rest of the window is read by the next polls. */
  maxPages?: number;
}

export const DEFAULT_DISCOVERY_LOOKBACK_MS = 30 * 86_400_000;
/** Each window starts a little before the last one ended: updates indexed late are still seen. */
export const DISCOVERY_OVERLAP_MS = 5 * 60_000;
// 20 pages of 250: 5,000 updates a poll, a few requests of the 5,000-an-hour allowance.
const DEFAULT_MAX_PAGES = 20;

export interface DiscoveryResult {
  /** Where the next scan resumes: after what was read, never after what was not. */
  window: DiscoveryWindow;
  added: string[];
  /** Set when a page could not be read; `window` then points at that page. */
  failure?: SourceFailure;
  /** Pages remain in the window (budget or page limit); the next poll goes on. */
  more: boolean;
}

/**
 * Scans the bills updated since the last scan, oldest update first, page by page through the
 * whole window (`/bill?fromDateTime&toDateTime&sort=updateDate+asc`), reads each title with
 * the classifier, and tracks the relevant ones with the vendors it found as their watch terms.
 * Tracking goes through the store, so `bills` lists them and `untrack` can stop them; a page
 * read twice after a crash tracks nothing twice, because the store refuses a bill it has.
 */
export async function discoverBills(
  stored: DiscoveryWindow | undefined,
  configured: readonly string[],
  deps: DiscoveryDeps,
  signal?: AbortSignal,
): Promise<DiscoveryResult> {
  const now = deps.clock.now();
  const lookback = deps.lookbackMs ?? DEFAULT_DISCOVERY_LOOKBACK_MS;
  let window: Required<DiscoveryWindow> = {
    from: stored?.from ?? updateStamp(new Date(now.getTime() - lookback)),
    skip: stored?.skip ?? 0,
    to: stored?.to ?? updateStamp(now),
  };
  const tracked = new Set([...configured, ...(await deps.tracked.list()).map((bill) => bill.id)]);
  const added: string[] = [];
  for (let page = 0; page < (deps.maxPages ?? DEFAULT_MAX_PAGES); page++) {
    const listed = await deps.api.updatedBills(window, signal);
    if (!listed.ok) {
      deps.logger?.warn(
        { sourceId: deps.sourceId, kind: listed.failure.kind },
        `congress ${deps.sourceId}: discovery stopped at updates from ${window.from}: ${listed.failure.message}`,
      );
      return { window, added, failure: listed.failure, more: true };
    }
    for (const bill of listed.value.bills) {
      const id = await consider(bill, tracked, deps, now);
      if (id) added.push(id);
    }
    const next = afterPage(
      window,
      listed.value.bills.map((bill) => updateStamp(bill.updateDate ?? window.from)),
      listed.value.complete,
      DISCOVERY_OVERLAP_MS,
    );
    if (!next.to) return { window: next, added, more: false };
    window = { ...next, to: next.to };
  }
  deps.logger?.info(
    { sourceId: deps.sourceId },
    `congress ${deps.sourceId}: discovery read ${deps.maxPages ?? DEFAULT_MAX_PAGES} pages; it resumes at updates from ${window.from}`,
  );
  return { window, added, more: true };
}

async function consider(
  listedBill: ListedBill,
  tracked: Set<string>,
  deps: DiscoveryDeps,
  now: Date,
): Promise<string | undefined> {
  const bill = parseBillId(`${listedBill.type}${listedBill.number}-${listedBill.congress}`);
  const title = listedBill.title?.trim();
  if (!bill || !title) return undefined;
  const id = formatBillId(bill);
  if (tracked.has(id)) return undefined;
  const verdict = deps.classifyTitle(title);
  if (!verdict.relevant) return undefined;
  const vendors = [...new Set(verdict.vendors)];
  tracked.add(id);
  const stored = await deps.tracked.add({
    id,
    origin: 'discovery',
    addedAt: now.toISOString(),
    ...(vendors.length ? { vendors } : {}),
  });
  if (!stored) return undefined;
  deps.logger?.info(
    { sourceId: deps.sourceId, itemId: `bill:${id}` },
    `congress ${deps.sourceId}: now tracking ${id} (found by discovery): ${title.slice(0, 200)}`,
  );
  return id;
}
