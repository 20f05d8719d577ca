import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { readinessProblems } from '../../src/runtime/health-routes.js';
import { emptyFeedState } from '../../src/domain/feed-state.js';
import type { Source } from '../../src/domain/source.js';
import { mutableClock } from '../support/mutable-clock.js';
import { tempStores } from '../support/temp-stores.js';

const source = (id: string, intervalMs: number): Source => ({
  id,
  name: id,
  intervalMs,
  backfill: 0,
  poll: async () => ({ ok: true, items: [], cursor: {} }),
});

describe('readiness', () => {
  it('is ready when the store answers, the scheduler runs and no source is late', async () => {
    const clock = mutableClock('2026-11-29T10:00:00Z');
    const stores = await tempStores(clock);
    const deps = {
      ping: () => stores.backend.ping(),
      schedulerRunning: () => true,
      sources: () => [source('a', 60_000), source('b', 60_000)],
      feeds: stores.feeds,
      clock,
      registry: new Registry(),
    };
    await stores.feeds.put({ ...emptyFeedState('a'), nextPollAt: '2026-11-29T09:59:00Z' });
    await stores.feeds.put({
      ...emptyFeedState('b'),
      nextPollAt: '2026-11-29T09:57:00Z',
      pausedAt: '2026-11-29T09:00:00Z',
    });
    expect(await readinessProblems(deps)).toEqual([]);
    clock.advance(90_000);
    expect(await readinessProblems(deps)).toEqual(['source a overdue by 150s']);
    expect(await readinessProblems({ ...deps, schedulerRunning: () => false })).toEqual(['scheduler not running']);
    await stores.close();
    expect((await readinessProblems(deps))[0]).toMatch(/^store unreachable: /);
  });
});
