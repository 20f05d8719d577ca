import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier.js';
import { loadVendorCatalog } from '../../src/classify/vendor-catalog.js';
import { DEFAULT_VENDORS_FILE } from '../../src/config/load-config.js';
import type { Channel } from '../../src/domain/channel.js';
import type { Item } from '../../src/domain/item.js';
import { ingest, type IngestDeps } from '../../src/pipeline/ingest.js';
import { silentLogger } from '../../src/shared/logger.js';
import { openStores, type Stores } from '../../src/store/open-stores.js';
import { mutableClock } from '../support/mutable-clock.js';

const DAY = 86_400_000;
const MAX_AGE_DAYS = 14;
/** The default: maxAgeDays and a margin of two days. */
const REMEMBER_DAYS = 16;
const clock = mutableClock('2026-11-01T12:00:00Z');
const classifier = createClassifier(loadVendorCatalog(DEFAULT_VENDORS_FILE));
const channels: Channel[] = [{ id: 'all', type: 'console', origin: 'config' }];
const feed = { id: 'feed', name: 'Feed', backfill: 0 };
let stores: Stores;

beforeEach(async () => {
  const url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'banwatch-memory-')), 'store.sqlite')}`;
  stores = await openStores(url, clock, { itemsMs: REMEMBER_DAYS * DAY });
});
afterEach(async () => {
  await stores.close();
});

const deps = (): IngestDeps => ({
  ...stores,
  classifier,
  clock,
  logger: silentLogger(),
  maxAgeMs: MAX_AGE_DAYS * DAY,
});

const item = (n: number, publishedAt?: Date): Item => ({
  sourceId: 'feed',
  key: `item-${n}`,
  title: `Commerce Department bans Huawei equipment, order ${n}`,
  link: `https://example.com/news/${n}`,
  kind: 'news',
  ...(publishedAt ? { publishedAt } : {}),
});

/** Moves the clock and lets the store drop what expired (as the scheduled sweep does). */
async function later(ms: number): Promise<void> {
  clock.advance(ms);
  await stores.backend.sweep();
}

describe('item claims that expire after items.rememberDays', () => {
  it('forgets an item once it is too old to alert, and seen again it is not alerted', async () => {
    const news = item(1, clock.now());
    expect((await ingest(feed, false, [news], channels, deps())).queued).toBe(1);
    // Still young enough to alert: remembered, so the next polls do not take it again.
    await later((MAX_AGE_DAYS - 1) * DAY);
    expect(await stores.items.status('feed', news.key)).toBe('done');
    expect((await ingest(feed, false, [news], channels, deps())).fresh).toBe(0);
    // Past rememberDays the claim is gone (the store shrinks)...
    await later(3 * DAY + 1);
    expect(await stores.items.status('feed', news.key)).toBe('unknown');
    // ...and the item, still in the feed, is claimed anew but too old to alert.
    const again = await ingest(feed, false, [news], channels, deps());
    expect(again.fresh).toBe(1);
    expect(again.queued).toBe(0);
    expect(again.outcomes[0]?.outcome).toBe('too-old');
    expect((await stores.outbox.pendingFor('all')).map((e) => e.key)).toHaveLength(1);
  });

  it('keeps items the age limit does not cover: undated, or dated ahead', async () => {
    const undated = item(2);
    const ahead = item(3, new Date(clock.now().getTime() + 5 * DAY));
    const dated = item(4, clock.now());
    expect((await ingest(feed, false, [undated, ahead, dated], channels, deps())).queued).toBe(3);
    await later(REMEMBER_DAYS * DAY + 1);
    expect(await stores.items.status('feed', dated.key)).toBe('unknown');
    expect(await stores.items.status('feed', undated.key)).toBe('done');
    expect(await stores.items.status('feed', ahead.key)).toBe('done');
    const again = await ingest(feed, false, [undated, ahead], channels, deps());
    expect(again.fresh).toBe(0);
  });
});
