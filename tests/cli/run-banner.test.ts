/**
 * `banwatch run` says at start which sources it will not poll because they were paused after
 * failing in a row, and how to resume them: the banner said "polling 15 sources" with all of them
 * paused (a new-user walkthrough).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/clock.js';
import { BANNER_NAMES, namedList } from '../../src/cli/run-command.js';
import { emptyFeedState } from '../../src/domain/feed-state.js';
import { openStores } from '../../src/store/open-stores.js';
import { rssDocument, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { runInProcess } from '../support/run-in-process.js';

let feeds: FeedServer;
let config: string;

beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.route('/a.xml', { body: rssDocument({ items: [] }) });
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-banner-'));
  const store = `sqlite://${join(dir, 's.sqlite')}`;
  config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `store: ${store}`,
      'sources:',
      `  - {id: working, type: rss, url: "${feeds.url('/a.xml')}"}`,
      `  - {id: broken, type: rss, url: "${feeds.url('/b.xml')}"}`,
      'channels:',
      '  - {id: team, type: console}',
    ].join('\n'),
  );
  const stores = await openStores(store, systemClock);
  await stores.feeds.put({ ...emptyFeedState('broken'), failures: 10, pausedAt: '2026-12-07T00:00:00.000Z' });
  await stores.close();
});
afterAll(async () => {
  await feeds.close();
});

describe('the run banner', () => {
  it('names the paused sources and how to resume them', async () => {
    const run = runInProcess(['--config', config], { PORT: '0' });
    try {
      await run.port();
      expect(run.stderr()).toContain(
        'paused after failing in a row, not polled: broken (resume with `banwatch feeds resume ID`)',
      );
      expect(run.stderr()).not.toMatch(/paused after failing in a row, not polled: .*working/);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });
});

describe("run's start-up banner lists", () => {
  it('names every entry of a short list, and the first ones of a fleet with how many more', () => {
    expect(namedList(['a every 10m', 'b every 1h'], 'none configured')).toBe('a every 10m, b every 1h');
    expect(namedList([], 'none configured')).toBe('none configured');
    const fleet = Array.from({ length: 100_000 }, (_, i) => `s${i}`);
    const line = namedList(fleet, 'none configured');
    expect(line).toBe(`${fleet.slice(0, BANNER_NAMES).join(', ')}, and ${100_000 - BANNER_NAMES} more`);
  });
});
