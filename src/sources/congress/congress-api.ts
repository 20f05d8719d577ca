import { readJsonAnswer } from '../json-answer.js';
import type { z } from 'zod';
import { formatBillId, type BillId } from '../../domain/bill-id.js';
import type { SourceFailure } from '../../domain/source.js';
import type { FeedFetcher } from '../../shared/http/feed-fetcher.js';
import type { BillAction } from './action-events.js';
import {
  actionsResponse,
  billListResponse,
  billResponse,
  lawListResponse,
  relatedBillsResponse,
  toBillAction,
  type CongressBill,
  type LawEntry,
  type ListedBill,
  type RelatedBill,
} from './congress-schema.js';
import type { RequestBudget } from './request-budget.js';

/** `budget`: refused here because this hour's allowance is used up (nothing was sent). */
export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; failure: SourceFailure; notFound?: boolean; budget?: boolean };

/** The Congress.gov API v3 calls banwatch makes; every one costs one request of the budget. */
export interface CongressApi {
  bill(bill: BillId, signal?: AbortSignal): Promise<ApiResult<CongressBill>>;
  /** Every action of the bill, oldest first (Congress.gov lists them newest first), following pages. */
  actions(bill: BillId, signal?: AbortSignal): Promise<ApiResult<BillAction[]>>;
  /** The bills Congress.gov relates to this one (identical, text incorporated, ...); none when it has none. */
  relatedBills(bill: BillId, signal?: AbortSignal): Promise<ApiResult<RelatedBill[]>>;
  /** The bills of a Congress that became law (`/law/{congress}`), every page up to a bound. */
  laws(congress: number, signal?: AbortSignal): Promise<ApiResult<LawEntry[]>>;
  /**
   * One page of the bills updated in `[from, to]`, oldest update first, after the first `skip`;
   * `complete` when no page follows it.
   */
  updatedBills(
    window: { from: string; to: string; skip: number },
    signal?: AbortSignal,
  ): Promise<ApiResult<{ bills: ListedBill[]; complete: boolean }>>;
}

export interface CongressApiOptions {
  /** e.g. https://api.congress.gov/v3 */
  baseUrl: string;
  apiKey: string;
  fetcher: Pick<FeedFetcher, 'fetch'>;
  budget: RequestBudget;
  /** Items per page (Congress.gov allows up to 250). */
  pageSize?: number;
  /** Pages of actions read at most (a bill with more actions than this is read in part). */
  maxActionPages?: number;
}

/**
 * Congress.gov over the injected fetcher (timeouts, size cap, Retry-After): always
 * `format=json`, the key as `api_key`. The key never appears in a failure message, and a
 * next-page URL from a response is never followed (it carries the key to whatever host it
 * names): pages are requested by offset.
 */
export function createCongressApi(options: CongressApiOptions): CongressApi {
  const base = options.baseUrl.replace(/\/+$/, '');
  const pageSize = options.pageSize ?? 250;
  const hide = (text: string) =>
    text.split(options.apiKey).join('***').split(encodeURIComponent(options.apiKey)).join('***');

  async function get<S extends z.ZodType>(
    path: string,
    params: Record<string, string>,
    schema: S,
    what: string,
    signal?: AbortSignal,
  ): Promise<ApiResult<z.output<S>>> {
    if (!(await options.budget.take())) {
      const wait = options.budget.waitMs();
      return {
        ok: false,
        budget: true,
        failure: {
          kind: 'http-429',
          message: 'the Congress.gov request budget for this hour is used up (5,000 requests an hour per key)',
          retryAfterMs: wait,
        },
      };
    }
    const query = new URLSearchParams({ ...params, format: 'json', api_key: options.apiKey });
    const outcome = await options.fetcher.fetch(`${base}${path}?${query.toString()}`, signal ? { signal } : {});
    if (!outcome.ok) return failed(outcome.failure, what, hide);
    if (outcome.notModified)
      return { ok: false, failure: { kind: 'parse', message: `Congress.gov answered 304 for ${what}` } };
    return readJsonAnswer(outcome.body, schema, `Congress.gov, ${what}`);
  }

  const billPath = (bill: BillId) => `/bill/${bill.congress}/${bill.type}/${bill.number}`;

  return {
    async bill(bill, signal) {
      const result = await get(billPath(bill), {}, billResponse, `bill ${formatBillId(bill)}`, signal);
      return result.ok ? { ok: true, value: result.value.bill } : result;
    },
    async actions(bill, signal) {
      const actions: BillAction[] = [];
      for (let page = 0; page < (options.maxActionPages ?? 8); page++) {
        const params = { limit: String(pageSize), offset: String(page * pageSize) };
        const result = await get(
          `${billPath(bill)}/actions`,
          params,
          actionsResponse,
          `the actions of ${formatBillId(bill)}`,
          signal,
        );
        if (!result.ok) return result;
        actions.push(...result.value.actions.map(toBillAction));
        const total = result.value.pagination?.count ?? actions.length;
        if (result.value.actions.length < pageSize || actions.length >= total) break;
      }
      return { ok: true, value: actions.reverse() };
    },
    async relatedBills(bill, signal) {
      const params = { limit: String(pageSize) };
      const what = `the bills related to ${formatBillId(bill)}`;
      const result = await get(`${billPath(bill)}/relatedbills`, params, relatedBillsResponse, what, signal);
      if (!result.ok) return result.notFound ? { ok: true, value: [] } : result;
      return { ok: true, value: result.value.relatedBills };
    },
    async laws(congress, signal) {
      const laws: LawEntry[] = [];
      // A Congress passes a few hundred laws (the 117th: 362 public, 0 private): two pages.
      for (let page = 0; page < 6; page++) {
        const params = { limit: String(pageSize), offset: String(page * pageSize) };
        const result = await get(
          `/law/${congress}`,
          params,
          lawListResponse,
          `the laws of the ${congress}th Congress`,
          signal,
        );
        if (!result.ok) return result.notFound ? { ok: true, value: laws } : result;
        laws.push(...result.value.bills);
        const total = result.value.pagination?.count ?? laws.length;
        if (result.value.bills.length < pageSize || laws.length >= total) break;
      }
      return { ok: true, value: laws };
    },
    async updatedBills(window, signal) {
      const params = {
        fromDateTime: window.from,
        toDateTime: window.to,
        sort: 'updateDate asc',
        limit: String(pageSize),
        offset: String(window.skip),
      };
      const result = await get('/bill', params, billListResponse, 'recently updated bills', signal);
      if (!result.ok) return result;
      const bills = result.value.bills;
      const total = result.value.pagination?.count;
      const complete = bills.length < pageSize || (typeof total === 'number' && window.skip + bills.length >= total);
      return { ok: true, value: { bills, complete } };
    },
  };
}

/** Says what went wrong in Congress.gov's terms; the key is masked in whatever the fetcher said. */
function failed(
  failure: SourceFailure,
  what: string,
  hide: (text: string) => string,
): { ok: false; failure: SourceFailure; notFound?: boolean } {
  const status = Number(/\bHTTP (\d{3})\b/.exec(failure.message)?.[1]);
  if (status === 404)
    return {
      ok: false,
      notFound: true,
      failure: { kind: 'http-4xx', message: `${what} was not found on Congress.gov (HTTP 404)` },
    };
  if (status === 401 || status === 403) {
    return {
      ok: false,
      failure: {
        kind: 'http-4xx',
        message: `Congress.gov refused the API key (HTTP ${status}); check CONGRESS_API_KEY`,
      },
    };
  }
  return { ok: false, failure: { ...failure, message: hide(`Congress.gov, ${what}: ${failure.message}`) } };
}
