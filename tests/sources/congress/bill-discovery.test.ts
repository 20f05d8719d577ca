import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/classify/classifier.js';
import { loadVendorCatalog } from '../../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE } from '../../../src/config/load-config.js';
import type { TrackedBill } from '../../../src/domain/instrument.js';
import type { Cursor, PollResult } from '../../../src/domain/source.js';
import { createFeedFetcher, type FeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { createCongressApi } from '../../../src/sources/congress/congress-api.js';
import { createCongressSource } from '../../../src/sources/congress/congress-source.js';
import { createRequestBudget } from '../../../src/sources/congress/request-budget.js';
import { startFakeCongressApi, type FakeCongressApi } from '../../fakes/congress-api.js';
import { govJson } from '../../support/gov-fixtures.js';
import { mutableClock } from '../../support/mutable-clock.js';

/**
 * Discovery over a large stream of updates. The listed bills take the shape and the titles of
 * the real `/v3/bill` recording (date-only `updateDate`, as in 2022), numbered in a congress
 * that does not exist yet (150th), so no fact is claimed about a real bill.
 */
const KEY = 'discovery-key-41c2';
const RELEVANT =
  'To prohibit Federal agencies from procuring video surveillance equipment produced by Hikvision or Dahua, and for other purposes.';
const clock = mutableClock('2026-12-01T12:00:00Z');
const classifier = createClassifier(loadVendorCatalog(DEFAULT_VENDORS_FILE));
let api: FakeCongressApi;
let fetcher: FeedFetcher;

beforeAll(async () => {
  api = await startFakeCongressApi({ apiKey: KEY });
  fetcher = createFeedFetcher({ clock, timeoutMs: 3_000 });
});
afterAll(async () => {
  await api.close();
  await fetcher.close();
});

/** The run-time store, shared by both "processes"; `crashAt` makes the nth add kill the poll. */
function store(crashAt?: number) {
  const bills: TrackedBill[] = [];
  let adds = 0;
  return {
    bills,
    list: async () => [...bills],
    add: async (bill: TrackedBill) => {
      if (++adds === crashAt) throw new Error('process killed');
      if (bills.some((b) => b.id === bill.id)) return false;
      bills.push(bill);
      return true;
    },
  };
}

/** A fresh process: new API client and source over the same store and fake Congress.gov. */
function start(tracked: ReturnType<typeof store>, limit?: number) {
  const congress = createCongressApi({
    baseUrl: api.url,
    apiKey: KEY,
    fetcher,
    budget: createRequestBudget({ clock, ...(limit ? { limit } : {}) }),
  });
  return createCongressSource(
    // Four pages a poll, so that 2,500 updates take several polls.
    { id: 'congress', intervalMs: 1_800_000, bills: [], discover: true, discoverPagesPerPoll: 4 },
    {
      api: congress,
      clock,
      tracked,
      classifyTitle: (title) => {
        const verdict = classifier.classify({ title });
        return { relevant: verdict.relevant, vendors: verdict.vendors };
      },
    },
  );
}

function ok(result: PollResult): Extract<PollResult, { ok: true }> {
  if (!result.ok) throw new Error(`poll failed: ${result.failure.kind} ${result.failure.message}`);
  return result;
}

describe('bill discovery over every update since its cursor', () => {
  it('2,500 updated bills with a crash in the middle: every relevant bill is tracked and alerted once', async () => {
    const real = govJson<{ bills: Array<Record<string, unknown>> }>('congress-gov-api/bill.json').bills;
    const relevant: string[] = [];
    const listed = Array.from({ length: 2_500 }, (_, index) => {
      const number = String(index + 1);
      const hit = index % 100 === 37;
      if (hit) relevant.push(`hr${number}-150`);
      // 500 bills share each day's date-only update, more than two pages of 250.
      const day = `2026-11-${String(10 + Math.floor(index / 500)).padStart(2, '0')}`;
      const title = hit ? RELEVANT : String(real[index % real.length]?.title);
      if (hit)
        api.bill(
          `hr${number}-150`,
          { congress: 150, number, type: 'HR', title, introducedDate: day, updateDate: day },
          [
            {
              actionCode: '1000',
              actionDate: day,
              text: 'Introduced in House',
              sourceSystem: { code: 9, name: 'Library of Congress' },
            },
          ],
        );
      return { congress: 150, number, type: 'HR', originChamber: 'House', title, updateDate: day };
    });
    api.list(listed);

    const tracked = store(14);
    const alerted: string[] = [];
    // First process: one full poll (four pages), then killed part way through the second.
    const first = ok(await start(tracked).poll(undefined));
    alerted.push(...first.items.map((item) => item.key));
    expect(api.requests[0]?.query.get('fromDateTime')).toBe('2026-11-01T12:00:00Z');
    expect(first.cursor.discovery).toMatchObject({ to: '2026-12-01T12:00:00Z' });
    const crashed = await start(tracked).poll(first.cursor);
    expect(crashed.ok).toBe(false);

    // Restarted from the last cursor it saved, it reads on until the window is done.
    let cursor: Cursor = first.cursor;
    const restarted = start(tracked);
    for (let poll = 0; poll < 5 && (cursor.discovery as { to?: string }).to; poll++) {
      clock.advance(1_800_000);
      const result = ok(await restarted.poll(cursor));
      alerted.push(...result.items.map((item) => item.key));
      cursor = result.cursor;
    }
    expect(cursor.discovery).toEqual({ from: '2026-12-01T11:55:00Z', skip: 0 });
    expect(relevant).toHaveLength(25);
    expect(tracked.bills.map((bill) => bill.id).sort()).toEqual([...relevant].sort());
    expect(alerted.filter((key) => key.endsWith(':introduced')).sort()).toEqual(
      relevant.map((id) => `bill:${id}:introduced`).sort(),
    );
    // No page was asked past the window's end, and the 20-bill and 1,000-update caps are gone.
    const scans = api.requests.filter((r) => r.path === '/v3/bill');
    expect(scans.every((r) => r.query.get('toDateTime') === '2026-12-01T12:00:00Z')).toBe(true);
  });

  it('a scan cut short by the request budget keeps its place: the next poll reads on, nothing is skipped', async () => {
    clock.set('2026-12-01T12:00:00Z');
    const real = govJson<{ bills: Array<Record<string, unknown>> }>('congress-gov-api/bill.json').bills;
    api.list(
      Array.from({ length: 600 }, (_, index) => ({
        congress: 150,
        number: String(5_000 + index),
        type: 'HR',
        title: index === 550 ? RELEVANT : String(real[index % real.length]?.title),
        updateDate: `2026-11-2${Math.floor(index / 300)}T0${index % 10}:00:00Z`,
      })),
    );
    api.bill('hr5550-150', { congress: 150, number: '5550', type: 'HR', title: RELEVANT }, []);
    const tracked = store();
    // One request an hour: the first page is read, the second is refused by the budget.
    const source = start(tracked, 1);
    const first = await source.poll(undefined);
    expect(first).toMatchObject({ ok: false, failure: { kind: 'http-429' } });
    const kept = first.cursor?.discovery as { from: string; skip: number; to: string };
    expect(kept.to).toBe('2026-12-01T12:00:00Z');
    expect(kept.from > '2026-11-20T00:00:00Z').toBe(true);
    expect(tracked.bills).toEqual([]);
    let cursor = first.cursor as Cursor;
    for (let poll = 0; poll < 6 && (cursor.discovery as { to?: string }).to; poll++) {
      clock.advance(3_600_000);
      const next = await source.poll(cursor);
      cursor = next.cursor as Cursor;
    }
    expect(cursor.discovery).toEqual({ from: '2026-12-01T11:55:00Z', skip: 0 });
    expect(tracked.bills.map((bill) => bill.id)).toEqual(['hr5550-150']);
    // Every page was asked once, after the page before it.
    const offsets = api.requests.filter((r) => r.path === '/v3/bill' && r.status === 200);
    expect(offsets.length).toBeGreaterThanOrEqual(3);
  });
});
