import type { z } from 'zod';
import type { SourceFailure } from '../../domain/source.js';
import { errorMessage } from '../../shared/errors.js';
import type { RequestBudget } from '../congress/request-budget.js';
import { readJsonAnswer } from '../json-answer.js';
import { searchAnswer } from './govinfo-schema.js';

export type GovinfoResult<T> = { ok: true; value: T } | { ok: false; failure: SourceFailure };

/** The GovInfo API calls full-text discovery makes. */
export interface GovinfoApi {
  /** One page of `POST /search` (`offsetMark` `*` for the first), newest change first. */
  search(
    query: string,
    offsetMark: string,
    signal?: AbortSignal,
  ): Promise<GovinfoResult<z.output<typeof searchAnswer>>>;
  /** A package's XML text (`/packages/{id}/xml`). */
  packageXml(packageId: string, signal?: AbortSignal): Promise<GovinfoResult<string>>;
}

export interface GovinfoApiOptions {
  /** e.g. https://api.govinfo.gov */
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  /** Largest answer read (bill texts of an NDAA run to several MB). */
  maxBytes?: number;
  pageSize?: number;
  /** Requests allowed per key (shared by instances on a shared store); every call takes one. */
  budget?: RequestBudget;
}

/** api.data.gov's default allowance for a key, which GovInfo keys are. */
export const GOVINFO_REQUESTS_PER_HOUR = 1_000;

/**
 * GovInfo over Node's fetch: the search is a POST, which the feed fetcher does not make, and
 * both hosts are fixed by configuration, not by what an answer says. The key travels as
 * `api_key` and is masked in every failure message.
 */
export function createGovinfoApi(options: GovinfoApiOptions): GovinfoApi {
  const base = options.baseUrl.replace(/\/+$/, '');
  const maxBytes = options.maxBytes ?? 40 * 1024 * 1024;
  const hide = (text: string) => text.split(options.apiKey).join('***');

  async function call(path: string, init: RequestInit, what: string, signal?: AbortSignal) {
    if (options.budget && !(await options.budget.take()))
      return {
        ok: false as const,
        failure: {
          kind: 'http-429' as const,
          message: `GovInfo, ${what}: the request budget for this hour is used up`,
          retryAfterMs: options.budget.waitMs(),
        },
      };
    const url = `${base}${path}${path.includes('?') ? '&' : '?'}api_key=${encodeURIComponent(options.apiKey)}`;
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    try {
      const response = await fetch(url, { ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      const body = Buffer.from(await response.arrayBuffer());
      if (body.length > maxBytes)
        return fail('too-large', `GovInfo, ${what}: the answer is larger than ${maxBytes} bytes`);
      if (response.status === 429) {
        const seconds = Number(response.headers.get('retry-after'));
        return {
          ok: false as const,
          failure: {
            kind: 'http-429' as const,
            message: `GovInfo, ${what}: HTTP 429`,
            ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}),
          },
        };
      }
      if (response.status === 401 || response.status === 403)
        return fail('http-4xx', `GovInfo refused the API key (HTTP ${response.status}); check GOVINFO_API_KEY`);
      if (response.status >= 400)
        return fail(response.status >= 500 ? 'http-5xx' : 'http-4xx', `GovInfo, ${what}: HTTP ${response.status}`);
      return { ok: true as const, body };
    } catch (error) {
      return fail('network', hide(`GovInfo, ${what}: ${errorMessage(error)}`));
    }
  }

  return {
    async search(query, offsetMark, signal) {
      const body = JSON.stringify({
        query,
        pageSize: options.pageSize ?? 100,
        offsetMark,
        sorts: [{ field: 'lastModified', sortOrder: 'DESC' }],
      });
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
      const answer = await call('/search', init, 'search', signal);
      if (!answer.ok) return answer;
      return readJsonAnswer(answer.body, searchAnswer, 'GovInfo, search');
    },
    async packageXml(packageId, signal) {
      const what = `the text of ${packageId}`;
      const answer = await call(`/packages/${encodeURIComponent(packageId)}/xml`, { method: 'GET' }, what, signal);
      return answer.ok ? { ok: true, value: answer.body.toString('utf8') } : answer;
    },
  };
}

function fail(kind: SourceFailure['kind'], message: string): { ok: false; failure: SourceFailure } {
  return { ok: false, failure: { kind, message } };
}
