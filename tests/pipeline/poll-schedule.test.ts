import { afterAll, describe, expect, it } from 'vitest';
import type { PollResult, Source } from '../../src/domain/source.js';
import { nextPollDue, pollSource } from '../../src/pipeline/poll-source.js';
import { silentLogger } from '../../src/shared/logger.js';
import { classifier } from '../classify/default-classifier.js';
import { mutableClock } from '../support/mutable-clock.js';
import { tempStores } from '../support/temp-stores.js';

const clock = mutableClock('2026-11-29T10:00:00.004Z');
const stores = await tempStores(clock);
afterAll(() => stores.close());

/** A source whose poll takes `tookMs` on the test's clock and finds nothing new. */
function slowSource(tookMs: number): Source {
  return {
    id: 'wire',
    name: 'wire',
    intervalMs: 30_000,
    backfill: 0,
    async poll(): Promise<PollResult> {
      clock.advance(tookMs);
      return { ok: true, items: [], cursor: {}, notModified: true };
    },
  };
}

describe('poll schedule', () => {
  it('is due an interval after the tick that started the poll, and half an interval after a slow one', () => {
    const due = (started: string, ended: string, intervalMs: number) =>
      nextPollDue(new Date(started), new Date(ended), intervalMs).toISOString();
    expect(due('2026-11-29T10:00:00.004Z', '2026-11-29T10:00:00.050Z', 30_000)).toBe('2026-11-29T10:00:30.000Z');
    expect(due('2026-11-29T10:00:00.999Z', '2026-11-29T10:00:01.200Z', 30_000)).toBe('2026-11-29T10:00:30.000Z');
    expect(due('2026-11-29T10:00:01.000Z', '2026-11-29T10:00:02.000Z', 900_000)).toBe('2026-11-29T10:15:01.000Z');
    // An interval that is not whole seconds is not shortened to the second.
    expect(due('2026-11-29T10:00:00.004Z', '2026-11-29T10:00:00.010Z', 1_500)).toBe('2026-11-29T10:00:01.500Z');
    // A host that took 25 s of a 30 s interval rests 15 s, not 5.
    expect(due('2026-11-29T10:00:00.004Z', '2026-11-29T10:00:25.004Z', 30_000)).toBe('2026-11-29T10:00:40.004Z');
  });

  it("does not let the time a poll takes, or the scheduler's second, lengthen the interval", async () => {
    const deps = { ...stores, feeds: stores.feeds, classifier, clock, logger: silentLogger(), maxAgeMs: 86_400_000 };
    // Started 4 ms after the scheduler's tick and took 700 ms: the next tick 30 s on takes it.
    const summary = await pollSource(slowSource(700), [], deps);
    expect(summary.status).toBe('not-modified');
    expect((await stores.feeds.get('wire'))?.nextPollAt).toBe('2026-11-29T10:00:30.000Z');
  });
});
