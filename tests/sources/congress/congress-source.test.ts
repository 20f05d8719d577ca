import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/classify/classifier.js';
import { loadVendorCatalog } from '../../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE } from '../../../src/config/load-config.js';
import type { TrackedBill } from '../../../src/domain/instrument.js';
import type { Cursor, PollResult } from '../../../src/domain/source.js';
import { createFeedFetcher, type FeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { createLogger } from '../../../src/shared/logger.js';
import { discoverBills } from '../../../src/sources/congress/bill-discovery.js';
import { createCongressApi, type CongressApi } from '../../../src/sources/congress/congress-api.js';
import { createCongressSource, type CongressSourceDefinition } from '../../../src/sources/congress/congress-source.js';
import { createRequestBudget } from '../../../src/sources/congress/request-budget.js';
import { startFakeCongressApi, type FakeCongressApi } from '../../fakes/congress-api.js';
import { govJson } from '../../support/gov-fixtures.js';
import { hr5515At } from '../../support/hr5515-story.js';
import { mutableClock } from '../../support/mutable-clock.js';

const KEY = 'unit-congress-key-7f3a';
let api: FakeCongressApi;
let fetcher: FeedFetcher;
const clock = mutableClock('2018-08-14T12:00:00Z');
const classifier = createClassifier(loadVendorCatalog(DEFAULT_VENDORS_FILE));

beforeAll(async () => {
  api = await startFakeCongressApi({ apiKey: KEY });
  fetcher = createFeedFetcher({ clock, timeoutMs: 3_000 });
});
afterAll(async () => {
  await api.close();
  await fetcher.close();
});
afterEach(() => {
  api.requests.length = 0;
});

function memoryTracked(initial: TrackedBill[] = []) {
  const bills = [...initial];
  return {
    bills,
    list: async () => [...bills],
    add: async (bill: TrackedBill) => (bills.some((b) => b.id === bill.id) ? false : (bills.push(bill), true)),
  };
}

function source(
  definition: Partial<CongressSourceDefinition> = {},
  options: {
    limit?: number;
    pageSize?: number;
    baseUrl?: string;
    tracked?: ReturnType<typeof memoryTracked>;
    log?: string[];
  } = {},
) {
  const budget = createRequestBudget({ clock, limit: options.limit ?? 5_000 });
  const congress = createCongressApi({
    baseUrl: options.baseUrl ?? api.url,
    apiKey: KEY,
    fetcher,
    budget,
    pageSize: options.pageSize,
  });
  const lines = options.log;
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => (lines?.push(line), true) } as unknown as NodeJS.WritableStream,
  });
  return createCongressSource(
    {
      id: 'congress',
      intervalMs: 1_800_000,
      bills: [{ id: 'hr5515-115', vendors: ['Hikvision'] }],
      discover: false,
      ...definition,
    },
    {
      api: congress,
      clock,
      logger,
      tracked: options.tracked ?? memoryTracked(),
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

function serve(day: string, updateDate: string) {
  const { record, actions } = hr5515At(day, updateDate);
  api.bill('hr5515-115', record, actions);
}

describe('congress source', () => {
  it("states a newly tracked bill's current stage once, as a delta the pipeline posts", async () => {
    serve('2018-08-13', '2018-08-14T08:00:00Z');
    const congress = source();
    expect(congress.deltas).toBe(true);
    const first = ok(await congress.poll(undefined));
    expect(first.items).toHaveLength(1);
    const item = first.items[0];
    expect(item).toMatchObject({
      key: 'bill:hr5515-115:enacted',
      kind: 'bill',
      exemptFromAgeLimit: true,
      link: 'https://www.congress.gov/bill/115th-congress/house-bill/5515',
      title:
        'Now tracking H.R.5515 (115th), signed into law: John S. McCain National Defense Authorization Act for Fiscal Year 2019 — Public Law 115-232',
      thread: {
        key: 'bill:hr5515-115',
        label: 'H.R.5515 (115th)',
        stage: 'enacted',
        conclusive: true,
        vendors: ['Hikvision'],
        reference: 'Public Law 115-232',
      },
    });
    expect(item?.publishedAt?.toISOString()).toBe('2018-08-13T00:00:00.000Z');
    expect(item?.summary).toContain('2018-08-13: Signed by President.');
    expect(first.cursor).toEqual({
      bills: {
        'hr5515-115': {
          stage: 'enacted',
          ladder: 'enacted',
          date: '2018-08-13',
          updateDate: '2018-08-14T08:00:00Z',
          checkedAt: '2018-08-14T12:00:00.000Z',
        },
      },
    });
    const again = ok(await congress.poll(first.cursor));
    expect(again.items).toEqual([]);
  });

  it('reads every page of actions, by offset, with format=json and the key as api_key', async () => {
    serve('2018-08-13', '2018-08-14T08:00:00Z');
    ok(await source({}, { pageSize: 10 }).poll(undefined));
    const pages = api.requests.filter((r) => r.path.endsWith('/actions'));
    expect(pages.map((r) => r.query.get('offset'))).toEqual(['0', '10', '20']);
    expect(api.requests.every((r) => r.query.get('format') === 'json' && r.query.get('api_key') === KEY)).toBe(true);
  });

  it('keeps polling the other bills when one is unknown, and says which', async () => {
    serve('2018-05-24', '2018-05-25T08:00:00Z');
    const log: string[] = [];
    const result = ok(await source({ bills: [{ id: 'hr9999-115' }, { id: 'hr5515-115' }] }, { log }).poll(undefined));
    expect(result.items.map((i) => i.key)).toEqual(['bill:hr5515-115:passed-one-chamber']);
    expect(log.join('')).toContain('bill hr9999-115 was not found on Congress.gov (HTTP 404)');
    // Only unknown bills: the poll fails, so status shows it and the engine backs off.
    const failed = await source({ bills: [{ id: 'hr9999-115' }] }).poll(undefined);
    expect(failed).toMatchObject({ ok: false, failure: { kind: 'http-4xx' } });
  });

  it('backs off on a 429 with the Retry-After it was given, keeping the cursor', async () => {
    api.script({ status: 429, retryAfter: 120 });
    const cursor: Cursor = {
      bills: { 'hr5515-115': { stage: 'in-committee', ladder: 'in-committee', date: '2018-04-13', updateDate: 'x' } },
    };
    const result = await source().poll(cursor);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'http-429', retryAfterMs: 120_000 }, cursor });
  });

  it('stays within its request budget: a bill left over waits, what was read is posted', async () => {
    serve('2018-05-24', '2018-05-25T08:00:00Z');
    api.bill('hr5516-115', hr5515At('2018-04-13', 'y').record, hr5515At('2018-04-13', 'y').actions);
    const log: string[] = [];
    const limited = source({ bills: [{ id: 'hr5515-115' }, { id: 'hr5516-115' }] }, { limit: 3, log });
    const first = ok(await limited.poll(undefined));
    // Two requests for the first bill; the second bill's record, then its actions are refused.
    expect(api.requests).toHaveLength(3);
    expect(first.items.map((i) => i.key)).toEqual(['bill:hr5515-115:passed-one-chamber']);
    expect(Object.keys(first.cursor.bills as object)).toEqual(['hr5515-115']);
    expect(log.join('')).toContain('1 bills wait for the next poll');
    // The budget is spent: nothing at all can be read, so the poll fails and says when to retry.
    const second = await limited.poll(first.cursor);
    expect(second).toMatchObject({ ok: false, failure: { kind: 'http-429' } });
    expect(second.ok ? 0 : second.failure.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(api.requests).toHaveLength(3);
    // An hour later the bill never read goes first.
    clock.advance(3_600_001);
    const third = ok(await limited.poll(first.cursor));
    expect(third.items.map((i) => i.key)).toEqual(['bill:hr5516-115:in-committee']);
    clock.set('2018-08-14T12:00:00Z');
  });

  it('never puts the API key into a failure message', async () => {
    api.script({ status: 500 });
    const server = await source().poll(undefined);
    const closed = await source({}, { baseUrl: 'http://127.0.0.1:9/v3' }).poll(undefined);
    for (const result of [server, closed]) {
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain(KEY);
    }
  });

  it('discovers recently updated bills whose titles are relevant and tracks them with their vendors', async () => {
    clock.set('2022-04-03T12:00:00Z');
    const real = govJson<{ bills: Array<Record<string, unknown>> }>('congress-gov-api/bill.json').bills;
    const relevant = {
      congress: 117,
      number: '7777',
      type: 'HR',
      originChamber: 'House',
      title:
        'To prohibit Federal agencies from procuring video surveillance equipment produced by Hikvision or Dahua, and for other purposes.',
      updateDate: '2022-04-03T10:00:00Z',
      url: 'https://api.congress.gov/v3/bill/117/hr/7777?format=json',
    };
    api.list([...real, relevant]);
    api.bill(
      'hr7777-117',
      {
        congress: 117,
        number: '7777',
        type: 'HR',
        title: relevant.title,
        introducedDate: '2022-04-01',
        updateDate: relevant.updateDate,
      },
      [
        {
          actionCode: '1000',
          actionDate: '2022-04-01',
          text: 'Introduced in House',
          sourceSystem: { code: 9, name: 'Library of Congress' },
        },
      ],
    );
    const tracked = memoryTracked();
    const congress = source({ bills: [], discover: true }, { tracked });
    const first = ok(await congress.poll(undefined));
    const scan = api.requests.find((r) => r.path === '/v3/bill');
    // The first scan looks back 30 days (the default), oldest update first, up to the scan's start.
    expect(scan?.query.get('fromDateTime')).toBe('2022-03-04T12:00:00Z');
    expect(scan?.query.get('toDateTime')).toBe('2022-04-03T12:00:00Z');
    expect(scan?.query.get('sort')).toBe('updateDate asc');
    expect(tracked.bills).toEqual([
      { id: 'hr7777-117', origin: 'discovery', vendors: ['Hikvision', 'Dahua'], addedAt: '2022-04-03T12:00:00.000Z' },
    ]);
    expect(first.items.map((i) => [i.key, i.thread?.vendors])).toEqual([
      ['bill:hr7777-117:introduced', ['Hikvision', 'Dahua']],
    ]);
    expect(first.cursor.discovery).toEqual({ from: '2022-04-03T11:55:00Z', skip: 0 });

    api.requests.length = 0;
    clock.advance(1_800_000);
    ok(await congress.poll(first.cursor));
    // The next scan starts where the last one did, with a little overlap.
    expect(api.requests.find((r) => r.path === '/v3/bill')?.query.get('fromDateTime')).toBe('2022-04-03T11:55:00Z');
    expect(tracked.bills).toHaveLength(1);
    clock.set('2018-08-14T12:00:00Z');
  });

  it('does not re-track by discovery a bill the config file or the store already tracks', async () => {
    const listed = [
      {
        congress: 115,
        number: '5515',
        type: 'HR',
        title: 'To prohibit the procurement of Huawei and ZTE equipment.',
        updateDate: '2018-05-25',
      },
      {
        congress: 116,
        number: '2881',
        type: 'HR',
        title: 'To ban Hikvision cameras from federal buildings.',
        updateDate: '2018-05-25',
      },
      {
        congress: 116,
        number: '1',
        type: 'HR',
        title: 'To ban Dahua cameras from federal buildings.',
        updateDate: '2018-05-25',
      },
    ];
    const stub: CongressApi = {
      bill: async () => ({ ok: false, failure: { kind: 'network', message: 'unused' } }),
      actions: async () => ({ ok: false, failure: { kind: 'network', message: 'unused' } }),
      updatedBills: async () => ({ ok: true, value: { bills: listed, complete: true } }),
      relatedBills: async () => ({ ok: true, value: [] }),
      laws: async () => ({ ok: true, value: [] }),
    };
    const tracked = memoryTracked([{ id: 'hr2881-116', origin: 'command', addedAt: 'earlier' }]);
    const result = await discoverBills(undefined, ['hr5515-115'], {
      api: stub,
      clock,
      tracked,
      sourceId: 'congress',
      classifyTitle: (title) => ({ relevant: true, vendors: classifier.classify({ title }).vendors }),
    });
    expect(result).toMatchObject({ added: ['hr1-116'], more: false });
    expect(result.failure).toBeUndefined();
    expect(tracked.bills.map((b) => b.id)).toEqual(['hr2881-116', 'hr1-116']);
  });
});
