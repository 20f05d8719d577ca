import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/classify/classifier.js';
import { loadVendorCatalog } from '../../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE } from '../../../src/config/load-config.js';
import type { Item } from '../../../src/domain/item.js';
import type { Cursor, PollResult, Source } from '../../../src/domain/source.js';
import { createFeedFetcher, type FeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { createLegiscanApi } from '../../../src/sources/legiscan/legiscan-api.js';
import { defaultQueries } from '../../../src/sources/legiscan/legiscan-queries.js';
import { createLegiscanSource, type LegiscanSourceDefinition } from '../../../src/sources/legiscan/legiscan-source.js';
import {
  billAsOf,
  droneBill,
  readLegiscanFixture,
  startFakeLegiscanApi,
  type FakeLegiscanApi,
} from '../../fakes/legiscan-api.js';
import { mutableClock } from '../../support/mutable-clock.js';

const KEY = 'unit-legiscan-key-51c2';
const catalog = loadVendorCatalog(DEFAULT_VENDORS_FILE);
const classifier = createClassifier(catalog);
const clock = mutableClock('2012-02-15T18:00:00Z');
let api: FakeLegiscanApi;
let fetcher: FeedFetcher;

beforeAll(async () => {
  api = await startFakeLegiscanApi({ apiKey: KEY });
  fetcher = createFeedFetcher({ clock, timeoutMs: 3_000 });
  // An unrelated real bill is in the same fake legislature data: the searches must not pick it.
  api.bill(readLegiscanFixture('getbill-AK-2011-HB1.json'));
});
afterAll(async () => {
  await api.close();
  await fetcher.close();
});

function source(definition: Partial<LegiscanSourceDefinition> = {}) {
  return createLegiscanSource(
    {
      id: 'states',
      intervalMs: 21_600_000,
      states: [],
      queries: defaultQueries(catalog.all().map((vendor) => vendor.name)),
      bills: [],
      ...definition,
    },
    {
      api: createLegiscanApi({ baseUrl: api.url, apiKey: KEY, fetcher }),
      clock,
      readTitle: (title) => {
        const verdict = classifier.classify({ title });
        return { relevant: verdict.relevant, vendors: verdict.vendors };
      },
    },
  );
}

const ok = (result: PollResult): { items: Item[]; cursor: Cursor } => {
  if (!result.ok) throw new Error(`poll failed: ${result.failure.message}`);
  return result;
};

describe('legiscan source: a state drone-procurement bill from search to law', () => {
  let states: Source;
  let cursor: Cursor | undefined;
  // Requests of a poll whose cursor was thrown away (a simulated crash) are not in the saved count.
  let discarded = 0;
  beforeAll(() => {
    states = source();
  });

  it('finds the bill by search and states its current stage in the first alert', async () => {
    api.bill(billAsOf(droneBill(), '2012-02-15'));
    const result = ok(await states.poll(undefined));
    cursor = result.cursor;
    expect(result.items.map((item) => item.title)).toEqual([
      'Now tracking Arkansas HB1044 (2012), passed the House: An Act To Prohibit State Agencies From Purchasing Or Operating Drones Made By Foreign Adversaries, Such As DJI; And For Other Purposes.',
    ]);
    const [item] = result.items;
    expect(item?.kind).toBe('bill');
    expect(item?.thread).toMatchObject({
      key: 'bill:us-ar-hb1044-957',
      label: 'AR HB1044 (2012)',
      stage: 'passed-one-chamber',
      chamber: 'House',
      jurisdiction: 'US-state:AR',
      vendors: ['DJI'],
    });
    expect(item?.summary).toContain('2012-02-15: House Read the third time and passed');
    expect(item?.summary).toContain('LegiScan (CC BY 4.0)');
    expect(item?.link).toBe('https://legiscan.com/AR/bill/HB1044/2012/F');
    // The unrelated Alaska bill was never read.
    expect(api.requests.filter((r) => r.op === 'getBill').map((r) => r.query.get('id'))).toEqual(['396373']);
    expect(api.requests.every((r) => r.query.get('key') === KEY)).toBe(true);
  });

  it('reads no bill while its change_hash stands still', async () => {
    const from = api.requests.length;
    const result = ok(await states.poll(cursor));
    cursor = result.cursor;
    expect(result.items).toEqual([]);
    expect(api.count('getBill', from)).toBe(0);
    expect(api.count('getSearch', from)).toBeGreaterThan(0);
  });

  it('posts each new stage once when the hash moves, in order', async () => {
    clock.set('2012-02-17T18:00:00Z');
    api.bill(billAsOf(droneBill(), '2012-02-16'));
    const from = api.requests.length;
    const result = ok(await states.poll(cursor));
    // Newest first, as feeds list them (ingest posts the oldest first).
    expect(result.items.map((item) => item.title.split(':')[0])).toEqual([
      'Arkansas HB1044 (2012) sent to the Governor',
      'Arkansas HB1044 (2012) passed both chambers',
    ]);
    expect(result.items.map((item) => item.key)).toEqual([
      'bill:us-ar-hb1044-957:to-president',
      'bill:us-ar-hb1044-957:passed-both',
    ]);
    expect(api.count('getBill', from)).toBe(1);
    // The same cursor again (a restart before the cursor was saved) gives the same keys: the ledger claims them once.
    const before = api.requests.length;
    const again = ok(await states.poll(cursor));
    discarded += api.requests.length - before;
    expect(again.items.map((item) => item.key)).toEqual(result.items.map((item) => item.key));
    cursor = result.cursor;
    const after = ok(await states.poll(cursor));
    cursor = after.cursor;
    expect(after.items).toEqual([]);
  });

  it('posts the law with its Act number, and the thread ends there', async () => {
    clock.set('2012-02-22T18:00:00Z');
    api.bill(billAsOf(droneBill(), '2012-02-21'));
    const result = ok(await states.poll(cursor));
    cursor = result.cursor;
    expect(result.items).toHaveLength(1);
    expect(result.items[0]?.title).toMatch(
      /^Arkansas HB1044 \(2012\) became Arkansas law: An Act To Prohibit .* — Act 36$/,
    );
    expect(result.items[0]?.thread).toMatchObject({ stage: 'enacted', conclusive: true, reference: 'AR Act 36' });
    const after = ok(await states.poll(cursor));
    cursor = after.cursor;
    expect(after.items).toEqual([]);
  });

  it("counts the month's queries in the cursor", () => {
    expect(cursor?.usage).toEqual({ month: '2012-02', requests: api.requests.length - discarded, limit: 30_000 });
  });
});

describe('legiscan source: configured bills and the monthly allowance', () => {
  it('resolves a configured bill once and tracks it with its own vendors', async () => {
    const states = source({ queries: [], bills: [{ state: 'AK', number: 'HB1', year: 2011, vendors: ['Huawei'] }] });
    const from = api.requests.length;
    const first = ok(await states.poll(undefined));
    expect(first.items.map((item) => item.title.split(':')[0])).toEqual([
      'Now tracking Alaska HB1 (2011-2012), passed the House',
    ]);
    expect(first.items[0]?.thread?.vendors).toEqual(['Huawei']);
    expect(api.requests.slice(from).map((r) => r.op)).toEqual(['getSearch', 'getBill']);
    const next = api.requests.length;
    expect(ok(await states.poll(first.cursor)).items).toEqual([]);
    // Resolved once: the second poll asks the session's master list only.
    expect(api.requests.slice(next).map((r) => r.op)).toEqual(['getMasterListRaw']);
  });

  it("close to the month's limit, a poll gets only its share and searches wait", async () => {
    const states = source({ monthlyLimit: 100 });
    const cursor = { usage: { month: '2012-02', requests: 99, limit: 100 } };
    const from = api.requests.length;
    const result = ok(await states.poll(cursor));
    expect(api.requests.length - from).toBe(0);
    expect(result.cursor.usage).toEqual({ month: '2012-02', requests: 99, limit: 100 });
  });

  it('a poll whose share runs out part way keeps what it read and is not a failure', async () => {
    // 85 of 100 used: 15 left; at 6h from 2012-02-22 18:00 there are 25 polls left, so this poll may make 1.
    clock.set('2012-02-22T18:00:00Z');
    const states = source({ queries: [], bills: [{ state: 'AK', number: 'HB1', year: 2011 }], monthlyLimit: 100 });
    const result = await states.poll({ usage: { month: '2012-02', requests: 85, limit: 100 } });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.items).toEqual([]);
      expect(result.warning).toContain("this poll's share of the month's LegiScan queries is used (86 of 100");
      // The configured bill was found (one search) and waits for the next poll to be read.
      expect(result.cursor.resolved).toEqual({ 'AK HB1 2011': 230084 });
    }
  });

  it('a new month starts from zero', async () => {
    clock.set('2012-03-01T00:30:00Z');
    const states = source({ queries: ['"drones made by foreign adversaries"'] });
    const result = ok(await states.poll({ usage: { month: '2012-02', requests: 29_990, limit: 30_000 } }));
    expect(result.cursor.usage).toMatchObject({ month: '2012-03' });
    expect((result.cursor.usage as { requests: number }).requests).toBeGreaterThan(0);
    expect(result.items.map((item) => item.title.slice(0, 40))).toEqual(['Now tracking Arkansas HB1044 (2012), bec']);
  });

  it('reads a second page of hits, and no further', async () => {
    const paged = await startFakeLegiscanApi({ apiKey: KEY, pageSize: 1 });
    try {
      // Both titles hold "For": the unrelated bill comes first, the drone bill on page 2.
      paged.bill(readLegiscanFixture('getbill-AK-2011-HB1.json'));
      paged.bill(billAsOf(droneBill(), '2012-02-21'));
      const states = createLegiscanSource(
        { id: 'paged', intervalMs: 21_600_000, states: [], queries: ['For'], bills: [] },
        { api: createLegiscanApi({ baseUrl: paged.url, apiKey: KEY, fetcher }), clock },
      );
      const result = ok(await states.poll(undefined));
      expect(paged.requests.filter((r) => r.op === 'getSearch').map((r) => r.query.get('page') ?? '1')).toEqual([
        '1',
        '2',
      ]);
      expect(result.items.map((item) => item.thread?.key)).toEqual(['bill:us-ar-hb1044-957']);
    } finally {
      await paged.close();
    }
  });

  it('a refused key is a failure that never shows the key', async () => {
    const states = createLegiscanSource(
      { id: 'bad', intervalMs: 60_000, states: ['AR'], queries: ['drone'], bills: [] },
      { api: createLegiscanApi({ baseUrl: api.url, apiKey: 'wrong-key-123456', fetcher }), clock },
    );
    const result = await states.poll(undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.message).toContain('Invalid API key');
      expect(result.failure.message).not.toContain('wrong-key-123456');
    }
  });
});
