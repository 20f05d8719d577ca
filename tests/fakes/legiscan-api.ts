import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

/**
 * A real HTTP server on 127.0.0.1 that plays the LegiScan API (`?key=K&op=...`) for tests and
 * the demo. It holds getBill records (from tests/fixtures/legiscan, see SOURCES.txt there) and
 * answers getBill, getMasterListRaw and getSearch from them in LegiScan's shapes: errors as
 * HTTP 200 with `status: "ERROR"`, lists as objects keyed "0", "1", ... Every request is recorded.
 *
 *   const api = await startFakeLegiscanApi({ apiKey: 'k' });
 *   api.bill(billAsOf(droneBill(), '2012-02-14'));   // the bill as it stood that day
 */
export interface FakeLegiscanApi {
  /** `http://127.0.0.1:PORT/` for LEGISCAN_API_URL. */
  readonly url: string;
  readonly requests: Array<{ op: string; query: URLSearchParams }>;
  /** Puts (or replaces) a getBill `bill` record. */
  bill(record: LegiscanRecord): void;
  /** Requests of one op made since `from` (an index into `requests`). */
  count(op: string, from?: number): number;
  close(): Promise<void>;
}

export type LegiscanRecord = Record<string, unknown> & {
  bill_id: number;
  state: string;
  bill_number: string;
  change_hash: string;
  session: { session_id: number };
  progress: Array<{ date: string; event: number }>;
  history: Array<{ date: string; action: string }>;
};

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'legiscan');

export function readLegiscanFixture(name: string): LegiscanRecord {
  return (JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8')) as { bill: LegiscanRecord }).bill;
}

/** The edited AR HB1044 copy whose title is about drones from foreign adversaries (SOURCES.txt). */
export const droneBill = () => readLegiscanFixture('getbill-AR-2012F-HB1044-drone-edit.json');

/**
 * The record as it stood at the end of `day`: progress and history cut there, status from the
 * last progress event, and a new change_hash whenever what is shown changed (as LegiScan's does).
 */
export function billAsOf(record: LegiscanRecord, day: string): LegiscanRecord {
  const progress = record.progress.filter((event) => event.date <= day);
  const history = record.history.filter((entry) => entry.date <= day);
  const status = [...progress].reverse().find((event) => event.event >= 1 && event.event <= 6)?.event ?? 1;
  const cut = { ...record, progress, history, status, status_date: progress.at(-1)?.date ?? day };
  const hash = createHash('md5')
    .update(JSON.stringify({ ...cut, change_hash: '' }))
    .digest('hex');
  return { ...cut, change_hash: hash };
}

/** A term matches when the text holds it (quotes removed); AND binds tighter than nothing else here. */
function matches(query: string, text: string): boolean {
  const lower = text.toLowerCase();
  return query.split(/\s+AND\s+/).every((part) =>
    part
      .replace(/^\(|\)$/g, '')
      .split(/\s+OR\s+/)
      .some((term) => lower.includes(term.replace(/["()]/g, '').trim().toLowerCase())),
  );
}

/** `pageSize`: search hits per page (LegiScan's is 50). */
export async function startFakeLegiscanApi(options: { apiKey: string; pageSize?: number }): Promise<FakeLegiscanApi> {
  const pageSize = options.pageSize ?? 50;
  const bills = new Map<number, LegiscanRecord>();
  const requests: FakeLegiscanApi['requests'] = [];
  const server: Server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://fake').searchParams;
    const op = query.get('op') ?? '';
    requests.push({ op, query });
    const send = (body: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const error = (message: string) => send({ status: 'ERROR', alert: { message } });
    if (query.get('key') !== options.apiKey) return error('Invalid API key');
    const numbered = (rows: unknown[]) => Object.fromEntries(rows.map((row, index) => [String(index), row]));
    if (op === 'getBill') {
      const bill = bills.get(Number(query.get('id')));
      return bill ? send({ status: 'OK', bill }) : error('Unknown bill id');
    }
    if (op === 'getMasterListRaw') {
      const session = Number(query.get('id'));
      const rows = [...bills.values()]
        .filter((bill) => bill.session.session_id === session)
        .map((bill) => ({ bill_id: bill.bill_id, number: bill.bill_number, change_hash: bill.change_hash }));
      return send({ status: 'OK', masterlist: { session: { session_id: session }, ...numbered(rows) } });
    }
    if (op === 'getSearch') {
      const state = (query.get('state') ?? 'ALL').toUpperCase();
      const text = query.get('query');
      const number = query.get('bill')?.toUpperCase();
      const hits = [...bills.values()]
        .filter((bill) => state === 'ALL' || bill.state === state)
        .filter((bill) => (number ? bill.bill_number.toUpperCase() === number : true))
        .filter((bill) => (text ? matches(text, `${String(bill.title)} ${String(bill.description)}`) : true))
        .map((bill) => ({
          relevance: 100,
          state: bill.state,
          bill_number: bill.bill_number,
          bill_id: bill.bill_id,
          change_hash: bill.change_hash,
          url: bill.url,
          last_action_date: bill.history.at(-1)?.date,
          last_action: bill.history.at(-1)?.action,
          title: bill.title,
        }));
      const pages = Math.max(1, Math.ceil(hits.length / pageSize));
      const page = Math.min(Math.max(1, Number(query.get('page') ?? 1)), pages);
      const summary = { page: `${page} of ${pages}`, count: hits.length, page_current: page, page_total: pages };
      const shown = hits.slice((page - 1) * pageSize, page * pageSize);
      return send({ status: 'OK', searchresult: { summary, ...numbered(shown) } });
    }
    return error(`Unknown operation ${op}`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    bill: (record) => bills.set(record.bill_id, record),
    count: (op, from = 0) => requests.slice(from).filter((r) => r.op === op).length,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
