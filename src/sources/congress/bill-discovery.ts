import { formatBillId, parseBillId } from '../../domain/bill-id.js';
import type { Clock } from '../../domain/clock.js';
import type { TrackedBillStore } from '../../domain/ports.js';
import type { SourceFailure } from '../../domain/source.js';
import type { Logger } from '../../shared/logger.js';
import type { CongressApi } from './congress-api.js';

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
}

/** The first scan looks back a day; later scans overlap the previous one a little, so none is missed. */
const FIRST_LOOKBACK_MS = 86_400_000;
const OVERLAP_MS = 5 * 60_000;
/** A burst of relevant titles is tracked over several scans rather than all at once. */
const MAX_NEW_PER_SCAN = 20;

export type DiscoveryResult = { ok: true; scannedAt: string; added: string[] } | { ok: false; failure: SourceFailure };

/**
 * Scans the bills updated since the last scan (`/bill?fromDateTime=...&sort=updateDate+desc`),
 * reads each title with the classifier, and tracks the relevant ones from then on, with the
 * vendors the classifier found as their watch terms. Tracking goes through the store, so
 * `bills` lists them and `untrack` can stop them.
 */
export async function discoverBills(
  lastScan: string | undefined,
  configured: readonly string[],
  deps: DiscoveryDeps,
  signal?: AbortSignal,
): Promise<DiscoveryResult> {
  const now = deps.clock.now();
  const since = lastScan ? new Date(Date.parse(lastScan) - OVERLAP_MS) : new Date(now.getTime() - FIRST_LOOKBACK_MS);
  const listed = await deps.api.updatedBills(since, signal);
  if (!listed.ok) {
    deps.logger?.warn(
      { sourceId: deps.sourceId, kind: listed.failure.kind },
      `congress ${deps.sourceId}: discovery failed: ${listed.failure.message}`,
    );
    return listed;
  }
  if (listed.value.truncated) {
    deps.logger?.warn(
      { sourceId: deps.sourceId },
      `congress ${deps.sourceId}: more bills were updated than one discovery scan reads; the oldest updates were skipped`,
    );
  }
  const tracked = new Set([...configured, ...(await deps.tracked.list()).map((bill) => bill.id)]);
  const added: string[] = [];
  for (const listedBill of listed.value.bills) {
    if (added.length >= MAX_NEW_PER_SCAN) break;
    const bill = parseBillId(`${listedBill.type}${listedBill.number}-${listedBill.congress}`);
    const title = listedBill.title?.trim();
    if (!bill || !title) continue;
    const id = formatBillId(bill);
    if (tracked.has(id)) continue;
    const verdict = deps.classifyTitle(title);
    if (!verdict.relevant) continue;
    const vendors = [...new Set(verdict.vendors)];
    if (
      await deps.tracked.add({
        id,
        origin: 'discovery',
        addedAt: now.toISOString(),
        ...(vendors.length ? { vendors } : {}),
      })
    ) {
      tracked.add(id);
      added.push(id);
      deps.logger?.info(
        { sourceId: deps.sourceId, itemId: `bill:${id}` },
        `congress ${deps.sourceId}: now tracking ${id} (found by discovery): ${title.slice(0, 200)}`,
      );
    }
  }
  return { ok: true, scannedAt: now.toISOString(), added };
}
