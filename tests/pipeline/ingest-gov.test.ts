import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier.js';
import { loadVendorCatalog } from '../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE } from '../../src/config/load-config.js';
import type { Channel } from '../../src/domain/channel.js';
import type { Item } from '../../src/domain/item.js';
import { ingest, type IngestDeps } from '../../src/pipeline/ingest.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Stores } from '../../src/store/open-stores.js';
import { mutableClock } from '../support/mutable-clock.js';
import { tempStores } from '../support/temp-stores.js';

const clock = mutableClock('2026-11-01T12:00:00Z');
const classifier = createClassifier(loadVendorCatalog(DEFAULT_VENDORS_FILE));
const channels: Channel[] = [
  { id: 'all', type: 'console', origin: 'config' },
  { id: 'huawei', type: 'console', vendors: ['Huawei'], origin: 'config' },
];
let stores: Stores;

beforeEach(async () => {
  stores = await tempStores(clock);
});
afterEach(async () => {
  await stores.close();
});

const deps = (): IngestDeps => ({ ...stores, classifier, clock, logger: silentLogger(), maxAgeMs: 14 * 86_400_000 });

/** H.R.5515's first alert: passed the House eight years before the clock, but first seen now. */
const stage: Item = {
  sourceId: 'congress',
  key: 'bill:hr5515-115:passed-one-chamber',
  title:
    'Now tracking H.R.5515 (115th), passed the House: John S. McCain National Defense Authorization Act for Fiscal Year 2019',
  summary: '2018-05-24: Passed/agreed to in House: On passage Passed by recorded vote: 351 - 66 (Roll no. 230).',
  link: 'https://www.congress.gov/bill/115th-congress/house-bill/5515',
  publishedAt: new Date('2018-05-24T00:00:00Z'),
  kind: 'bill',
  exemptFromAgeLimit: true,
  thread: {
    key: 'bill:hr5515-115',
    label: 'H.R.5515 (115th)',
    stage: 'passed-one-chamber',
    conclusive: false,
    vendors: ['Huawei', 'Hikvision'],
    title: 'John S. McCain National Defense Authorization Act for Fiscal Year 2019',
    chamber: 'House',
  },
};

describe('ingesting government stages', () => {
  it("posts a delta source's items on its first poll, where a feed only records", async () => {
    const congress = await ingest(
      { id: 'congress', name: 'Congress.gov', backfill: 0, deltas: true },
      true,
      [stage],
      channels,
      deps(),
    );
    expect(congress.queued).toBe(2);
    const feed = await ingest(
      { id: 'feed', name: 'feed', backfill: 0 },
      true,
      [{ ...stage, sourceId: 'feed' }],
      channels,
      deps(),
    );
    expect(feed.queued).toBe(0);
    expect(feed.outcomes[0]?.outcome).toBe('recorded');
  });

  it("routes by the bill's own vendors and ignores its age (a stage counts from when it is first seen)", async () => {
    const report = await ingest(
      { id: 'congress', name: 'Congress.gov', backfill: 0, deltas: true },
      false,
      [stage],
      channels,
      deps(),
    );
    expect(report.outcomes[0]?.channels.map((c) => [c.channelId, c.outcome])).toEqual([
      ['all', 'queued'],
      ['huawei', 'queued'],
    ]);
    const [alert] = (await stores.outbox.pending()).map((entry) =>
      entry.payload.type === 'alert' ? entry.payload.alert : undefined,
    );
    expect(alert?.thread?.key).toBe('bill:hr5515-115');
    expect(alert?.classification.vendors).toEqual(expect.arrayContaining(['Huawei', 'Hikvision']));
  });

  it('records where the bill stands in the instrument index, and the later stage replaces it', async () => {
    const source = { id: 'congress', name: 'Congress.gov', backfill: 0, deltas: true };
    await ingest(source, false, [stage], channels, deps());
    const enacted: Item = {
      ...stage,
      key: 'bill:hr5515-115:enacted',
      title:
        'H.R.5515 (115th) signed into law: John S. McCain National Defense Authorization Act for Fiscal Year 2019 — Public Law 115-232',
      summary: '2018-08-13: Signed by President.',
      publishedAt: new Date('2018-08-13T00:00:00Z'),
      thread: {
        ...(stage.thread as NonNullable<Item['thread']>),
        stage: 'enacted',
        conclusive: true,
        reference: 'Public Law 115-232',
        chamber: undefined,
      },
    };
    clock.advance(60_000);
    await ingest(source, false, [enacted], channels, deps());
    expect(await stores.instruments.list()).toEqual([
      {
        key: 'bill:hr5515-115',
        kind: 'bill',
        label: 'H.R.5515 (115th)',
        title: 'John S. McCain National Defense Authorization Act for Fiscal Year 2019',
        reference: 'Public Law 115-232',
        stage: 'enacted',
        date: '2018-08-13',
        lastAction: '2018-08-13: Signed by President.',
        url: 'https://www.congress.gov/bill/115th-congress/house-bill/5515',
        vendors: expect.arrayContaining(['Huawei', 'Hikvision']) as string[],
        sourceId: 'congress',
        updatedAt: clock.now().toISOString(),
      },
    ]);
  });

  it('keeps news out of the instrument index', async () => {
    const news: Item = {
      sourceId: 'feed',
      key: 'g:1',
      title: 'FCC bans new Huawei equipment authorizations',
      kind: 'news',
      publishedAt: clock.now(),
    };
    await ingest({ id: 'feed', name: 'feed', backfill: 0 }, false, [news], channels, deps());
    expect(await stores.instruments.list()).toEqual([]);
  });
});
