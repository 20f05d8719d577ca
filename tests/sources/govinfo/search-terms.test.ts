import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentTerms, watchTermProvider } from '../../../src/app/govinfo-terms.js';
import { createClassifier } from '../../../src/classify/classifier.js';
import { defaultLexicon } from '../../../src/classify/lexicon/lexicon-load.js';
import { loadVendorCatalog } from '../../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE } from '../../../src/config/load-config.js';
import type { Channel } from '../../../src/domain/channel.js';
import type { TrackedBill } from '../../../src/domain/instrument.js';
import type { TrackedBillStore, WatchTermStore } from '../../../src/domain/ports.js';
import type { VendorCatalog } from '../../../src/domain/vendor.js';
import type { WatchTerm } from '../../../src/domain/watch-term.js';
import { textDiscovery } from '../../../src/sources/govinfo/text-discovery-setup.js';
import { startFakeGovinfo, type FakeGovinfo } from '../../fakes/govinfo-api.js';
import { mutableClock } from '../../support/mutable-clock.js';

/**
 * Full-text discovery searches the catalogue's names, the lexicon's instruments and the
 * channels' watch terms. H.R.264 (116th), the real engrossed text, names "ZTE Corporation" in
 * Sec. 632; with ZTE and Huawei left out of the catalogue, only a channel's watch term finds it.
 */
const HR264 = readFileSync(
  resolve(__dirname, '..', '..', 'fixtures', 'govinfo', 'uslm-116hr264eh-approps-huawei-zte.xml'),
  'utf8',
);
const KEY = 'govinfo-terms-key';
const real = loadVendorCatalog(DEFAULT_VENDORS_FILE);
const withoutThem: VendorCatalog = { ...real, all: () => real.all().filter((v) => !/huawei|zte/i.test(v.name)) };
const classifier = createClassifier(real);
let govinfo: FakeGovinfo;

beforeAll(async () => {
  govinfo = await startFakeGovinfo({ apiKey: KEY });
  govinfo.publish({ packageId: 'BILLS-116hr264eh', lastModified: '2019-01-15T10:00:00Z' }, HR264);
});
afterAll(() => govinfo.close());

function trackedStore(): TrackedBillStore & { bills: TrackedBill[] } {
  const bills: TrackedBill[] = [];
  return {
    bills,
    list: async () => [...bills],
    add: async (bill) => (bills.some((b) => b.id === bill.id) ? false : (bills.push(bill), true)),
    remove: async () => false,
    // Discovery only lists and adds; a follow is a chat command's.
    put: async () => undefined,
    follow: async () => false,
    unfollow: async () => false,
  };
}

const queries = () =>
  govinfo.requests.filter((r) => r.path === '/search').map((r) => (r.body as { query: string }).query);

describe('what full-text discovery searches for', () => {
  it('takes the lexicon’s instruments, in Latin script', () => {
    const terms = instrumentTerms(defaultLexicon());
    expect(terms).toEqual(
      expect.arrayContaining(['covered list', 'section 889', 'entity list', 'secure equipment act']),
    );
    expect(terms.some((term) => /[^\x20-\x7e]/.test(term))).toBe(false);
  });

  it('reads the channels’ watch terms and their aliases, not the muted ones', async () => {
    const channels: Channel[] = [
      { id: 'a', type: 'console', origin: 'config' },
      { id: 'b', type: 'console', origin: 'config' },
    ];
    const terms: Record<string, WatchTerm[]> = {
      a: [{ term: 'ZTE Corporation', mode: 'vendor', addedAt: 'x', aliases: ['Zhongxing Telecommunication', 'ZT'] }],
      b: [
        { term: 'Unitree', mode: 'all', addedAt: 'x', aliases: ['Hangzhou Yushu Technology'] },
        { term: 'Temu', mode: 'mute', addedAt: 'x', aliases: ['PDD Holdings'] },
      ],
    };
    const store = {
      listMany: async (ids: readonly string[]) => new Map(ids.map((id) => [id, terms[id] ?? []])),
    } as unknown as WatchTermStore;
    const provider = watchTermProvider({ all: async () => channels } as never, store);
    // Terms first, then their aliases (not a two-letter one, nor a muted term's).
    expect(await provider()).toEqual([
      'ZTE Corporation',
      'Unitree',
      'Zhongxing Telecommunication',
      'Hangzhou Yushu Technology',
    ]);
  });

  it('tracks a bill whose text names only a channel’s watch term, and searches instruments and names too', async () => {
    const tracked = trackedStore();
    const scan = textDiscovery(
      { id: 'congress', discover: true, govinfo: { url: govinfo.url, apiKey: KEY } },
      {
        clock: mutableClock('2019-01-20T12:00:00Z'),
        trackedBills: tracked,
        catalog: withoutThem,
        classifier,
        instruments: ['section 889', 'covered list'],
        watchTerms: async () => ['ZTE Corporation', 'covered list'],
      },
    );
    if (!scan) throw new Error('full-text discovery is off');
    let result = await scan(undefined);
    for (let i = 0; i < 20 && result.scan.group !== undefined; i++) result = await scan(result.scan);
    expect(tracked.bills.map((bill) => [bill.id, bill.matched?.term, bill.matched?.section])).toEqual([
      ['hr264-116', 'ZTE Corporation', 'Sec. 632'],
    ]);
    const sent = queries();
    expect(sent.some((query) => query.includes('"section 889"'))).toBe(true);
    expect(sent.some((query) => query.includes('"Hikvision"'))).toBe(true);
    // The watch term goes last; one already among the instruments is not searched twice.
    expect(sent.at(-1)).toContain('"ZTE Corporation"');
    expect(sent.join(' ').match(/"covered list"/gi)).toHaveLength(1);
  });
});
