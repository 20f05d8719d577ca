import type { z } from 'zod';
import type { SourceFailure } from '../../domain/source.js';
import type { FeedFetcher } from '../../shared/http/feed-fetcher.js';
import { readJsonAnswer } from '../json-answer.js';
import {
  billAnswer,
  masterListAnswer,
  masterListEntry,
  numberedEntries,
  searchAnswer,
  searchHit,
  type LegiscanBill,
  type MasterEntry,
  type SearchHit,
} from './legiscan-schema.js';
import type { PollAllowance } from './monthly-usage.js';

/** `budget`: refused here because this poll's share of the month's queries is spent (nothing was sent). */
export type LegiscanResult<T> = { ok: true; value: T } | { ok: false; failure: SourceFailure; budget?: boolean };

/** The LegiScan calls banwatch makes; each is one query of the month's allowance. */
export interface LegiscanApi {
  /** getSearch: one page of full-text search hits (`state` a code or ALL; `year` 2 = current sessions). */
  search(
    params: { state: string; query?: string; bill?: string; year: number; page?: number },
    allowance: PollAllowance,
    signal?: AbortSignal,
  ): Promise<LegiscanResult<{ hits: SearchHit[]; pages: number }>>;
  /** getMasterListRaw: every bill of a session with its change_hash (nothing else). */
  masterList(sessionId: number, allowance: PollAllowance, signal?: AbortSignal): Promise<LegiscanResult<MasterEntry[]>>;
  /** getBill: the bill's record with progress[] and history[]. */
  bill(billId: number, allowance: PollAllowance, signal?: AbortSignal): Promise<LegiscanResult<LegiscanBill>>;
}

export interface LegiscanApiOptions {
  /** https://api.legiscan.com/ */
  baseUrl: string;
  apiKey: string;
  fetcher: Pick<FeedFetcher, 'fetch'>;
}

/**
 * LegiScan over the injected fetcher: `?key=K&op=...`. The key never appears in a failure
 * message. LegiScan says "ERROR" in a 200 answer (a bad key, an unknown id): that is a 4xx here.
 */
export function createLegiscanApi(options: LegiscanApiOptions): LegiscanApi {
  const base = options.baseUrl.replace(/\/*$/, '/');
  const hide = (text: string) =>
    text.split(options.apiKey).join('***').split(encodeURIComponent(options.apiKey)).join('***');

  async function get<S extends z.ZodType>(
    op: string,
    params: Record<string, string>,
    schema: S,
    what: string,
    allowance: PollAllowance,
    signal?: AbortSignal,
  ): Promise<LegiscanResult<z.output<S>>> {
    if (!allowance.take()) {
      return {
        ok: false,
        budget: true,
        failure: { kind: 'http-429', message: "this poll's share of the month's LegiScan queries is used up" },
      };
    }
    const query = new URLSearchParams({ key: options.apiKey, op, ...params });
    const outcome = await options.fetcher.fetch(`${base}?${query.toString()}`, signal ? { signal } : {});
    if (!outcome.ok)
      return {
        ok: false,
        failure: { ...outcome.failure, message: hide(`LegiScan, ${what}: ${outcome.failure.message}`) },
      };
    if (outcome.notModified)
      return { ok: false, failure: { kind: 'parse', message: `LegiScan answered 304 for ${what}` } };
    const read = readJsonAnswer(outcome.body, schema, `LegiScan, ${what}`);
    if (!read.ok) return read;
    const value = read.value as { status?: string; alert?: { message?: string | null } | null };
    if (value.status === 'ERROR') {
      const said = hide(value.alert?.message ?? 'no reason given');
      return { ok: false, failure: { kind: 'http-4xx', message: `LegiScan refused ${what}: ${said}` } };
    }
    return { ok: true, value: read.value };
  }

  return {
    async search(params, allowance, signal) {
      const query: Record<string, string> = { state: params.state, year: String(params.year) };
      if (params.query) query.query = params.query;
      if (params.bill) query.bill = params.bill;
      if (params.page && params.page > 1) query.page = String(params.page);
      const what = params.bill ? `the search for ${params.state} ${params.bill}` : `the search "${params.query ?? ''}"`;
      const result = await get('getSearch', query, searchAnswer, what, allowance, signal);
      if (!result.ok) return result;
      if (!('searchresult' in result.value)) return { ok: true, value: { hits: [], pages: 0 } };
      const found = result.value.searchresult;
      return {
        ok: true,
        value: { hits: numberedEntries(found, searchHit), pages: found.summary?.page_total ?? 1 },
      };
    },
    async masterList(sessionId, allowance, signal) {
      const what = `the master list of session ${sessionId}`;
      const result = await get(
        'getMasterListRaw',
        { id: String(sessionId) },
        masterListAnswer,
        what,
        allowance,
        signal,
      );
      if (!result.ok) return result;
      if (!('masterlist' in result.value)) return { ok: true, value: [] };
      return { ok: true, value: numberedEntries(result.value.masterlist, masterListEntry) };
    },
    async bill(billId, allowance, signal) {
      const result = await get('getBill', { id: String(billId) }, billAnswer, `bill ${billId}`, allowance, signal);
      if (!result.ok) return result;
      if (!('bill' in result.value))
        return { ok: false, failure: { kind: 'parse', message: `LegiScan, bill ${billId}: no bill in the answer` } };
      return { ok: true, value: result.value.bill };
    },
  };
}
