import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/classify/classifier.js';
import { loadVendorCatalog } from '../../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE } from '../../../src/config/load-config.js';
import type { TrackedBill } from '../../../src/domain/instrument.js';
import { billStageItem } from '../../../src/sources/congress/bill-items.js';
import { createRequestBudget } from '../../../src/sources/congress/request-budget.js';
import { createGovinfoApi } from '../../../src/sources/govinfo/govinfo-api.js';
import { billIdOfPackage } from '../../../src/sources/govinfo/govinfo-schema.js';
import { matchedSection } from '../../../src/sources/govinfo/section-match.js';
import { discoverByText } from '../../../src/sources/govinfo/text-discovery.js';
import { startFakeGovinfo, type FakeGovinfo } from '../../fakes/govinfo-api.js';
import { mutableClock } from '../../support/mutable-clock.js';

const FIXTURES = resolve(__dirname, '..', '..', 'fixtures', 'govinfo');
const HR264 = readFileSync(resolve(FIXTURES, 'uslm-116hr264eh-approps-huawei-zte.xml'), 'utf8');
const RECORDED = JSON.parse(readFileSync(resolve(FIXTURES, 'govinfo-search-bills-bordallo-113.json'), 'utf8')) as {
  results: Array<Record<string, unknown>>;
};
const TITLE =
  'Making appropriations for financial services and general government for the fiscal year ending September 30, 2019, and for other purposes.';
const KEY = 'govinfo-key-5b1e';
const clock = mutableClock('2019-01-20T12:00:00Z');
const classifier = createClassifier(loadVendorCatalog(DEFAULT_VENDORS_FILE));
let govinfo: FakeGovinfo;

beforeAll(async () => {
  govinfo = await startFakeGovinfo({ apiKey: KEY });
  // The recorded results, and H.R.264 (116th) in their shape: its title names no vendor.
  for (const [index, result] of RECORDED.results.slice(0, 30).entries())
    govinfo.publish(
      { ...result, packageId: String(result.packageId), lastModified: `2019-01-0${1 + (index % 5)}T00:00:00Z` },
      '<bill/>',
    );
  govinfo.publish(
    {
      ...RECORDED.results[0],
      title: TITLE,
      packageId: 'BILLS-116hr264eh',
      lastModified: '2019-01-15T10:00:00Z',
      dateIssued: '2019-01-09',
    },
    HR264,
  );
});
afterAll(() => govinfo.close());

function store() {
  const bills: TrackedBill[] = [];
  return {
    bills,
    list: async () => [...bills],
    add: async (bill: TrackedBill) => (bills.some((b) => b.id === bill.id) ? false : (bills.push(bill), true)),
  };
}

describe('full-text discovery (GovInfo)', () => {
  it('reads the section that names a vendor in a real bill text', () => {
    expect(matchedSection(HR264, ['Hikvision', 'ZTE Corporation'])).toMatchObject({
      section: 'Sec. 632',
      term: 'ZTE Corporation',
    });
    expect(matchedSection(HR264, ['Huawei'])?.excerpt).toContain('Huawei Technologies Company, ZTE Corporation');
    expect(matchedSection(HR264, ['Kaspersky'])).toBeUndefined();
    expect(billIdOfPackage('BILLS-116hr264eh')).toBe('hr264-116');
    expect(billIdOfPackage('BILLS-113hjres7ih')).toBe('hjres7-113');
  });

  it('tracks a bill by a vendor named only in its text, with the section, and the alert shows it', async () => {
    const tracked = store();
    const deps = {
      api: createGovinfoApi({ baseUrl: govinfo.url, apiKey: KEY }),
      clock,
      tracked,
      terms: ['Huawei', 'ZTE', 'Hikvision', 'Dahua'],
      vendorsIn: (text: string) => classifier.classify({ title: text }).vendors,
      sourceId: 'congress',
    };
    const found = await discoverByText(undefined, deps);
    expect(found.failure).toBeUndefined();
    expect(found.added).toEqual(['hr264-116']);
    expect(tracked.bills[0]).toMatchObject({
      id: 'hr264-116',
      origin: 'discovery',
      matched: { section: 'Sec. 632', term: 'Huawei', version: 'BILLS-116hr264eh' },
    });
    expect(tracked.bills[0]?.vendors).toEqual(expect.arrayContaining(['Huawei', 'ZTE']) as unknown);
    const search = govinfo.requests.find((r) => r.path === '/search');
    expect(search?.body).toMatchObject({
      query: 'collection:(BILLS) AND ("Huawei" OR "ZTE" OR "Hikvision" OR "Dahua")',
      offsetMark: '*',
      sorts: [{ field: 'lastModified', sortOrder: 'DESC' }],
    });
    // The scan is done: the next one starts from this one's start (less an hour).
    expect(found.scan).toEqual({ since: '2019-01-20T11:00:00.000Z' });
    expect((await discoverByText(found.scan, deps)).added).toEqual([]);

    // The engrossed text (docStage "Engrossed in House", 2019-01-09) is the House's passage.
    const item = billStageItem({
      sourceId: 'congress',
      bill: { type: 'hr', number: 264, congress: 116 },
      title: TITLE,
      progress: {
        stage: 'passed-one-chamber',
        ladder: 'passed-one-chamber',
        date: '2019-01-09',
        action: 'Engrossed in House',
        chamber: 'House',
      },
      vendors: tracked.bills[0]?.vendors ?? [],
      tracking: true,
      ...(tracked.bills[0]?.matched ? { matched: tracked.bills[0].matched } : {}),
    });
    expect(item.summary).toContain('Its text names Huawei in Sec. 632: "');
    expect(item.summary).toContain(
      'telecommunications equipment produced by Huawei Technologies Company, ZTE Corporation',
    );
  });

  it('never puts the key into a failure message', async () => {
    const api = createGovinfoApi({ baseUrl: govinfo.url, apiKey: 'wrong-key-123456' });
    const answer = await api.search('collection:(BILLS) AND ("Huawei")', '*');
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'http-4xx' } });
    expect(JSON.stringify(answer)).not.toContain('wrong-key-123456');
  });

  it("takes each request from the key's hourly budget, and sends none once it is spent", async () => {
    const budget = createRequestBudget({ clock, limit: 1 });
    const api = createGovinfoApi({ baseUrl: govinfo.url, apiKey: KEY, budget });
    const sent = govinfo.requests.length;
    expect(await api.search('collection:(BILLS) AND ("Huawei")', '*')).toMatchObject({ ok: true });
    const refused = await api.search('collection:(BILLS) AND ("ZTE")', '*');
    expect(refused).toMatchObject({ ok: false, failure: { kind: 'http-429', retryAfterMs: 3_600_000 } });
    expect(govinfo.requests.length - sent).toBe(1);
  });
});
