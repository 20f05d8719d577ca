import { billStageRank, isBillSetback } from '../../domain/bill-stage.js';
import type { Clock } from '../../domain/clock.js';
import type { Item } from '../../domain/item.js';
import type { Cursor, PollResult, Source, SourceFailure } from '../../domain/source.js';
import { errorMessage } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { LegiscanApi } from './legiscan-api.js';
import { readLegiscanCursor, type LegiscanCursor, type StateBillState } from './legiscan-cursor.js';
import { stateStageItem } from './legiscan-items.js';
import type { LegiscanBill } from './legiscan-schema.js';
import { searchBills, type SearchPlan, type TitleReader } from './legiscan-search.js';
import { ladderOf, stateStages, type StateStage } from './legiscan-stages.js';
import { startPoll, type PollAllowance } from './monthly-usage.js';
import { formatStateBillRef, LEGISCAN_ATTRIBUTION, type StateBillRef } from './state-bill-id.js';

export interface ConfiguredStateBill extends StateBillRef {
  vendors?: string[];
}

export interface LegiscanSourceDefinition {
  id: string;
  name?: string;
  intervalMs: number;
  states: readonly string[];
  queries: readonly string[];
  bills: readonly ConfiguredStateBill[];
  /** Queries a month (LegiScan's free tier: 30,000). */
  monthlyLimit?: number;
  maxFound?: number;
}

export interface LegiscanSourceDeps {
  api: LegiscanApi;
  clock: Clock;
  readTitle?: TitleReader;
  logger?: Logger;
}

interface Watched {
  id: number;
  vendors: string[];
}

/**
 * State bills from LegiScan as a Source of stage changes, like the congress source: the first
 * read of a bill states its current stage, later reads post each new stage once. A bill is read
 * (getBill) only when its change_hash moved, learnt from this poll's search hits or from one
 * getMasterListRaw per session. Every query counts against the month's allowance kept in the
 * cursor; near the limit a poll gets only its share and the least recently read bills go first.
 */
export function createLegiscanSource(definition: LegiscanSourceDefinition, deps: LegiscanSourceDeps): Source {
  const plan: SearchPlan = {
    states: definition.states.map((s) => s.toUpperCase()),
    queries: definition.queries,
    bills: definition.bills,
    maxFound: definition.maxFound ?? 200,
  };

  function watched(cursor: LegiscanCursor): Watched[] {
    const byId = new Map<number, Watched>();
    for (const bill of definition.bills) {
      const id = cursor.resolved[formatStateBillRef(bill)];
      if (id !== undefined) byId.set(id, { id, vendors: [...(bill.vendors ?? [])] });
    }
    for (const [id, found] of Object.entries(cursor.found)) {
      const known = byId.get(Number(id));
      byId.set(Number(id), { id: Number(id), vendors: [...new Set([...(known?.vendors ?? []), ...found.vendors])] });
    }
    const at = (bill: Watched) => cursor.bills[bill.id]?.checkedAt ?? '';
    return [...byId.values()].sort((a, b) => at(a).localeCompare(at(b)));
  }

  async function poll(cursor: Cursor | undefined, signal?: AbortSignal): Promise<PollResult> {
    const previous = readLegiscanCursor(cursor);
    const now = deps.clock.now();
    const allowance = startPoll(previous.usage, {
      now,
      intervalMs: definition.intervalMs,
      ...(definition.monthlyLimit ? { limit: definition.monthlyLimit } : {}),
    });
    const next: LegiscanCursor = {
      bills: { ...previous.bills },
      found: { ...previous.found },
      resolved: { ...previous.resolved },
    };
    try {
      const items: Item[] = [];
      const failures: SourceFailure[] = [];
      // Close to the month's limit, searches for new bills wait; configured bills are still looked up.
      const asked = allowance.spreading ? { ...plan, queries: [] } : plan;
      const searched = await searchBills(asked, next, { ...deps, allowance }, signal);
      // A refusal of this poll's share is not LegiScan failing; a real 429 backs the source off.
      if (searched.failure && !allowance.exhausted) {
        if (searched.failure.kind === 'http-429')
          return { ok: false, failure: searched.failure, cursor: { ...previous, usage: allowance.usage() } };
        failures.push(searched.failure);
      }
      const outcome = await pollBills(watched(next), searched.hashes, next, allowance, items, failures, signal);
      if (outcome === 'failed' && !items.length && failures[0])
        return { ok: false, failure: failures[0], cursor: { ...previous, usage: allowance.usage() } };
      const usage = allowance.usage();
      const warning = allowance.exhausted
        ? `this poll's share of the month's LegiScan queries is used (${usage.requests} of ${usage.limit} this month); the rest wait for the next poll`
        : failures[0]?.message;
      // Newest first, as a feed lists them: ingest posts oldest first, so same-day stages keep their order.
      return { ok: true, items: items.reverse(), ...(warning ? { warning } : {}), cursor: { ...next, usage } };
    } catch (error) {
      return {
        ok: false,
        failure: { kind: 'parse', message: `unexpected error: ${errorMessage(error)}` },
        cursor: previous,
      };
    }
  }

  /** Reads the hashes the bills need, then the bills whose hash moved; 'failed' when nothing could be read. */
  async function pollBills(
    list: Watched[],
    hashes: Map<number, string>,
    next: LegiscanCursor,
    allowance: PollAllowance,
    items: Item[],
    failures: SourceFailure[],
    signal?: AbortSignal,
  ): Promise<'ok' | 'failed'> {
    const sessions = new Set(
      list.flatMap((bill) => {
        const s = next.bills[bill.id];
        return s && !hashes.has(bill.id) ? [s.sessionId] : [];
      }),
    );
    for (const session of sessions) {
      const master = await deps.api.masterList(session, allowance, signal);
      // This poll's share is spent: the rest wait (a warning, not a failure that would pause the source).
      if (!master.ok && master.budget) break;
      if (!master.ok) {
        failures.push(master.failure);
        continue;
      }
      for (const entry of master.value) if (!hashes.has(entry.bill_id)) hashes.set(entry.bill_id, entry.change_hash);
    }
    let read = 0;
    for (const bill of list) {
      const known = next.bills[bill.id];
      const hash = hashes.get(bill.id);
      if (known && (hash === undefined || hash === known.changeHash)) continue;
      const record = await deps.api.bill(bill.id, allowance, signal);
      if (!record.ok && record.budget) break;
      if (!record.ok) {
        failures.push(record.failure);
        deps.logger?.warn({ itemId: `legiscan:${bill.id}` }, `legiscan ${definition.id}: ${record.failure.message}`);
        continue;
      }
      read++;
      const vendors = bill.vendors.length ? bill.vendors : vendorsOf(record.value);
      if (!bill.vendors.length && vendors.length && next.found[bill.id])
        next.found[bill.id] = { ...(next.found[bill.id] as NonNullable<LegiscanCursor['found'][string]>), vendors };
      const { state, news } = advance(record.value, known);
      next.bills[bill.id] = { ...state, checkedAt: deps.clock.now().toISOString() };
      for (const stage of news)
        items.push(stateStageItem({ sourceId: definition.id, bill: record.value, stage, vendors, tracking: !known }));
    }
    return read || !failures.length ? 'ok' : 'failed';
  }

  function vendorsOf(bill: LegiscanBill): string[] {
    if (!deps.readTitle) return [];
    const texts = [bill.title ?? '', bill.description ?? ''].filter(Boolean);
    return [...new Set(texts.flatMap((text) => deps.readTitle?.(text).vendors ?? []))];
  }

  return {
    id: definition.id,
    name: definition.name ?? LEGISCAN_ATTRIBUTION,
    intervalMs: definition.intervalMs,
    backfill: 0,
    deltas: true,
    poll,
  };
}

/** The new state of a bill and the stages to post: the current one when tracking starts, else each new one. */
function advance(
  bill: LegiscanBill,
  known: StateBillState | undefined,
): { state: Omit<StateBillState, 'checkedAt'>; news: StateStage[] } {
  const stages = stateStages(bill);
  const ladder = ladderOf(stages);
  const sessionId = bill.session?.session_id ?? bill.session_id ?? 0;
  const latest = stages.at(-1);
  const state = {
    changeHash: bill.change_hash,
    sessionId,
    stage: latest?.stage ?? 'introduced',
    ladder,
    date: latest?.date ?? '',
  };
  if (!known) return { state, news: latest ? [latest] : [] };
  const rank = billStageRank(known.ladder);
  const news = stages.filter((s) =>
    isBillSetback(s.stage)
      ? s.date >= known.date && !(s.stage === known.stage && s.date === known.date)
      : billStageRank(s.stage) > rank,
  );
  if (!news.length) return { state: { ...state, stage: known.stage, date: known.date }, news };
  return { state, news };
}
