import type { Clock } from '../../domain/clock.js';
import type { SourceFailure } from '../../domain/source.js';
import type { LegiscanApi } from './legiscan-api.js';
import type { LegiscanCursor } from './legiscan-cursor.js';
import { CLASS_TITLE } from './legiscan-queries.js';
import type { SearchHit } from './legiscan-schema.js';
import { formatStateBillRef, type StateBillRef } from './state-bill-id.js';
import { isUsState } from '../../domain/us-states.js';
import type { PollAllowance } from './monthly-usage.js';

/** What a title says: relevant or not, and the vendors it names. */
export type TitleReader = (title: string) => { relevant: boolean; vendors: string[] };

export interface SearchPlan {
  /** Postal codes, or empty for every state. */
  states: readonly string[];
  queries: readonly string[];
  bills: readonly StateBillRef[];
  /** Most bills searches may add (each found bill costs a read whenever it changes). */
  maxFound: number;
}

/** Current sessions only: a bill of an earlier session is tracked by naming it in `bills`. */
const CURRENT_SESSIONS = 2;
/** LegiScan pages 50 hits, most relevant first; past two pages a query is too broad to follow anyway. */
const PAGES_PER_SEARCH = 2;

/**
 * Resolves configured bills to LegiScan ids (once: the id is kept) and runs the searches,
 * adding the hits worth following to `next.found`. A search hit carries the bill's change_hash,
 * returned in `hashes` so a tracked bill it shows needs no master list read this poll.
 */
export async function searchBills(
  plan: SearchPlan,
  next: LegiscanCursor,
  deps: { api: LegiscanApi; clock: Clock; readTitle?: TitleReader; allowance: PollAllowance },
  signal?: AbortSignal,
): Promise<{ hashes: Map<number, string>; failure?: SourceFailure }> {
  const hashes = new Map<number, string>();
  const wanted = (state: string) =>
    isUsState(state) && (!plan.states.length || plan.states.includes(state.toUpperCase()));
  for (const ref of plan.bills) {
    const name = formatStateBillRef(ref);
    if (next.resolved[name] !== undefined) continue;
    const result = await deps.api.search(
      { state: ref.state, bill: ref.number, year: ref.year },
      deps.allowance,
      signal,
    );
    if (!result.ok) return { hashes, failure: result.failure };
    const hit = result.value.hits.find(
      (h) => h.state.toUpperCase() === ref.state && h.bill_number.toUpperCase() === ref.number,
    );
    if (hit) next.resolved[name] = hit.bill_id;
  }
  const targets = plan.states.length ? plan.states : ['ALL'];
  for (const query of plan.queries) {
    for (const state of targets) {
      for (let page = 1, pages = 1; page <= Math.min(pages, PAGES_PER_SEARCH); page++) {
        const asked = { state, query, year: CURRENT_SESSIONS, page };
        const result = await deps.api.search(asked, deps.allowance, signal);
        if (!result.ok) return { hashes, failure: result.failure };
        pages = result.value.pages;
        for (const hit of result.value.hits) {
          if (!wanted(hit.state)) continue;
          hashes.set(hit.bill_id, hit.change_hash);
          consider(hit, next, plan, deps);
        }
      }
    }
  }
  return { hashes };
}

/** A hit is followed when its title names a vendor, reads as relevant, or is a "foreign adversary" procurement title. */
function consider(
  hit: SearchHit,
  next: LegiscanCursor,
  plan: SearchPlan,
  deps: { clock: Clock; readTitle?: TitleReader },
) {
  const id = String(hit.bill_id);
  if (next.found[id] || Object.keys(next.found).length >= plan.maxFound) return;
  const title = (hit.title ?? '').trim();
  const verdict = deps.readTitle?.(title) ?? { relevant: false, vendors: [] };
  if (!verdict.relevant && !verdict.vendors.length && !CLASS_TITLE.test(title)) return;
  next.found[id] = { title, vendors: verdict.vendors, foundAt: deps.clock.now().toISOString() };
}
