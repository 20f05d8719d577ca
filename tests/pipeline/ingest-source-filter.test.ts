import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier.js';
import { loadVendorCatalog } from '../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE } from '../../src/config/load-config.js';
import type { Channel } from '../../src/domain/channel.js';
import type { WatchTermStore } from '../../src/domain/ports.js';
import { ingest, type IngestDeps } from '../../src/pipeline/ingest.js';
import { silentLogger } from '../../src/shared/logger.js';
import { openStores, type Stores } from '../../src/store/open-stores.js';
import { mutableClock } from '../support/mutable-clock.js';

/**
 * Issue 24: a channel whose source filter leaves a feed out takes none of its items, so ingest
 * neither reads nor matches its watch terms, and the trace keeps it as one shared line that
 * `why` still answers from.
 */
const clock = mutableClock('2026-11-01T12:00:00Z');
const classifier = createClassifier(loadVendorCatalog(DEFAULT_VENDORS_FILE));
const feed = { id: 'feed', name: 'Feed', backfill: 0 };
const channels: Channel[] = [
  { id: 'takes-feed', type: 'console', origin: 'config', sources: ['feed'] },
  { id: 'unfiltered', type: 'console', origin: 'config' },
  ...Array.from({ length: 60 }, (_, i): Channel => ({
    id: `other-${i}`,
    type: 'console',
    origin: 'config',
    sources: [`elsewhere-${i}`],
  })),
];
let stores: Stores;

beforeEach(async () => {
  stores = await openStores(`sqlite://${join(mkdtempSync(join(tmpdir(), 'banwatch-ingest-')), 's.sqlite')}`, clock);
  const addedAt = clock.now().toISOString();
  // An --all term every channel has: were the filtered channels matched, the item would reach them.
  for (const channel of channels) await stores.watch.replace(channel.id, [{ term: 'Huawei', mode: 'all', addedAt }]);
});
afterEach(async () => {
  await stores.close();
});

describe('ingest over channels with source filters', () => {
  it('reads and matches only the channels that take the feed; the rest share one trace line', async () => {
    const asked: string[][] = [];
    const watch: WatchTermStore = {
      ...stores.watch,
      listMany: (ids) => {
        asked.push([...ids]);
        return stores.watch.listMany(ids);
      },
    };
    const deps: IngestDeps = { ...stores, watch, classifier, clock, logger: silentLogger(), maxAgeMs: 14 * 86_400_000 };
    const item = {
      sourceId: 'feed',
      key: 'k1',
      title: 'Commerce Department bans Huawei equipment',
      link: 'https://example.com/a',
      kind: 'news' as const,
      publishedAt: clock.now(),
    };
    const report = await ingest(feed, false, [item], channels, deps);
    expect(asked).toEqual([['takes-feed', 'unfiltered']]);
    expect(report.queued).toBe(2);
    const [outcome] = report.outcomes;
    expect(outcome?.channels.map((c) => `${c.channelId}:${c.outcome}`)).toEqual([
      'takes-feed:queued',
      'unfiltered:queued',
    ]);
    expect(outcome?.othersSkipped).toBe("source feed is not among the channel's sources");
    const stored = await stores.traces.find({ sourceId: 'feed', itemKey: 'k1' });
    expect(stored?.item.othersSkipped).toBe("source feed is not among the channel's sources");
    expect(stored?.item.channels).toHaveLength(2);
  });
});
