import { formatBillId, originChamber, parseBillId, type BillId } from '../../domain/bill-id.js';
import { billStageRank, isBillSetback } from '../../domain/bill-stage.js';
import type { Clock } from '../../domain/clock.js';
import type { MatchedText } from '../../domain/instrument.js';
import type { Item } from '../../domain/item.js';
import type { TrackedBillStore } from '../../domain/ports.js';
import type { Cursor, PollResult, Source, SourceFailure } from '../../domain/source.js';
import { errorMessage } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { DISCOVERY_OVERLAP_MS, discoverBills, type TitleVerdict } from './bill-discovery.js';
import { billStageItem } from './bill-items.js';
import type { CongressApi } from './congress-api.js';
import type { TextDiscoveryResult, TextScan } from '../govinfo/text-discovery.js';
import type { EnactedTextSearch } from '../govinfo/enacted-text.js';
import { enactedElsewhere } from './carrier-route.js';
import { enactedByLaw } from './law-route.js';
import { readCongressCursor, type BillState, type CongressCursor } from './congress-cursor.js';
import { billProgress, type BillProgress } from './stage-history.js';

export interface ConfiguredBill {
  id: string;
  vendors?: string[];
}

export interface CongressSourceDefinition {
  id: string;
  name?: string;
  intervalMs: number;
  /** Bills from the config file, always tracked. */
  bills: readonly ConfiguredBill[];
  /** Also scan recently updated bills and track those whose titles are relevant. */
  discover: boolean;
  /** How far back the first discovery scan looks (default 30 days). */
  discoverLookbackMs?: number;
  /** Pages of updates one poll's discovery reads at most (default 20); the next poll resumes. */
  discoverPagesPerPoll?: number;
}

export interface CongressSourceDeps {
  api: CongressApi;
  clock: Clock;
  /** Bills tracked at run time (`track`, discovery). */
  tracked?: Pick<TrackedBillStore, 'list' | 'add'>;
  /** Reads a bill title for discovery: relevant or not, and the vendors it names. */
  classifyTitle?: (title: string) => TitleVerdict;
  /** Full-text discovery (GovInfo), when configured: finds bills by what their text says. */
  discoverByText?: (scan: TextScan | undefined, signal?: AbortSignal) => Promise<TextDiscoveryResult>;
  /** Enrolled texts that cite a short title (GovInfo), for the laws route; without it only related bills are read. */
  enactedText?: EnactedTextSearch;
  logger?: Logger;
}

interface Watched {
  bill: BillId;
  id: string;
  vendors: string[];
  matched?: MatchedText;
}

/**
 * Congress.gov bills as a Source of stage changes. Each poll reads every tracked bill's record;
 * only when its `updateDate` moved are its actions read and its stage recomputed, and only a
 * forward move (or a setback) becomes an item. The first time a bill is seen, one item states
 * its current stage. Items are therefore already changes (`deltas`), so the pipeline posts them
 * on the source's first poll too. One bill failing does not hold the others back; a 429 or an
 * exhausted request budget ends the poll and the engine backs off.
 */
export function createCongressSource(definition: CongressSourceDefinition, deps: CongressSourceDeps): Source {
  async function watchedBills(): Promise<Watched[]> {
    const byId = new Map<string, Watched>();
    const add = (id: string, vendors: readonly string[] = [], matched?: MatchedText) => {
      const bill = parseBillId(id);
      if (!bill) return;
      const key = formatBillId(bill);
      const known = byId.get(key);
      const found = matched ?? known?.matched;
      byId.set(key, {
        bill,
        id: key,
        vendors: [...new Set([...(known?.vendors ?? []), ...vendors])],
        ...(found ? { matched: found } : {}),
      });
    };
    for (const configured of definition.bills) add(configured.id, configured.vendors);
    for (const stored of (await deps.tracked?.list()) ?? []) add(stored.id, stored.vendors, stored.matched);
    return [...byId.values()];
  }

  async function poll(cursor: Cursor | undefined, signal?: AbortSignal): Promise<PollResult> {
    const previous = readCongressCursor(cursor, DISCOVERY_OVERLAP_MS);
    try {
      const next: CongressCursor = {
        bills: {},
        ...(previous.discovery ? { discovery: previous.discovery } : {}),
        ...(previous.textScan ? { textScan: previous.textScan } : {}),
      };
      if (definition.discover && deps.tracked && deps.classifyTitle) {
        const configured = definition.bills.map((bill) => bill.id);
        const found = await discoverBills(
          previous.discovery,
          configured,
          {
            ...deps,
            tracked: deps.tracked,
            classifyTitle: deps.classifyTitle,
            sourceId: definition.id,
            ...(definition.discoverLookbackMs ? { lookbackMs: definition.discoverLookbackMs } : {}),
            ...(definition.discoverPagesPerPoll ? { maxPages: definition.discoverPagesPerPoll } : {}),
          },
          signal,
        );
        // Whatever was read stays read, even when the scan stopped part way.
        next.discovery = found.window;
        if (found.failure?.kind === 'http-429')
          return { ok: false, failure: found.failure, cursor: { ...previous, discovery: found.window } };
      }
      if (definition.discover && deps.discoverByText) {
        const found = await deps.discoverByText(previous.textScan, signal);
        next.textScan = found.scan;
        if (found.failure?.kind === 'http-429')
          return { ok: false, failure: found.failure, cursor: { ...previous, ...kept(next) } };
        if (found.failure)
          deps.logger?.warn(
            { sourceId: definition.id, kind: found.failure.kind },
            `congress ${definition.id}: full-text discovery stopped: ${found.failure.message}`,
          );
      }
      const items: Item[] = [];
      const failures: SourceFailure[] = [];
      let succeeded = 0;
      const checkedAt = deps.clock.now().toISOString();
      const watched = leastRecentlyChecked(await watchedBills(), previous);
      for (const [index, bill] of watched.entries()) {
        const known = previous.bills[bill.id];
        const result = await pollBill(bill, known, signal);
        if (!result.ok) {
          if (result.budget) {
            // The rest keep their state and go first next time; what was read is kept.
            for (const rest of watched.slice(index))
              if (previous.bills[rest.id]) next.bills[rest.id] = previous.bills[rest.id] as BillState;
            deps.logger?.warn(
              { sourceId: definition.id, left: watched.length - index },
              `congress ${definition.id}: ${result.failure.message}; ${watched.length - index} bills wait for the next poll`,
            );
            if (!succeeded) return { ok: false, failure: result.failure, cursor: { ...previous, ...kept(next) } };
            break;
          }
          if (result.failure.kind === 'http-429')
            return { ok: false, failure: result.failure, cursor: { ...previous, ...kept(next) } };
          failures.push(result.failure);
          deps.logger?.warn(
            { sourceId: definition.id, itemId: `bill:${bill.id}`, kind: result.failure.kind },
            `congress ${definition.id}: ${result.failure.message}`,
          );
          if (known) next.bills[bill.id] = known;
          continue;
        }
        succeeded++;
        next.bills[bill.id] = { ...result.state, checkedAt };
        if (result.item) items.push(result.item);
      }
      if (!succeeded && failures[0]) return { ok: false, failure: failures[0], cursor: { ...previous, ...kept(next) } };
      return { ok: true, items, cursor: next };
    } catch (error) {
      return {
        ok: false,
        failure: { kind: 'parse', message: `unexpected error: ${errorMessage(error)}` },
        cursor: previous,
      };
    }
  }

  type BillPoll = { ok: true; state: BillState; item?: Item } | { ok: false; failure: SourceFailure; budget?: boolean };

  async function pollBill(watched: Watched, known: BillState | undefined, signal?: AbortSignal): Promise<BillPoll> {
    const record = await deps.api.bill(watched.bill, signal);
    if (!record.ok) return record;
    const updateDate = record.value.updateDate ?? undefined;
    const now = deps.clock.now();
    // A record that has not changed since its actions were read cannot have a new stage of its
    // own; another measure carrying its text into law may not touch it, so that is asked daily.
    const unchanged = !!known && !!updateDate && known.updateDate === updateDate;
    const carrierDue =
      known?.ladder !== 'enacted' &&
      (!unchanged || now.getTime() - Date.parse(known?.carrierCheckedAt ?? '') >= CARRIER_CHECK_MS);
    if (unchanged && !carrierDue) return { ok: true, state: known };
    let progress: BillProgress | undefined;
    if (!unchanged) {
      const actions = await deps.api.actions(watched.bill, signal);
      if (!actions.ok) return actions;
      const laws = (record.value.laws ?? []).map((law) => law.number ?? '').filter(Boolean);
      progress = billProgress(actions.value, {
        origin: originChamber(watched.bill),
        ...(record.value.introducedDate ? { introducedDate: record.value.introducedDate } : {}),
        laws,
      });
    }
    const checked = carrierDue && progress?.ladder !== 'enacted' ? { carrierCheckedAt: now.toISOString() } : {};
    if (checked.carrierCheckedAt) {
      const carried = await enactedElsewhere(deps.api, watched.bill, signal);
      if (!carried.ok) return carried;
      const byLaw = carried.value ? undefined : await lawRoute(watched.bill, record.value.title, signal);
      if (byLaw && !byLaw.ok) return byLaw;
      if (carried.value ?? byLaw?.value) progress = carried.value ?? byLaw?.value;
    }
    if (!progress) return { ok: true, state: { ...(known as BillState), ...checked } };
    const state: BillState = {
      stage: progress.stage,
      ladder: progress.ladder,
      date: progress.date,
      ...(updateDate ? { updateDate } : {}),
      ...checked,
    };
    if (known && !isNews(known, progress))
      return { ok: true, state: { ...known, ...(updateDate ? { updateDate } : {}), ...checked } };
    const item = billStageItem({
      sourceId: definition.id,
      bill: watched.bill,
      title: record.value.title ?? '',
      progress,
      vendors: watched.vendors,
      tracking: !known,
      ...(watched.matched ? { matched: watched.matched } : {}),
    });
    return { ok: true, state, item };
  }

  /**
   * The laws route. GovInfo failing costs only this check (logged, tried again tomorrow), not
   * the bill's own stages; Congress.gov failing fails the bill as any of its reads does.
   */
  async function lawRoute(bill: BillId, title: string | null | undefined, signal?: AbortSignal) {
    if (!deps.enactedText) return undefined;
    const search = deps.enactedText;
    let govinfoFailure: SourceFailure | undefined;
    const guarded: EnactedTextSearch = async (...args) => {
      const answer = await search(...args);
      if (answer.ok) return answer;
      govinfoFailure = answer.failure;
      return { ok: true, value: [] };
    };
    const result = await enactedByLaw(deps.api, guarded, bill, title, signal);
    if (govinfoFailure)
      deps.logger?.warn(
        { sourceId: definition.id, itemId: `bill:${formatBillId(bill)}`, kind: govinfoFailure.kind },
        `congress ${definition.id}: the enacted texts of the ${bill.congress}th Congress could not be searched: ${govinfoFailure.message}`,
      );
    return result;
  }

  return {
    id: definition.id,
    name: definition.name ?? 'Congress.gov',
    intervalMs: definition.intervalMs,
    backfill: 0,
    deltas: true,
    poll,
  };
}

/** How often a bill not yet law is checked for a measure that enacted its text. */
const CARRIER_CHECK_MS = 86_400_000;

/** Discovery's progress survives a poll whose bills all failed: what it read is not read again. */
function kept(next: CongressCursor): Partial<CongressCursor> {
  return {
    ...(next.discovery ? { discovery: next.discovery } : {}),
    ...(next.textScan ? { textScan: next.textScan } : {}),
  };
}

/** Bills never read first, then the longest unread: a short budget still reaches every bill in turn. */
function leastRecentlyChecked(bills: Watched[], cursor: CongressCursor): Watched[] {
  const at = (bill: Watched) => cursor.bills[bill.id]?.checkedAt ?? '';
  return bills
    .map((bill, index) => ({ bill, index }))
    .sort((a, b) => at(a.bill).localeCompare(at(b.bill)) || a.index - b.index)
    .map((entry) => entry.bill);
}

/** A forward move on the ladder, or a setback that was not alerted yet. */
function isNews(known: BillState, progress: BillProgress): boolean {
  if (billStageRank(progress.ladder) > billStageRank(known.ladder)) return true;
  return isBillSetback(progress.stage) && (progress.stage !== known.stage || progress.date !== known.date);
}
