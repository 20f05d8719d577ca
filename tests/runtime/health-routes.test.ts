import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { cachedOverdue, OVERDUE_LISTED, OVERDUE_SCAN_MS, readinessProblems } from '../../src/runtime/health-routes.js';
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

  it('names the first overdue sources and counts the rest, from a scan reused for half a minute', async () => {
    const clock = mutableClock('2026-11-29T10:00:00Z');
    const stores = await tempStores(clock);
    const many = Array.from({ length: OVERDUE_LISTED + 5 }, (_, i) => source(`s${i}`, 60_000));
    let sources = many.slice(0, 1);
    let reads = 0;
    const deps = {
      ping: () => stores.backend.ping(),
      schedulerRunning: () => true,
      sources: () => sources,
      feeds: {
        ...stores.feeds,
        getMany: (ids: readonly string[]) => {
          reads++;
          return stores.feeds.getMany(ids);
        },
      },
      clock,
      registry: new Registry(),
    };
    for (const s of many) await stores.feeds.put({ ...emptyFeedState(s.id), nextPollAt: '2026-11-29T09:59:00Z' });
    const overdue = cachedOverdue(deps);
    expect(await readinessProblems(deps, overdue)).toEqual([]);
    sources = many;
    for (const s of many) await stores.feeds.put({ ...emptyFeedState(s.id), nextPollAt: '2026-11-29T09:55:00Z' });
    clock.advance(OVERDUE_SCAN_MS - 1_000);
    // Within the window the earlier scan answers, though the sources are late by now.
    expect(await readinessProblems(deps, overdue)).toEqual([]);
    expect(reads).toBe(1);
    clock.advance(1_000);
    const problems = await readinessProblems(deps, overdue);
    expect(reads).toBe(2);
    expect(problems).toHaveLength(OVERDUE_LISTED + 1);
    expect(problems[0]).toBe('source s0 overdue by 330s');
    expect(problems.at(-1)).toBe('and 5 more source(s) overdue');
    // The store is checked at every probe, cached scan or not.
    await stores.close();
    expect((await readinessProblems(deps, overdue))[0]).toMatch(/^store unreachable: /);
  });
});
