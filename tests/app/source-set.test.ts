import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typed } from '../../src/app/build-sources.js';
import { createSourceSet, FULL_REFRESH_MS } from '../../src/app/source-set.js';
import { systemClock } from '../../src/domain/clock.js';
import type { FeedRegistry, RuntimeFeed } from '../../src/domain/runtime-feed.js';
import type { FeedFetcher } from '../../src/shared/http/feed-fetcher.js';
import { createRssSource } from '../../src/sources/rss/rss-source.js';
import { createFeedRegistry } from '../../src/store/feed-registry-store.js';
import { openSqliteBackend } from '../../src/store/sqlite/sqlite-backend.js';
import { mutableClock } from '../support/mutable-clock.js';

/** Issue 24: the set of sources the engine polls, re-read from the runtime feeds every 30 s. */
const fetcher: Pick<FeedFetcher, 'fetch'> = {
  fetch: () => Promise.reject(new Error('these tests never poll')),
};

function registry(): FeedRegistry & { feeds: Map<string, RuntimeFeed> } {
  const feeds = new Map<string, RuntimeFeed>();
  return {
    feeds,
    list: () => Promise.resolve([...feeds.values()]),
    put: (feed) => Promise.resolve(void feeds.set(feed.id, feed)),
    remove: (id) => Promise.resolve(feeds.delete(id)),
  };
}

const feed = (id: string, extra: Partial<RuntimeFeed> = {}): RuntimeFeed => ({
  id,
  url: `https://example.com/${id}.xml`,
  intervalMs: 600_000,
  addedBy: 'slack:U1',
  addedAt: '2026-12-01T00:00:00.000Z',
  trusted: false,
  ...extra,
});

function setWith(runtime: ReturnType<typeof registry>) {
  const configured = [
    typed(
      createRssSource(
        { id: 'configured', url: 'https://www.agency.gov/feed', intervalMs: 600_000, backfill: 0 },
        { fetcher, clock: systemClock },
      ),
      'rss',
    ),
  ];
  return createSourceSet(configured, () => new Map([['configured', 'https://www.agency.gov/feed']]), {
    registry: runtime,
    trustedFetcher: fetcher,
    guardedFetcher: fetcher,
    clock: systemClock,
  });
}

describe('source set', () => {
  it('keeps each unchanged source and the list itself across refreshes', async () => {
    const runtime = registry();
    for (let n = 0; n < 3; n++) await runtime.put(feed(`r${n}`));
    const set = setWith(runtime);
    await set.refresh();
    const first = set.all();
    expect(first.map((s) => s.id)).toEqual(['configured', 'r0', 'r1', 'r2']);

    await set.refresh();
    expect(set.all()).toBe(first);
  });

  it('rebuilds a feed whose definition changed, adds new ones and drops removed ones', async () => {
    const runtime = registry();
    for (let n = 0; n < 3; n++) await runtime.put(feed(`r${n}`));
    const set = setWith(runtime);
    await set.refresh();
    const [, r0, r1] = set.all();

    await runtime.put(feed('r1', { intervalMs: 60_000, title: 'Renamed' }));
    await runtime.remove('r2');
    await runtime.put(feed('r3', { scope: 'slack:T1' }));
    await set.refresh();
    const after = set.all();
    expect(after.map((s) => s.id)).toEqual(['configured', 'r0', 'r1', 'r3']);
    expect(after[1]).toBe(r0);
    expect(after[2]).not.toBe(r1);
    expect(after[2]?.intervalMs).toBe(60_000);
    expect(set.titleOf('r1')).toBe('Renamed');
    expect((after[3] as { scope?: string }).scope).toBe('slack:T1');
  });

  it('names configured and runtime feeds, and nothing for an unknown id', async () => {
    const runtime = registry();
    await runtime.put(feed('r0', { title: 'Runtime feed' }));
    const set = setWith(runtime);
    await set.refresh();
    expect(set.titleOf('r0')).toBe('Runtime feed');
    expect(set.titleOf('configured')).toBe('agency.gov');
    expect(set.titleOf('missing')).toBeUndefined();
    expect((await set.feeds()).map((f) => `${f.origin}:${f.id}`)).toEqual(['config:configured', 'runtime:r0']);
  });

  it('ignores a runtime feed whose id the config file already uses', async () => {
    const runtime = registry();
    await runtime.put(feed('configured'));
    await runtime.put(feed('r0'));
    const set = setWith(runtime);
    await set.refresh();
    expect(set.all().map((s) => s.id)).toEqual(['configured', 'r0']);
  });

  it('reads the stored feeds again only when their version moved, and in full every ten minutes', async () => {
    const clock = mutableClock('2026-12-07T00:00:00Z');
    const backend = await openSqliteBackend(
      `sqlite://${join(mkdtempSync(join(tmpdir(), 'banwatch-set-')), 's.sqlite')}`,
      clock,
    );
    try {
      const stored = createFeedRegistry(backend);
      let lists = 0;
      const counted = { ...stored, list: () => (lists++, stored.list()) };
      await stored.put(feed('r0'));
      const set = createSourceSet([], () => new Map(), {
        registry: counted,
        trustedFetcher: fetcher,
        guardedFetcher: fetcher,
        clock,
      });
      await set.refresh();
      await set.refresh();
      expect(lists).toBe(1);

      // Another instance adds a feed: the version moves, and the next refresh reads it.
      await createFeedRegistry(backend).put(feed('r1'));
      await set.refresh();
      expect(set.all().map((s) => s.id)).toEqual(['r0', 'r1']);
      expect(lists).toBe(2);

      // A feed stored without its version (its writer died in between) is read at the next full read.
      await backend.ordered<RuntimeFeed>('runtime-feeds').append('r2', feed('r2'));
      await set.refresh();
      expect(set.all()).toHaveLength(2);
      clock.advance(FULL_REFRESH_MS);
      await set.refresh();
      expect(set.all().map((s) => s.id)).toEqual(['r0', 'r1', 'r2']);
    } finally {
      await backend.close();
    }
  });
});
