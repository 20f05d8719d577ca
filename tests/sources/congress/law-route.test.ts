import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollResult } from '../../../src/domain/source.js';
import { createFeedFetcher, type FeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { createCongressApi } from '../../../src/sources/congress/congress-api.js';
import { createCongressSource } from '../../../src/sources/congress/congress-source.js';
import { citableTitle } from '../../../src/sources/congress/law-route.js';
import { createRequestBudget } from '../../../src/sources/congress/request-budget.js';
import { enactedTextSearch } from '../../../src/sources/govinfo/enacted-text.js';
import { createGovinfoApi } from '../../../src/sources/govinfo/govinfo-api.js';
import { shortTitleSection } from '../../../src/sources/govinfo/section-match.js';
import { startFakeCongressApi, type FakeCongressApi } from '../../fakes/congress-api.js';
import { startFakeGovinfo, type FakeGovinfo } from '../../fakes/govinfo-api.js';
import { govFixture, govJson } from '../../support/gov-fixtures.js';
import { mutableClock } from '../../support/mutable-clock.js';

/**
 * The laws route: H.R.21 (117th) with its real related bills (S.3099, only a "Related bill")
 * still reaches enacted, because the FY2023 NDAA's enrolled text says its Subtitle C "may be
 * cited as the FedRAMP Authorization Act" and /law/117 lists H.R.7776 as Public Law 117-263.
 * The NDAA excerpt and the law list are constructed (tests/fixtures/gov/SOURCES.txt).
 */
const KEY = 'law-route-key-51c2';
const GOVINFO_KEY = 'govinfo-key-law-route';
const hr264 = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'govinfo', 'uslm-116hr264eh-approps-huawei-zte.xml'),
  'utf8',
);
const ndaa = govFixture('constructed/BILLS-117hr7776enr-excerpt.xml');
const clock = mutableClock('2023-01-11T12:00:00Z');
let api: FakeCongressApi;
let govinfo: FakeGovinfo;
let fetcher: FeedFetcher;

beforeAll(async () => {
  api = await startFakeCongressApi({ apiKey: KEY });
  govinfo = await startFakeGovinfo({ apiKey: GOVINFO_KEY });
  fetcher = createFeedFetcher({ clock, timeoutMs: 3_000 });
});
afterAll(async () => {
  await api.close();
  await govinfo.close();
  await fetcher.close();
});

function ok(result: PollResult): Extract<PollResult, { ok: true }> {
  if (!result.ok) throw new Error(`poll failed: ${result.failure.kind} ${result.failure.message}`);
  return result;
}

describe('short titles as evidence of an enacted text', () => {
  it('finds the section that gives a short title, not one that only mentions words of it', () => {
    // Title III's short title follows its last section: it belongs to none.
    const judiciary = shortTitleSection(hr264, 'Judiciary Appropriations Act, 2019');
    expect(judiciary?.section).toBe('');
    expect(judiciary?.excerpt).toContain('This title may be cited as the “ Judiciary Appropriations Act, 2019 ”.');
    expect(shortTitleSection(hr264, 'Huawei Technologies Company')).toBeUndefined();
    expect(shortTitleSection(ndaa, 'FedRAMP Authorization Act')).toMatchObject({ section: 'Sec. 5921' });
  });

  it('searches only short titles', () => {
    expect(citableTitle('FedRAMP Authorization Act')).toBe('FedRAMP Authorization Act');
    expect(citableTitle('Judiciary Appropriations Act, 2019')).toBe('Judiciary Appropriations Act, 2019');
    expect(citableTitle('Secure Equipment Act of 2021')).toBe('Secure Equipment Act of 2021');
    expect(citableTitle('To prohibit the use of Huawei equipment, and for other purposes.')).toBeUndefined();
    expect(citableTitle('Act')).toBeUndefined();
  });
});

describe('enacted through the laws list and the enacted text', () => {
  it('H.R.21 (117th) reaches enacted via the NDAA although its related bills name no carrier', async () => {
    const record = govJson<{ bill: Record<string, unknown> }>('congress-gov-api/bill_117_hr_21.json').bill;
    const actions = govJson<{ actions: unknown[] }>('congress-gov-api/bill_117_hr_21_actions.json').actions;
    const related = govJson<{ relatedBills: unknown[] }>('congress-gov-api/bill_117_hr_21_relatedbills.json');
    api.bill('hr21-117', record, actions);
    api.related('hr21-117', related.relatedBills);
    api.laws(117, govJson<{ bills: Array<Record<string, unknown>> }>('constructed/law-117.json').bills);
    // The 116th Congress's engrossed H.R.264 is neither enrolled nor of the 117th: never read.
    govinfo.publish({ packageId: 'BILLS-116hr264eh', lastModified: '2022-12-30T00:00:00Z' }, hr264);
    govinfo.publish({ packageId: 'BILLS-117hr7776enr', lastModified: '2022-12-24T00:00:00Z' }, ndaa);
    const congress = createCongressSource(
      { id: 'congress', intervalMs: 1_800_000, bills: [{ id: 'hr21-117' }], discover: false },
      {
        api: createCongressApi({ baseUrl: api.url, apiKey: KEY, fetcher, budget: createRequestBudget({ clock }) }),
        clock,
        enactedText: enactedTextSearch(createGovinfoApi({ baseUrl: govinfo.url, apiKey: GOVINFO_KEY })),
      },
    );
    const result = ok(await congress.poll(undefined));
    expect(result.items.map((i) => [i.key, i.title, i.thread?.reference])).toEqual([
      [
        'bill:hr21-117:enacted',
        'Now tracking H.R.21 (117th), enacted as part of H.R.7776 (117th), Public Law 117-263: FedRAMP Authorization Act',
        'Public Law 117-263 (as part of H.R.7776 (117th))',
      ],
    ]);
    expect(result.items[0]?.summary).toContain(
      'its enrolled text, Sec. 5921, says it "may be cited as the FedRAMP Authorization Act"',
    );
    const search = govinfo.requests.find((r) => r.path === '/search')?.body as { query: string } | undefined;
    expect(search?.query).toBe(
      'collection:(BILLS) AND congress:117 AND billversion:enr AND "FedRAMP Authorization Act"',
    );
    expect(govinfo.requests.some((r) => r.path.includes('BILLS-116hr264eh'))).toBe(false);
    expect(api.requests.filter((r) => r.path === '/v3/law/117')).toHaveLength(1);
  });

  it('is not enacted when the carrier is not (yet) in the laws list', async () => {
    api.laws(117, []);
    api.requests.length = 0;
    const congress = createCongressSource(
      { id: 'congress', intervalMs: 1_800_000, bills: [{ id: 'hr21-117' }], discover: false },
      {
        api: createCongressApi({ baseUrl: api.url, apiKey: KEY, fetcher, budget: createRequestBudget({ clock }) }),
        clock,
        enactedText: enactedTextSearch(createGovinfoApi({ baseUrl: govinfo.url, apiKey: GOVINFO_KEY })),
      },
    );
    const result = ok(await congress.poll(undefined));
    expect(result.items.map((i) => i.key)).toEqual(['bill:hr21-117:passed-one-chamber']);
    expect(api.requests.filter((r) => r.path === '/v3/law/117')).toHaveLength(1);
  });

  it('keeps the bill’s own stages when GovInfo fails, and says so', async () => {
    const warnings: string[] = [];
    const congress = createCongressSource(
      { id: 'congress', intervalMs: 1_800_000, bills: [{ id: 'hr21-117' }], discover: false },
      {
        api: createCongressApi({ baseUrl: api.url, apiKey: KEY, fetcher, budget: createRequestBudget({ clock }) }),
        clock,
        logger: { warn: (_: unknown, message: string) => warnings.push(message) } as never,
        enactedText: enactedTextSearch(createGovinfoApi({ baseUrl: govinfo.url, apiKey: 'wrong-key' })),
      },
    );
    const result = ok(await congress.poll(undefined));
    expect(result.items.map((i) => i.key)).toEqual(['bill:hr21-117:passed-one-chamber']);
    expect(warnings.join('\n')).toContain('could not be searched: GovInfo refused the API key');
  });
});
