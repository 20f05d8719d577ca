import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 that plays Congress.gov API v3 for tests (CONGRESS_API_URL
 * points at `url`). It serves what the test puts in it, in the real response shapes:
 *
 *   const api = await startFakeCongressApi({ apiKey: 'test-key' });
 *   api.bill('hr5515-115', record, actions)   // GET /v3/bill/115/hr/5515 and .../actions
 *   api.list(bills)                           // GET /v3/bill?fromDateTime=...&toDateTime=...&sort=updateDate+asc
 *   api.script({ status: 429, retryAfter: 60 })
 *
 * Like the real API it wants `format=json` and the key as `api_key` (403 otherwise), pages with
 * `limit` and `offset`, and lists bills updated in `[fromDateTime, toDateTime]` in `sort` order.
 * Every request is recorded with its query, so tests can count them and check parameters.
 */
export interface FakeCongressApi {
  /** `http://127.0.0.1:PORT/v3` */
  readonly url: string;
  readonly requests: Array<{ path: string; query: URLSearchParams; status: number }>;
  bill(id: string, record: Record<string, unknown>, actions: unknown[]): void;
  remove(id: string): void;
  /** GET /v3/bill/{congress}/{type}/{number}/relatedbills answers `relatedBills` (404 until set, as for an unknown bill). */
  related(id: string, relatedBills: unknown[]): void;
  list(bills: Array<Record<string, unknown>>): void;
  /** GET /v3/law/{congress} answers these entries (`{bills[], pagination}`; none until set). */
  laws(congress: number, entries: Array<Record<string, unknown>>): void;
  /** Answers for the next requests, in order (a 429 always carries Retry-After). */
  script(...answers: Array<{ status: number; retryAfter?: number; body?: unknown }>): void;
  close(): Promise<void>;
}

/**
 * A listed bill's updateDate as the API compares it (`YYYY-MM-DDTHH:MM:SSZ`): the list gives a
 * day (`2022-04-03`, the 2022 recordings) or a time; '' when it has none.
 */
const updatedAt = (bill: Record<string, unknown>): string => {
  const value = typeof bill.updateDate === 'string' ? bill.updateDate : '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  return value && !Number.isNaN(Date.parse(value)) ? `${new Date(value).toISOString().slice(0, 19)}Z` : value;
};

export async function startFakeCongressApi(options: { apiKey: string }): Promise<FakeCongressApi> {
  const bills = new Map<string, { record: Record<string, unknown>; actions: unknown[] }>();
  const relations = new Map<string, unknown[]>();
  const lawLists = new Map<number, Array<Record<string, unknown>>>();
  let listed: Array<Record<string, unknown>> = [];
  const scripted: Array<{ status: number; retryAfter?: number; body?: unknown }> = [];
  const requests: FakeCongressApi['requests'] = [];

  const page = <T>(items: T[], query: URLSearchParams) => {
    const limit = Math.min(Number(query.get('limit') ?? 20), 250);
    const offset = Number(query.get('offset') ?? 0);
    return {
      slice: items.slice(offset, offset + limit),
      pagination: {
        count: items.length,
        ...(offset + limit < items.length ? { next: `next?offset=${offset + limit}` } : {}),
      },
    };
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      requests.push({ path: url.pathname, query: url.searchParams, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    const next = scripted.shift();
    if (next)
      return send(
        next.status,
        next.body ?? { error: `HTTP ${next.status}` },
        next.status === 429 ? { 'retry-after': String(next.retryAfter ?? 1) } : {},
      );
    if (url.searchParams.get('api_key') !== options.apiKey)
      return send(403, { error: { code: 'API_KEY_INVALID', message: 'An invalid api_key was supplied.' } });
    if (url.searchParams.get('format') !== 'json') return send(400, { error: 'format=json expected by this fake' });
    const lawMatch = /^\/v3\/law\/(\d+)$/.exec(url.pathname);
    if (lawMatch) {
      const { slice, pagination } = page(lawLists.get(Number(lawMatch[1])) ?? [], url.searchParams);
      return send(200, { bills: slice, pagination, request: { congress: lawMatch[1], format: 'json' } });
    }
    const relatedMatch = /^\/v3\/bill\/(\d+)\/([a-z]+)\/(\d+)\/relatedbills$/.exec(url.pathname);
    if (relatedMatch) {
      const related = relations.get(`${relatedMatch[2]}${relatedMatch[3]}-${relatedMatch[1]}`);
      if (!related) return send(404, { error: 'Unknown resource' });
      const { slice, pagination } = page(related, url.searchParams);
      return send(200, { relatedBills: slice, pagination, request: { format: 'json' } });
    }
    const match = /^\/v3\/bill\/(\d+)\/([a-z]+)\/(\d+)(\/actions)?$/.exec(url.pathname);
    if (match) {
      const entry = bills.get(`${match[2]}${match[3]}-${match[1]}`);
      if (!entry) return send(404, { error: 'Unknown resource' });
      if (!match[4])
        return send(200, {
          bill: entry.record,
          request: { congress: match[1], billType: match[2], billNumber: match[3], format: 'json' },
        });
      const { slice, pagination } = page(entry.actions, url.searchParams);
      return send(200, {
        actions: slice,
        pagination,
        request: { congress: match[1], billType: match[2], billNumber: match[3], format: 'json' },
      });
    }
    if (url.pathname === '/v3/bill') {
      const from = url.searchParams.get('fromDateTime');
      const to = url.searchParams.get('toDateTime');
      // Ties keep the order the test gave, as the real API keeps a stable order between pages.
      const direction = url.searchParams.get('sort') === 'updateDate asc' ? 1 : -1;
      const recent = listed
        .map((bill, index) => ({ bill, index }))
        .filter(({ bill }) => (!from || updatedAt(bill) >= from) && (!to || updatedAt(bill) <= to))
        .sort((a, b) => direction * updatedAt(a.bill).localeCompare(updatedAt(b.bill)) || a.index - b.index)
        .map(({ bill }) => bill);
      const { slice, pagination } = page(recent, url.searchParams);
      return send(200, { bills: slice, pagination, request: { contentType: 'application/json', format: 'json' } });
    }
    return send(404, { error: 'Unknown resource' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v3`,
    requests,
    bill: (id, record, actions) => bills.set(id, { record, actions }),
    remove: (id) => bills.delete(id),
    related: (id, relatedBills) => relations.set(id, relatedBills),
    laws: (congress, entries) => lawLists.set(congress, entries),
    list: (items) => {
      listed = items;
    },
    script: (...answers) => scripted.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
